using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Localization;
using Registry.Testing;

namespace Registry.Browser.Tests.Infrastructure;

/// <summary>
/// The app's clock for journeys that span days: the real time plus an offset the journey moves forward (so timers and
/// background work keep running, unlike a frozen fake clock). Moving it is how "seven days later" happens in a browser.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    /// <summary>Moves the app's time forward by <paramref name="span"/>.</summary>
    public void Skip(TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, span.Ticks);
    }
}

/// <summary>
/// A browser fixture of its own whose app runs on a <see cref="ShiftedClock"/>, with Recipes/test-ratings.recipe.json as
/// its demo register (the district register plus three rating experts): for journeys that wait out a legal period.
/// </summary>
public sealed class ClockedBrowserFixture : BrowserFixture
{
    public ShiftedClock Clock { get; } = new();

    /// <summary>The app's today in Beijing.</summary>
    public DateOnly Today => ChinaTime.Today(Clock);

    protected override string DemoRegisterRecipe => "test-ratings.recipe.json";

    private protected override BrowserRegistryFactory CreateFactory(TestDatabase database) =>
        new(database, services => services.AddSingleton<TimeProvider>(Clock));
}

/// <summary>Journeys on the <see cref="ClockedBrowserFixture"/>: mark a test class with <c>[Collection(ClockedBrowserJourneys.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class ClockedBrowserJourneys : ICollectionFixture<ClockedBrowserFixture>
{
    public const string Name = "Browser journeys on a movable clock";
}
