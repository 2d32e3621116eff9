using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;

namespace Registry.Core.Auditing;

/// <summary>Records who did what; the entry is saved (and chained) with the caller's next SaveChanges.</summary>
public interface IAuditTrail
{
    void Record(string action, string entityType, string entityId, string summary);
}

internal sealed class AuditTrail(DbContext db, ICurrentActor actor, TimeProvider clock) : IAuditTrail
{
    public void Record(string action, string entityType, string entityId, string summary)
    {
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary,
        });
    }
}
