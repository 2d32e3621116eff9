using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Registry.Notices.Contracts;
using Registry.Notices.Domain;

namespace Registry.Notices.Services;

internal sealed class NoticeListing(DbContext db, NoticeMarkdown markdown) : INoticeListing
{
    public async Task<IReadOnlyList<PublishedNotice>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Notice>().AsNoTracking()
            .Where(n => n.Status == NoticeStatus.Published && n.PublishedAt != null)
            .OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Take(Math.Clamp(count, 0, 100))
            .Select(n => new { n.Id, n.Title, n.Kind, n.PublishedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(n => new PublishedNotice(n.Id, n.Title, n.Kind, n.PublishedAt!.Value, Url(n.Id), ""))];
    }

    public async IAsyncEnumerable<PublishedNotice> PublishedAsync(IReadOnlyCollection<int>? ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = db.Set<Notice>().AsNoTracking().Where(n => n.Status == NoticeStatus.Published && n.PublishedAt != null);
        if (ids is not null)
        {
            query = query.Where(n => ids.Contains(n.Id));
        }

        await foreach (var n in query.OrderBy(n => n.Id).Select(n => new { n.Id, n.Title, n.Kind, n.PublishedAt, n.BodyMarkdown }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new PublishedNotice(n.Id, n.Title, n.Kind, n.PublishedAt!.Value, Url(n.Id), markdown.PlainText(n.BodyMarkdown));
        }
    }

    private static string Url(int id) => NoticeLinks.Notice(id);
}
