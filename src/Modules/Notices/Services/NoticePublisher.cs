using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Notices.Contracts;
using Registry.Notices.Domain;

namespace Registry.Notices.Services;

/// <summary>The <see cref="INoticePublisher"/> contract: upsert by (source module, source key), saved at once.</summary>
internal sealed class NoticePublisher(DbContext db, NoticeService notices, IAuditTrail audit, TimeProvider clock) : INoticePublisher
{
    public async Task<int> PublishAsync(NoticeDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (string.IsNullOrWhiteSpace(draft.SourceModule) || draft.SourceModule.Length > Notice.MaxSourceModule)
        {
            throw new ArgumentException($"SourceModule is required (at most {Notice.MaxSourceModule} characters).", nameof(draft));
        }

        if (string.IsNullOrWhiteSpace(draft.SourceKey) || draft.SourceKey.Length > Notice.MaxSourceKey)
        {
            throw new ArgumentException($"SourceKey is required (at most {Notice.MaxSourceKey} characters).", nameof(draft));
        }

        var fields = new NoticeFields(draft.Title ?? "", draft.Kind, draft.BodyMarkdown ?? "", draft.PeriodStart, draft.PeriodEnd, draft.AcceptsObjections);
        if (fields.Check() is { Count: > 0 } errors)
        {
            throw new ArgumentException($"Invalid notice draft: {string.Join(", ", errors.Select(e => $"{e.Field}: {e.Key}"))}", nameof(draft));
        }

        var notice = await db.Set<Notice>().SingleOrDefaultAsync(n => n.SourceModule == draft.SourceModule && n.SourceKey == draft.SourceKey, cancellationToken);
        var changed = false;
        await notices.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (notice is null)
            {
                notice = new Notice
                {
                    Status = NoticeStatus.Draft,
                    SourceModule = draft.SourceModule,
                    SourceKey = draft.SourceKey,
                    CreatedBy = draft.SourceModule,
                    CreatedAt = now,
                };
                NoticeService.Apply(notice, fields, now);
                db.Add(notice);
                await db.SaveChangesAsync(cancellationToken);
                audit.Record("notice.created", NoticeService.AuditEntity, notice.Id.ToString(CultureInfo.InvariantCulture), $"{draft.SourceModule}/{draft.SourceKey}: {notice.Kind} {notice.Title}");
                changed = true;
            }
            else if (NoticeService.Changes(notice, fields) is { Count: > 0 } changes)
            {
                NoticeService.Apply(notice, fields, now);
                notices.Announce(notice);
                audit.Record("notice.updated", NoticeService.AuditEntity, notice.Id.ToString(CultureInfo.InvariantCulture), $"{draft.SourceModule}/{draft.SourceKey}: {string.Join(", ", changes)}");
                changed = true;
            }

            // An officer's withdrawal stands: the module re-sending its notice does not undo it.
            if (draft.PublishNow && notice.Status == NoticeStatus.Draft && notices.Transition(notice, NoticeTrigger.Publish) is null)
            {
                changed = true;
            }

            if (changed)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }, cancellationToken);
        return notice!.Id;
    }

    public async Task<NoticeSummary?> FindBySourceAsync(string sourceModule, string sourceKey, CancellationToken cancellationToken)
    {
        var notice = await db.Set<Notice>().AsNoTracking().SingleOrDefaultAsync(n => n.SourceModule == sourceModule && n.SourceKey == sourceKey, cancellationToken);
        if (notice is null)
        {
            return null;
        }

        var objections = await db.Set<Objection>().CountAsync(o => o.NoticeId == notice.Id, cancellationToken);
        return new NoticeSummary(notice.Id, notice.Title, notice.Kind, notice.Status, notice.PublishedAt, notice.PeriodStart, notice.PeriodEnd, notice.AcceptsObjections, objections, NoticeLinks.Notice(notice.Id));
    }
}
