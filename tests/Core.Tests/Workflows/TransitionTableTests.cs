using Registry.Core.Workflows;

namespace Registry.Core.Tests.Workflows;

public sealed class TransitionTableTests
{
    private enum Light
    {
        Red,
        Green,
        Off,
    }

    private enum Switch
    {
        Go,
        Stop,
        PowerDown,
    }

    private static TransitionTable<Light, Switch> Table() => new TransitionTable<Light, Switch>()
        .Permit(Light.Red, Switch.Go, Light.Green)
        .Permit(Light.Green, Switch.Stop, Light.Red)
        .Permit(Light.Red, Switch.PowerDown, Light.Off);

    [Fact]
    public void Next_ListedPair_ReturnsTarget()
    {
        Table().Next(Light.Red, Switch.Go).ShouldBe(Light.Green);
    }

    [Fact]
    public void Next_UnlistedPair_ReturnsNull()
    {
        Table().Next(Light.Green, Switch.PowerDown).ShouldBeNull();
    }

    [Fact]
    public void Permitted_State_ListsItsTriggersInEnumOrder()
    {
        Table().Permitted(Light.Red).ShouldBe([Switch.Go, Switch.PowerDown]);
    }

    [Fact]
    public void IsFinal_StateWithoutTransitions_True()
    {
        Table().IsFinal(Light.Off).ShouldBeTrue();
        Table().IsFinal(Light.Green).ShouldBeFalse();
    }

    [Fact]
    public void Count_Table_IsTheNumberOfListedTransitions()
    {
        Table().Count.ShouldBe(3);
    }

    [Fact]
    public void Permit_PairListedTwice_Throws()
    {
        Should.Throw<InvalidOperationException>(() => Table().Permit(Light.Red, Switch.Go, Light.Off));
    }
}
