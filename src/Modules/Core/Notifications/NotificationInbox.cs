using Microsoft.EntityFrameworkCore;

namespace Registry.Core.Notifications;

/// <summary>A person's in-app notices.</summary>
public interface INotificationInbox
{
    Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken);

    Task<(IReadOnlyList<Notification> Items, int Total)> PageAsync(string userId, int page, int pageSize, CancellationToken cancellationToken);

    Task MarkAllReadAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Marks one of the user's notices read and returns it (null when it is not theirs): opening a notice reads it.</summary>
    Task<Notification?> OpenAsync(string userId, long id, CancellationToken cancellationToken);
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

    public async Task<Notification?> OpenAsync(string userId, long id, CancellationToken cancellationToken)
    {
        var notification = await db.Set<Notification>().SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is { ReadAt: null })
        {
            notification.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return notification;
    }
}
