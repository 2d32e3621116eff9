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
        db.Set<AuditEntry>().Add(AuditChain.NewEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, action, entityType, entityId, summary, key));
    }
}
