using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Calendar;
using Registry.Core.Outbox;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Core.Settings;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>Migrations, recipes, the audit chain, optimistic concurrency and the change feed, on each provider.</summary>
public abstract class DataTests<TApp>(TApp app)
    where TApp : AppFixture
{
    [Fact]
    public async Task Migrations_OnEmptyDatabase_AreAllApplied()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task TestRecipe_RunAgain_DuplicatesNothing()
    {
        var before = await CountsAsync();
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(RecipePath("test.recipe.json"), CancellationToken.None);
        }

        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Recipe_WithSeveralErrors_ReportsThemAllAndAppliesNothing()
    {
        var path = Path.Combine(app.Factory.Database.Directory, "broken.recipe.json");
        await File.WriteAllTextAsync(path, """
            {
              "name": "broken",
              "steps": [
                { "name": "settings", "values": { "Broken.Marker": "applied" } },
                { "name": "no-such-step" },
                { "name": "users", "users": [ { "displayName": "no email" } ] },
                { "name": "roles", "roles": [ { "name": "Officer", "permissions": ["No.Such.Permission"] } ] }
              ]
            }
            """);
        await using var scope = app.Scope();
        var failure = await Should.ThrowAsync<RecipeFailedException>(
            () => scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(path, CancellationToken.None));
        failure.Errors.Count.ShouldBe(3);
        failure.Errors.ShouldContain(e => e.Contains("no-such-step", StringComparison.Ordinal));
        failure.Errors.ShouldContain(e => e.Contains("'email' is required", StringComparison.Ordinal));
        failure.Errors.ShouldContain(e => e.Contains("No.Such.Permission", StringComparison.Ordinal));
        await using var check = app.Scope();
        (await check.ServiceProvider.GetRequiredService<ISettings>().GetAsync("Broken.Marker", CancellationToken.None)).ShouldBeNull();
        var log = await check.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<RecipeRun>().Where(r => r.Name == "broken").SingleAsync();
        log.Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task AuditChain_AfterConcurrentWrites_IsIntact_AndDetectsTampering()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            audit.Record("test.write", "Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"concurrent write {i}");
            audit.Record("test.write", "Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"second entry {i}");
            await db.SaveChangesAsync();
        }));

        await using var check = app.Scope();
        var context = check.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await AuditChain.SealPendingAsync(context, AuditKey.Development, CancellationToken.None);
        var intact = await AuditChain.VerifyAsync(context, AuditKey.Development, CancellationToken.None);
        intact.IsIntact.ShouldBeTrue(intact.ReasonKey);
        intact.VerifiedEntries.ShouldBeGreaterThanOrEqualTo(16);

        var victim = await context.Set<AuditEntry>().Where(e => e.Sequence != null).OrderBy(e => e.Sequence).Skip(2).FirstAsync();
        await context.Set<AuditEntry>().Where(e => e.Id == victim.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, "rewritten history"));
        var broken = await AuditChain.VerifyAsync(context, AuditKey.Development, CancellationToken.None);
        broken.IsIntact.ShouldBeFalse();
        broken.BrokenAt.ShouldBe(victim.Sequence);
        broken.ReasonKey.ShouldBe("Audit.Verify.Altered");

        // Put it back so other tests in this class see an intact chain.
        await context.Set<AuditEntry>().Where(e => e.Id == victim.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, victim.Summary));
        (await AuditChain.VerifyAsync(context, AuditKey.Development, CancellationToken.None)).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task AuditChain_DeletedNewestEntry_IsDetected()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        scope.ServiceProvider.GetRequiredService<IAuditTrail>().Record("test.delete", "Test", "x", "to be deleted");
        await db.SaveChangesAsync();
        await AuditChain.SealPendingAsync(db, AuditKey.Development, CancellationToken.None);
        var newest = await db.Set<AuditEntry>().Where(e => e.Sequence != null).OrderByDescending(e => e.Sequence).FirstAsync();
        await db.Set<AuditEntry>().Where(e => e.Id == newest.Id).ExecuteDeleteAsync();
        var result = await AuditChain.VerifyAsync(db, AuditKey.Development, CancellationToken.None);
        result.IsIntact.ShouldBeFalse();
        result.ReasonKey.ShouldBe("Audit.Verify.TailMissing");

        await RestoreWithoutChainingAsync(db, newest);
        (await AuditChain.VerifyAsync(db, AuditKey.Development, CancellationToken.None)).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task Setting_TwoEditorsSaveTheSameRow_SecondIsToldItChanged()
    {
        await using (var seed = app.Scope())
        {
            await seed.ServiceProvider.GetRequiredService<ISettings>().SetAsync("Concurrency.Test", "original", CancellationToken.None);
            await seed.ServiceProvider.GetRequiredService<RegistryDbContext>().SaveChangesAsync();
        }

        await using var first = app.Scope();
        await using var second = app.Scope();
        var db1 = first.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var mine = await db1.Set<Setting>().SingleAsync(s => s.Key == "Concurrency.Test");
        var theirs = await db2.Set<Setting>().SingleAsync(s => s.Key == "Concurrency.Test");
        mine.Value = "first editor";
        await db1.SaveChangesAsync();
        theirs.Value = "second editor";
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());

        await using var check = app.Scope();
        (await check.ServiceProvider.GetRequiredService<ISettings>().GetAsync("Concurrency.Test", CancellationToken.None)).ShouldBe("first editor");
    }

    [Fact]
    public async Task Calendar_FromTheSetupRecipe_CountsWorkingDaysAcrossNationalDay()
    {
        await using var scope = app.Scope();
        var calendar = await scope.ServiceProvider.GetRequiredService<ICalendarProvider>().GetAsync(CancellationToken.None);
        calendar.AddWorkingDays(new DateOnly(2026, 9, 18), 20).ShouldBe(new DateOnly(2026, 10, 22));
        // 2027 has no published notice in the recipe: counted from the statutory holidays, marked provisional.
        calendar.DueAfter(new DateOnly(2026, 12, 20), 30).Provisional.ShouldBeTrue();
        Should.Throw<CalendarYearMissingException>(() => calendar.AddWorkingDays(new DateOnly(2024, 12, 20), 30));
    }

    private static async Task RestoreWithoutChainingAsync(RegistryDbContext db, AuditEntry entry)
    {
        // Re-insert the exact sealed row with SQL: going through SaveChanges would add it as a new, unsealed entry.
        db.ChangeTracker.Clear();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Core_AuditEntries" ("Id", "Sequence", "At", "UserId", "UserName", "Action", "EntityType", "EntityId", "Summary", "PreviousHash", "Hash")
            VALUES ({entry.Id}, {entry.Sequence}, {entry.At}, {entry.UserId}, {entry.UserName}, {entry.Action}, {entry.EntityType}, {entry.EntityId}, {entry.Summary}, {entry.PreviousHash}, {entry.Hash})
            """);
    }

    private async Task<(int Users, int Roles, int RoleClaims, int UserRoles, int Years, int Settings)> CountsAsync()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return (
            await db.Users.CountAsync(),
            await db.Roles.CountAsync(),
            await db.RoleClaims.CountAsync(),
            await db.UserRoles.CountAsync(),
            await db.Set<CalendarYear>().CountAsync(),
            await db.Set<Setting>().CountAsync(s => !s.Key.StartsWith("Concurrency.")));
    }

    internal static string RecipePath(string name) => Path.Combine(AppContext.BaseDirectory, "Recipes", name);
}

public sealed class DataTestsOnSqlite(SqliteApp app) : DataTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class DataTestsOnPostgreSql(PostgreSqlApp app) : DataTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
