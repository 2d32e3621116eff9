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

        // One upsert, portable across PostgreSQL and SQLite (≥ 3.35): the row lock it takes is held until the caller commits,
        // so concurrent callers queue up, including the very first use of a name.
        var values = await db.Database.SqlQuery<long>($"""
            INSERT INTO "Core_Sequences" ("Name", "Value") VALUES ({name}, 1)
            ON CONFLICT ("Name") DO UPDATE SET "Value" = "Core_Sequences"."Value" + 1
            RETURNING "Value"
            """).ToListAsync(cancellationToken);
        return values.Single();
    }
}
