using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Registry.Inspections.Domain;

namespace Registry.Inspections.Services;

/// <summary>
/// Keeps <see cref="ReportTally"/> and <see cref="SectorTally"/> in step with the reports, in the transaction of the save
/// that changes them, whichever service saves (report workflow, importer, campaign opening, recipes): before the save it
/// takes each added, changed or removed report as it was (read back from the database, which still holds it) and as it
/// will be; after the save, still inside the transaction (its own when the caller has none), it adds the differences
/// with one upsert per changed tally row, in key order so concurrent savers wait for each other rather than deadlock.
/// Writes that bypass the change tracker (ExecuteUpdate, bulk inserts) are not seen: rebuild with <see cref="ReportTalliesRebuild"/>.
/// </summary>
internal sealed class ReportTalliesInterceptor : SaveChangesInterceptor
{
    private const int IdsPerQuery = 500;

    private static readonly ConditionalWeakTable<DbContext, Pending> PendingSaves = [];

    private sealed record Pending(ReportTallyChanges Changes, IDbContextTransaction? OwnTransaction);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        BeforeSaveAsync(eventData, result, asynchronous: false, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        BeforeSaveAsync(eventData, result, asynchronous: true, cancellationToken);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        AfterSaveAsync(eventData, result, asynchronous: false, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        AfterSaveAsync(eventData, result, asynchronous: true, cancellationToken);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => AbandonAsync(eventData.Context, asynchronous: false).AsTask().GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) => AbandonAsync(eventData.Context, asynchronous: true).AsTask();

    public override void SaveChangesCanceled(DbContextEventData eventData) => AbandonAsync(eventData.Context, asynchronous: false).AsTask().GetAwaiter().GetResult();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) => AbandonAsync(eventData.Context, asynchronous: true).AsTask();

    private static async ValueTask<InterceptionResult<int>> BeforeSaveAsync(DbContextEventData eventData, InterceptionResult<int> result, bool asynchronous, CancellationToken cancellationToken)
    {
        if (eventData.Context is not { } db)
        {
            return result;
        }

        // A report counts as changed when its row or its content (owned, tracked apart from it) is.
        var changedContent = db.ChangeTracker.Entries<ReportContent>().Where(e => IsChanged(e.State))
            .Select(e => e.Property(e.Metadata.FindPrimaryKey()!.Properties[0].Name).CurrentValue).OfType<int>().ToHashSet();
        var entries = db.ChangeTracker.Entries<AnnualReport>().Where(e => IsChanged(e.State) || (e.State == EntityState.Unchanged && changedContent.Contains(e.Entity.Id))).ToList();
        if (entries.Count == 0)
        {
            return result;
        }

        var changes = new ReportTallyChanges();
        var stored = entries.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToList();
        for (var start = 0; start < stored.Count; start += IdsPerQuery)
        {
            var ids = stored.Skip(start).Take(IdsPerQuery).ToList();
            var query = db.Set<AnnualReport>().AsNoTracking().Where(r => ids.Contains(r.Id));
            foreach (var before in asynchronous ? await query.ToListAsync(cancellationToken) : [.. query])
            {
                changes.Add(before, -1);
            }
        }

        foreach (var entry in entries.Where(e => e.State != EntityState.Deleted))
        {
            changes.Add(entry.Entity, +1);
        }

        if (changes.IsEmpty)
        {
            return result;
        }

        IDbContextTransaction? own = null;
        if (db.Database.CurrentTransaction is null)
        {
            own = asynchronous ? await db.Database.BeginTransactionAsync(cancellationToken) : db.Database.BeginTransaction();
        }

        PendingSaves.AddOrUpdate(db, new Pending(changes, own));
        return result;
    }

    private static async ValueTask<int> AfterSaveAsync(SaveChangesCompletedEventData eventData, int result, bool asynchronous, CancellationToken cancellationToken)
    {
        if (eventData.Context is not { } db || !PendingSaves.TryGetValue(db, out var pending))
        {
            return result;
        }

        PendingSaves.Remove(db);
        try
        {
            foreach (var (key, delta) in pending.Changes.Counts)
            {
                await ExecuteAsync(db, CountUpsert, [key.CampaignId, key.State, key.Result, key.Rectification, key.SubmittedLate, checked((int)delta)], asynchronous, cancellationToken);
            }

            foreach (var (key, sums) in pending.Changes.Sectors)
            {
                object[] values = [key.Year, key.TypeCode, key.Street, .. sums.Select((v, i) => IsCount(i) ? checked((int)v) : (object)v)];
                await ExecuteAsync(db, SectorUpsert, values, asynchronous, cancellationToken);
            }

            if (pending.OwnTransaction is { } own)
            {
                if (asynchronous)
                {
                    await own.CommitAsync(cancellationToken);
                }
                else
                {
                    own.Commit();
                }
            }
        }
        finally
        {
            if (pending.OwnTransaction is { } own)
            {
                // Rolled back by disposal unless committed above.
                if (asynchronous)
                {
                    await own.DisposeAsync();
                }
                else
                {
                    own.Dispose();
                }
            }
        }

        return result;
    }

    private static async ValueTask AbandonAsync(DbContext? db, bool asynchronous)
    {
        if (db is null || !PendingSaves.TryGetValue(db, out var pending))
        {
            return;
        }

        PendingSaves.Remove(db);
        if (pending.OwnTransaction is { } own)
        {
            if (asynchronous)
            {
                await own.DisposeAsync();
            }
            else
            {
                own.Dispose();
            }
        }
    }

    private static bool IsChanged(EntityState state) => state is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    private static Task<int> ExecuteAsync(DbContext db, string sql, object[] values, bool asynchronous, CancellationToken cancellationToken) =>
        asynchronous ? db.Database.ExecuteSqlRawAsync(sql, values, cancellationToken) : Task.FromResult(db.Database.ExecuteSqlRaw(sql, values));

    /// <summary>The int columns among the sector sums (reports and party counts); the rest are bigint.</summary>
    private static bool IsCount(int column) => ReportTallyChanges.SectorColumns[column] is nameof(SectorTally.Reports) or nameof(SectorTally.PartyRequired) or nameof(SectorTally.PartyCovered) or nameof(SectorTally.PartyWorkCovered);

    // INSERT … ON CONFLICT … DO UPDATE: the same statement on SQLite (3.24+) and PostgreSQL (9.5+); the table's unique key index is the conflict target.
    private static readonly string CountUpsert = Upsert(ReportTalliesTables.Counts, ["CampaignId", "State", "Result", "Rectification", "SubmittedLate"], ["Reports"]);

    private static readonly string SectorUpsert = Upsert(ReportTalliesTables.Sectors, ["Year", "TypeCode", "Street"], ReportTallyChanges.SectorColumns);

    private static string Upsert(string table, IReadOnlyList<string> keys, IReadOnlyList<string> sums)
    {
        var columns = keys.Concat(sums).ToList();
        var sql = new StringBuilder($"INSERT INTO \"{table}\" (")
            .AppendJoin(", ", columns.Select(c => $"\"{c}\""))
            .Append(") VALUES (")
            .AppendJoin(", ", columns.Select((_, i) => $"{{{i}}}"))
            .Append(") ON CONFLICT (")
            .AppendJoin(", ", keys.Select(c => $"\"{c}\""))
            .Append(") DO UPDATE SET ")
            .AppendJoin(", ", sums.Select(c => $"\"{c}\" = \"{table}\".\"{c}\" + excluded.\"{c}\""));
        return sql.ToString();
    }
}

/// <summary>The tally tables' names (the entity configurations and the interceptor's SQL share them).</summary>
internal static class ReportTalliesTables
{
    public const string Counts = "Inspections_ReportTallies";

    public const string Sectors = "Inspections_SectorTallies";
}
