using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Files;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Notices.Contracts;
using Registry.Notices.Domain;

namespace Registry.Notices.Services;

/// <summary>The public non-page endpoints: Atom and RSS feeds of published notices, and their attachments.</summary>
internal static class NoticeEndpoints
{
    public const int FeedSize = 50;
    public const string AtomContentType = "application/atom+xml; charset=utf-8";
    public const string RssContentType = "application/rss+xml; charset=utf-8";

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/Notices/feed.atom", AtomAsync).AllowAnonymous();
        endpoints.MapGet("/Notices/feed.rss", RssAsync).AllowAnonymous();
        endpoints.MapGet("/Notices/Attachment/{fileId:guid}", AttachmentAsync).AllowAnonymous();
    }

    /// <summary>
    /// Attachments of published notices are public; officers may also read those of drafts and withdrawn notices. Anything
    /// else is 404, so an id reveals nothing.
    /// </summary>
    private static async Task<IResult> AttachmentAsync(Guid fileId, HttpContext context, DbContext db, IFileStore store, CancellationToken cancellationToken)
    {
        var attachment = await (
                from a in db.Set<NoticeAttachment>().AsNoTracking()
                join n in db.Set<Notice>() on a.NoticeId equals n.Id
                where a.FileId == fileId
                select new { a.FileName, n.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (attachment is null || (attachment.Status != NoticeStatus.Published && !context.User.HasPermission(NoticesPermissions.Manage)))
        {
            return Results.NotFound();
        }

        if (await store.FindAsync(fileId, cancellationToken) is not { } file)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(store.OpenRead(file), file.ContentType, attachment.FileName);
    }

    private static async Task<IResult> AtomAsync(HttpContext context, DbContext db, NoticeMarkdown markdown, IStringLocalizer localizer, PublicUrls urls, TimeProvider clock, CancellationToken cancellationToken)
    {
        var notices = await LatestAsync(db, cancellationToken);
        var site = SiteUrl(urls, context.Request);
        var updated = notices.Count == 0 ? clock.GetUtcNow().UtcDateTime : notices.Max(n => n.UpdatedAt);
        var bytes = Write(writer =>
        {
            writer.WriteStartElement("feed", AtomNamespace);
            writer.WriteAttributeString("xml", "lang", null, CultureInfo.CurrentUICulture.Name);
            writer.WriteElementString("title", AtomNamespace, FeedTitle(localizer));
            writer.WriteElementString("subtitle", AtomNamespace, localizer["Notices.Feed.Description"]);
            writer.WriteElementString("id", AtomNamespace, site + NoticeLinks.Public);
            Link(writer, "self", "application/atom+xml", site + "/Notices/feed.atom");
            Link(writer, "alternate", "text/html", site + NoticeLinks.Public);
            writer.WriteElementString("updated", AtomNamespace, Rfc3339(updated));
            writer.WriteStartElement("author", AtomNamespace);
            writer.WriteElementString("name", AtomNamespace, localizer["Theme.SiteName"]);
            writer.WriteEndElement();
            foreach (var notice in notices)
            {
                var url = $"{site}/Notices/{notice.Id}";
                writer.WriteStartElement("entry", AtomNamespace);
                writer.WriteElementString("title", AtomNamespace, notice.Title);
                writer.WriteElementString("id", AtomNamespace, url);
                Link(writer, "alternate", "text/html", url);
                writer.WriteElementString("published", AtomNamespace, Rfc3339(notice.PublishedAt!.Value));
                writer.WriteElementString("updated", AtomNamespace, Rfc3339(notice.UpdatedAt));
                writer.WriteStartElement("category", AtomNamespace);
                writer.WriteAttributeString("term", notice.Kind.ToString());
                writer.WriteAttributeString("label", localizer[$"Notices.Kind.{notice.Kind}"]);
                writer.WriteEndElement();
                writer.WriteStartElement("content", AtomNamespace);
                writer.WriteAttributeString("type", "html");
                writer.WriteString(markdown.ToSafeHtml(notice.BodyMarkdown));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
        return Results.Bytes(bytes, AtomContentType);
    }

    private static async Task<IResult> RssAsync(HttpContext context, DbContext db, NoticeMarkdown markdown, IStringLocalizer localizer, PublicUrls urls, TimeProvider clock, CancellationToken cancellationToken)
    {
        var notices = await LatestAsync(db, cancellationToken);
        var site = SiteUrl(urls, context.Request);
        var updated = notices.Count == 0 ? clock.GetUtcNow().UtcDateTime : notices.Max(n => n.UpdatedAt);
        var bytes = Write(writer =>
        {
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", FeedTitle(localizer));
            writer.WriteElementString("link", site + NoticeLinks.Public);
            writer.WriteElementString("description", localizer["Notices.Feed.Description"]);
            writer.WriteElementString("language", CultureInfo.CurrentUICulture.Name.ToLowerInvariant());
            writer.WriteElementString("lastBuildDate", Rfc822(updated));
            writer.WriteStartElement("link", AtomNamespace);
            writer.WriteAttributeString("href", site + "/Notices/feed.rss");
            writer.WriteAttributeString("rel", "self");
            writer.WriteAttributeString("type", "application/rss+xml");
            writer.WriteEndElement();
            foreach (var notice in notices)
            {
                var url = $"{site}/Notices/{notice.Id}";
                writer.WriteStartElement("item");
                writer.WriteElementString("title", notice.Title);
                writer.WriteElementString("link", url);
                writer.WriteStartElement("guid");
                writer.WriteAttributeString("isPermaLink", "true");
                writer.WriteString(url);
                writer.WriteEndElement();
                writer.WriteElementString("pubDate", Rfc822(notice.PublishedAt!.Value));
                writer.WriteElementString("category", localizer[$"Notices.Kind.{notice.Kind}"]);
                writer.WriteElementString("description", markdown.ToSafeHtml(notice.BodyMarkdown));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        });
        return Results.Bytes(bytes, RssContentType);
    }

    private static Task<List<Notice>> LatestAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Set<Notice>().AsNoTracking()
            .Where(n => n.Status == NoticeStatus.Published && n.PublishedAt != null)
            .OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Take(FeedSize)
            .ToListAsync(cancellationToken);

    private static string FeedTitle(IStringLocalizer localizer) => $"{localizer["Nav.Notices.Public"]} · {localizer["Theme.SiteName"]}";

    /// <summary>The site's root without a trailing slash: the configured public address, so feeds never echo a forged Host header.</summary>
    private static string SiteUrl(PublicUrls urls, HttpRequest request) => urls.Absolute(request, "/").TrimEnd('/');

    private static void Link(XmlWriter writer, string rel, string type, string href)
    {
        writer.WriteStartElement("link", AtomNamespace);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static string Rfc3339(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Rfc822(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }
}

/// <summary>Lets anyone signed in read, through Core's file endpoint, the attachments of published notices.</summary>
internal sealed class PublishedNoticeAttachmentRule(DbContext db) : IFileAccessRule
{
    public Task<bool> CanReadAsync(ClaimsPrincipal user, StoredFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        return (from a in db.Set<NoticeAttachment>()
                join n in db.Set<Notice>() on a.NoticeId equals n.Id
                where a.FileId == file.Id && n.Status == NoticeStatus.Published
                select a.Id).AnyAsync(cancellationToken);
    }
}
