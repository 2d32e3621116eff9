using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Registry.Core.Localization;
using Registry.Core.Recipes;
using Registry.Testing;
using Registry.Web.Data;

namespace Registry.Web.Tests.Infrastructure;

/// <summary>
/// The app on a clock the test moves (from Monday 2026-03-02, 10:00 in Beijing; the holiday calendar covers 2025–2026),
/// with <paramref name="settings"/> (e.g. a scheduled job off, so tests drive it) and <paramref name="recipe"/> (if any) loaded
/// on top of the test recipe. Tests sharing one fixture move the clock forward only.
/// </summary>
public abstract class ClockedApp(DatabaseKind kind, string? recipe, IReadOnlyDictionary<string, string?> settings) : AppFixture(kind)
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    public DateOnly Today => ChinaTime.Today(Clock);

    protected override RegistryFactory CreateFactory(TestDatabase database) =>
        new(database, settings: settings, services: s => s.AddSingleton<TimeProvider>(Clock));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (recipe is null)
        {
            return;
        }

        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", recipe), CancellationToken.None);
    }

    /// <summary>Past the dispatcher's grace for gaps in ids (<c>OutboxOptions.GapGrace</c>, 5 s): a gap left by the app's own background work is waited for on this clock.</summary>
    protected override void PassGapGrace() => Clock.Advance(TimeSpan.FromSeconds(10));

    /// <summary>Moves the clock to 10:00 in Beijing on <paramref name="day"/>.</summary>
    public void MoveTo(DateOnly day) => Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));

    /// <summary>Runs one call on a fresh scope, as one request would, and gives back its result.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Scope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Runs one scoped service call and gives back its result.</summary>
    public Task<T> WithAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull => InScopeAsync(s => action(s.GetRequiredService<TService>()));

    public Task<int> OrganizationIdAsync(string name) =>
        WithAsync<RegistryDbContext, int>(db => db.Set<Registry.Organizations.Domain.Organization>().Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
}
