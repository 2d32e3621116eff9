using Microsoft.EntityFrameworkCore;

namespace Registry.Core.Notifications;

/// <summary>A person's in-app notices.</summary>
public interface INotificationInbox
{
    Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken);

    Task<(IReadOnlyList<Notification> Items, int Total)> PageAsync(string userId, int page, int pageSize, CancellationToken cancellationToken);

    Task MarkAllReadAsync(string userId, CancellationToken cancellationToken);
}

internal sealed class NotificationInbox(DbContext db, TimeProvider clock) : INotificationInbox
{
    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    public async Task<(IReadOnlyList<Notification> Items, int Total)> PageAsync(string userId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine.OrderByDescending(n => n.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    public Task MarkAllReadAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
