using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;

namespace Registry.Core.Auditing;

/// <summary>
/// Records who did what; the entry is saved with the caller's next SaveChanges, in its transaction, and linked onto the
/// hash chain shortly after by the sealer (<see cref="AuditSealingJob"/>).
/// </summary>
public interface IAuditTrail
{
    void Record(string action, string entityType, string entityId, string summary);
}

internal sealed class AuditTrail(DbContext db, ICurrentActor actor, TimeProvider clock, AuditKey key) : IAuditTrail
{
    public void Record(string action, string entityType, string entityId, string summary)
    {
        var entry = new AuditEntry
        {
            At = AuditChain.Normalize(clock.GetUtcNow().UtcDateTime),
            UserId = actor.UserId,
            UserName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary,
        };
        entry.Mac = AuditChain.ComputeEntryMac(entry, key);
        db.Set<AuditEntry>().Add(entry);
    }
}
