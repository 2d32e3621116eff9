using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Recipes;
using Registry.Web.Data;

namespace Registry.Web.Hosting;

/// <summary>What runs before the site serves: migrations, the first recipe, an explicit <c>--recipe</c>; and one-shot commands.</summary>
public static class StartupTasks
{
    public const string RecipeArgument = "recipe";
    public const string DefaultRecipeKey = "Registry:Recipe";

    /// <summary>Migrates; on an empty database runs the configured recipe; then any <c>--recipe FILE</c>.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await MigrateQuietlyAsync(db);
        if (!db.IsPostgreSql())
        {
            // WAL lets readers proceed while one writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var runner = scope.ServiceProvider.GetRequiredService<IRecipeRunner>();
        var explicitRecipe = app.Configuration[RecipeArgument];
        var fresh = !await db.Set<RecipeRun>().AnyAsync(r => r.Succeeded);
        if (fresh && explicitRecipe is null)
        {
            await runner.RunAsync(ResolveRecipe(app, app.Configuration[DefaultRecipeKey] ?? "setup.recipe.json"), CancellationToken.None);
        }

        if (explicitRecipe is not null)
        {
            await runner.RunAsync(ResolveRecipe(app, explicitRecipe), CancellationToken.None);
        }
    }

    /// <summary>
    /// Migrates after making sure the migrations history table exists. On a fresh PostgreSQL database EF first reads the missing
    /// table (its way of asking whether it exists) and logs that expected failure at Error level, which looks like a fault at
    /// first start. The script is CREATE TABLE IF NOT EXISTS, so it is harmless when the table is there.
    /// </summary>
    private static async Task MigrateQuietlyAsync(RegistryDbContext db)
    {
        var exists = await db.GetService<IRelationalDatabaseCreator>().ExistsAsync();
        if (!exists && !db.IsPostgreSql())
        {
            // A new SQLite file gets its page size before the first table fixes it (an existing one keeps its own):
            // 16 KiB pages made the register import about a tenth faster and its file a thirteenth smaller than
            // SQLite's 4 KiB, as a commit writes a quarter as many pages (each a system call). Switching to WAL here
            // writes the file's header, which fixes the size before this connection goes back to the pool.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA page_size=16384;");
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }

        if (exists)
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript());
            }
            catch (System.Data.Common.DbException)
            {
                // Another node created it at the same moment (PostgreSQL can report that as a duplicate type): migrating sorts it out.
            }
        }

        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// Runs a command instead of the site, or returns null when the arguments name none. <c>verify-audit [--statement file]</c>:
    /// walks the chain (and checks it still holds the head of a statement downloaded earlier), seals the pending entries
    /// only if it is intact, then walks it again.
    /// </summary>
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (!args.Contains("verify-audit"))
        {
            return null;
        }

        AuditHeadStatement? statement = null;
        var at = Array.IndexOf(args, "--statement");
        if (at >= 0)
        {
            if (at + 1 >= args.Length || !File.Exists(args[at + 1]) || AuditHeadStatement.Parse(await File.ReadAllTextAsync(args[at + 1])) is not { } read)
            {
                await Console.Error.WriteLineAsync("verify-audit --statement needs the path of a statement downloaded from the audit page.");
                return 2;
            }

            statement = read;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var key = scope.ServiceProvider.GetRequiredService<AuditKey>();
        await MigrateQuietlyAsync(db);
        var result = await AuditChain.VerifyAsync(db, key, CancellationToken.None, statement);
        if (result.IsIntact)
        {
            await AuditChain.SealPendingAsync(db, key, CancellationToken.None);
            result = await AuditChain.VerifyAsync(db, key, CancellationToken.None, statement);
        }

        await Console.Out.WriteLineAsync(result.IsIntact
            ? $"Audit chain intact: {result.VerifiedEntries} entries ({result.PendingEntries} still being saved, not yet sealed){(statement is null ? "" : $"; it still holds the stated head {statement.Sequence} of {statement.IssuedAt:u}")}."
            : result.RefusedEntryId is { } refused
                ? $"Audit chain BROKEN: pending entry id {refused} is refused ({result.ReasonKey}); {result.VerifiedEntries} sealed entries verified."
                : $"Audit chain BROKEN at entry {result.BrokenAt} ({result.ReasonKey}); {result.VerifiedEntries} entries verified before it.");
        return result.IsIntact ? 0 : 1;
    }

    /// <summary>A recipe path as given, else under the app's Recipes folder (copied next to the binaries), else the repository's.</summary>
    public static string ResolveRecipe(WebApplication app, string recipe)
    {
        ArgumentNullException.ThrowIfNull(app);
        string[] candidates =
        [
            recipe,
            Path.Combine(AppContext.BaseDirectory, "Recipes", Path.GetFileName(recipe)),
            Path.Combine(app.Environment.ContentRootPath, "..", "..", "Recipes", Path.GetFileName(recipe)),
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"Recipe '{recipe}' not found (looked in: {string.Join(", ", candidates)}).");
    }
}
