using Registry.Cultivation.Domain;

namespace Registry.Cultivation.Tests.Domain;

public sealed class IncubationWorkflowTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    // 入驻 → 孵化中 → 出壳; leaving (退出) is possible until graduation; graduated and left are final.
    private static readonly (IncubationState From, IncubationTrigger Trigger, IncubationState To)[] Allowed =
    [
        (IncubationState.Entered, IncubationTrigger.Start, IncubationState.Incubating),
        (IncubationState.Entered, IncubationTrigger.Leave, IncubationState.Left),
        (IncubationState.Incubating, IncubationTrigger.Graduate, IncubationState.Graduated),
        (IncubationState.Incubating, IncubationTrigger.Leave, IncubationState.Left),
    ];

    public static TheoryData<IncubationState, IncubationTrigger> Pairs()
    {
        var data = new TheoryData<IncubationState, IncubationTrigger>();
        foreach (var state in Enum.GetValues<IncubationState>())
        {
            foreach (var trigger in Enum.GetValues<IncubationTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    public static TheoryData<IncubationState> States() => [.. Enum.GetValues<IncubationState>()];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Next_EveryStateAndTrigger_FollowsTheTable(IncubationState from, IncubationTrigger trigger)
    {
        var expected = Allowed.Where(a => a.From == from && a.Trigger == trigger).Select(a => (IncubationState?)a.To).SingleOrDefault();

        IncubationWorkflow.Next(from, trigger).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Permitted_AnyState_ListsExactlyTheTableTriggers(IncubationState state)
    {
        IncubationWorkflow.Permitted(state).Order().ShouldBe(Allowed.Where(a => a.From == state).Select(a => a.Trigger).Order());
    }

    [Theory]
    [MemberData(nameof(States))]
    public void InResidence_AnyState_OnlyBeforeLeaving(IncubationState state)
    {
        IncubationWorkflow.InResidence(state).ShouldBe(state is IncubationState.Entered or IncubationState.Incubating);
    }

    [Fact]
    public void ValidateEntry_ThirtySixMonths_Accepted()
    {
        IncubationWorkflow.ValidateEntry("读书会", "文化", "联合会", new DateOnly(2026, 3, 1), new DateOnly(2029, 3, 1), Today).ShouldBeEmpty();
    }

    [Fact]
    public void ValidateEntry_LongerThanThirtySixMonths_Refused()
    {
        IncubationWorkflow.ValidateEntry("读书会", "文化", "联合会", new DateOnly(2026, 3, 1), new DateOnly(2029, 3, 2), Today)
            .Select(e => e.Key).ShouldBe(["Cult.Inc.Error.Period"]);
    }

    [Fact]
    public void ValidateEntry_NothingGiven_EachFieldNamed()
    {
        IncubationWorkflow.ValidateEntry(" ", null, "", null, null, Today).Select(e => e.Field).ShouldBe(["Name", "ServiceField", "Mentor", "EnteredOn"]);
    }

    [Fact]
    public void ValidateBase_FutureOpeningAndNoPlaces_Refused()
    {
        IncubationWorkflow.ValidateBase("基地", "地址", 0, Today.AddDays(1), Today).Select(e => e.Key).ShouldBe(["Cult.Inc.Error.Capacity", "Cult.Inc.Error.FutureDate"]);
    }

    [Fact]
    public void ByYear_Stays_CountedInTheYearOfEntryAndOfExit()
    {
        IncubatedOrganization[] stays =
        [
            new() { EnteredOn = new(2024, 5, 1), ExitedOn = new(2025, 4, 1), State = IncubationState.Graduated, OrganizationId = 7 },
            new() { EnteredOn = new(2025, 1, 1), ExitedOn = new(2025, 6, 1), State = IncubationState.Graduated },
            new() { EnteredOn = new(2025, 2, 1), ExitedOn = new(2025, 9, 1), State = IncubationState.Left },
            new() { EnteredOn = new(2025, 3, 1), State = IncubationState.Incubating },
        ];

        IncubationFigures.ByYear(stays).ShouldBe(
        [
            new IncubationYear(2025, 3, 2, 1, 1),
            new IncubationYear(2024, 1, 0, 0, 0),
        ]);
    }
}
