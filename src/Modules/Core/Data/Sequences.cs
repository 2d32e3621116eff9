using Microsoft.EntityFrameworkCore;

namespace Registry.Core.Data;

/// <summary>A named counter (receipt numbers, credit-code sequences).</summary>
public sealed class SequenceCounter
{
    public string Name { get; set; } = "";

    public long Value { get; set; }
}

/// <summary>Gap-free numbers that are unique across nodes.</summary>
public interface ISequences
{
    /// <summary>
    /// The next number of <paramref name="name"/> (1, 2, …). Call it inside the transaction that uses the number:
    /// the counter row stays locked until commit, and a rollback gives the number back.
    /// </summary>
    Task<long> NextAsync(string name, CancellationToken cancellationToken);
}

internal sealed class DbSequences(DbContext db) : ISequences
{
    public async Task<long> NextAsync(string name, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Sequence numbers must be drawn inside a transaction.");
        }

        var counters = db.Set<SequenceCounter>();
        var bumped = await counters.Where(c => c.Name == name).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 1), cancellationToken);
        if (bumped == 0)
        {
            // First use; a concurrent first use fails on the primary key and the caller's transaction is retried.
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"Core_Sequences\" (\"Name\", \"Value\") VALUES ({name}, 1)", cancellationToken);
            return 1;
        }

        return await counters.AsNoTracking().Where(c => c.Name == name).Select(c => c.Value).SingleAsync(cancellationToken);
    }
}
