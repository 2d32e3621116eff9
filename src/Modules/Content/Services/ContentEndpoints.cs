using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Content.Domain;
using Registry.Core.Modularity;

namespace Registry.Content.Services;

/// <summary>
/// The site's discovery endpoints: <c>sitemap.xml</c> (every public address: content items in each culture and the
/// modules' public pages), <c>robots.txt</c>, and Atom/RSS feeds of news (per category) and policies. Every absolute
/// address comes from the configured public base URL, never from the request's Host header.
/// </summary>
internal static class ContentEndpoints
{
    public const int FeedSize = 50;
    public const string AtomContentType = "application/atom+xml; charset=utf-8";
    public const string RssContentType = "application/rss+xml; charset=utf-8";

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sitemap.xml", SitemapAsync).AllowAnonymous();
        endpoints.MapGet("/robots.txt", Robots).AllowAnonymous();
        endpoints.MapGet("/news/feed.atom", (HttpContext c, string? category, CancellationToken t) => FeedAsync(c, ArticleType.TypeName, category, atom: true, t)).AllowAnonymous();
        endpoints.MapGet("/news/feed.rss", (HttpContext c, string? category, CancellationToken t) => FeedAsync(c, ArticleType.TypeName, category, atom: false, t)).AllowAnonymous();
        endpoints.MapGet("/policies/feed.atom", (HttpContext c, CancellationToken t) => FeedAsync(c, PolicyType.TypeName, null, atom: true, t)).AllowAnonymous();
        endpoints.MapGet("/policies/feed.rss", (HttpContext c, CancellationToken t) => FeedAsync(c, PolicyType.TypeName, null, atom: false, t)).AllowAnonymous();
    }

    /// <summary>Feed address of a type (and category), site-relative.</summary>
    public static string FeedUrl(string type, string? category, bool atom) =>
        (type == PolicyType.TypeName ? "/policies/feed." : "/news/feed.") + (atom ? "atom" : "rss")
        + (category is null ? "" : "?category=" + Uri.EscapeDataString(category));

    private static IResult Robots(HttpContext context, PublicUrls urls)
    {
        var site = urls.Absolute(context.Request, "/").TrimEnd('/');
        // The back office, accounts and applicants' pages are no business of a crawler; everything public is in the sitemap.
        var text = string.Join('\n',
            "User-agent: *",
            "Disallow: /Admin",
            "Disallow: /Account",
            "Disallow: /Identity",
            "Disallow: /*/Admin",
            "Disallow: /*/My",
            "",
            $"Sitemap: {site}/sitemap.xml",
            "");
        return Results.Text(text, "text/plain; charset=utf-8");
    }

    private static async Task<IResult> SitemapAsync(HttpContext context, ContentReader reader, ContentTypeRegistry types, PublicUrls urls, NavigationCatalog navigation, TimeProvider clock, CancellationToken cancellationToken)
    {
        var site = urls.Absolute(context.Request, "/").TrimEnd('/');
        var items = await reader.Public().OrderBy(i => i.Type).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var groups = items.GroupBy(i => i.TranslationKey).ToDictionary(g => g.Key, g => g.ToList());
        var bytes = Write(writer =>
        {
            writer.WriteStartElement("urlset", SitemapNamespace);
            writer.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            Url(writer, site + "/", null);
            foreach (var path in navigation.Items.Where(n => n.Area == NavigationArea.Public && n.Permission is null).Select(n => n.Url).Distinct().Order(StringComparer.Ordinal))
            {
                Url(writer, site + path, null);
            }

            foreach (var type in types.All.Where(t => t.Name != PageType.TypeName))
            {
                Url(writer, site + ListUrl(type.Name), null);
            }

            // A Chinese and an English variant share an address only when they share a slug; each listed address names its alternates.
            foreach (var item in items.DistinctBy(i => types.UrlOf(i, now)))
            {
                writer.WriteStartElement("url", SitemapNamespace);
                writer.WriteElementString("loc", SitemapNamespace, site + types.UrlOf(item, now));
                writer.WriteElementString("lastmod", SitemapNamespace, item.UpdatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                foreach (var variant in groups[item.TranslationKey].Where(_ => groups[item.TranslationKey].Count > 1))
                {
                    writer.WriteStartElement("xhtml", "link", XhtmlNamespace);
                    writer.WriteAttributeString("rel", "alternate");
                    writer.WriteAttributeString("hreflang", variant.Culture);
                    writer.WriteAttributeString("href", site + types.UrlOf(variant, now) + (variant.Culture == ContentCultures.English ? "?culture=en" : "?culture=zh-CN"));
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
        return Results.Bytes(bytes, "application/xml; charset=utf-8");
    }

    /// <summary>List page of a type.</summary>
    public static string ListUrl(string type) => type switch
    {
        ArticleType.TypeName => "/news",
        PolicyType.TypeName => "/policies",
        _ => "/pages",
    };

    private static async Task<IResult> FeedAsync(HttpContext context, string type, string? category, bool atom, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var reader = (ContentReader)services.GetService(typeof(ContentReader))!;
        var types = (ContentTypeRegistry)services.GetService(typeof(ContentTypeRegistry))!;
        var urls = (PublicUrls)services.GetService(typeof(PublicUrls))!;
        var localizer = (IStringLocalizer)services.GetService(typeof(IStringLocalizer))!;
        var clock = (TimeProvider)services.GetService(typeof(TimeProvider))!;
        var definition = types.Find(type)!;
        if (category is not null && !definition.Categories.Contains(category))
        {
            return Results.NotFound();
        }

        var culture = CultureInfo.CurrentUICulture.Name == ContentCultures.English ? ContentCultures.English : ContentCultures.Chinese;
        var (summaries, _) = await reader.ListAsync(type, category, culture, 0, FeedSize, cancellationToken);
        var ids = summaries.Select(s => s.Id).ToList();
        var bodies = await (
                from i in reader.Public()
                where ids.Contains(i.Id)
                join v in context.RequestServices.GetDbContext().Set<ContentVersion>() on new { i.Id, Number = i.PublishedVersion!.Value } equals new { Id = v.ItemId, v.Number }
                select new { i.Id, v.BodyHtml, i.UpdatedAt })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var html = (ContentHtml)services.GetService(typeof(ContentHtml))!;
        var site = urls.Absolute(context.Request, "/").TrimEnd('/');
        var title = $"{localizer[category is null ? definition.LabelKey : $"Content.Item.Category.{category}"]} · {localizer["Theme.SiteName"]}";
        var listUrl = site + ListUrl(type) + (category is null ? "" : "?category=" + Uri.EscapeDataString(category));
        var selfUrl = site + FeedUrl(type, category, atom);
        var updated = bodies.Count == 0 ? clock.GetUtcNow().UtcDateTime : bodies.Values.Max(b => b.UpdatedAt);
        var bytes = Write(writer =>
        {
            if (atom)
            {
                writer.WriteStartElement("feed", AtomNamespace);
                writer.WriteAttributeString("xml", "lang", null, culture);
                writer.WriteElementString("title", AtomNamespace, title);
                writer.WriteElementString("id", AtomNamespace, selfUrl);
                Link(writer, "self", "application/atom+xml", selfUrl);
                Link(writer, "alternate", "text/html", listUrl);
                writer.WriteElementString("updated", AtomNamespace, Rfc3339(updated));
                writer.WriteStartElement("author", AtomNamespace);
                writer.WriteElementString("name", AtomNamespace, localizer["Theme.SiteName"]);
                writer.WriteEndElement();
                foreach (var s in summaries)
                {
                    var url = site + s.Url;
                    writer.WriteStartElement("entry", AtomNamespace);
                    writer.WriteElementString("title", AtomNamespace, s.Title);
                    writer.WriteElementString("id", AtomNamespace, url);
                    Link(writer, "alternate", "text/html", url);
                    writer.WriteElementString("published", AtomNamespace, Rfc3339(s.PublishedAt));
                    writer.WriteElementString("updated", AtomNamespace, Rfc3339(bodies[s.Id].UpdatedAt));
                    if (s.Category is { } c)
                    {
                        writer.WriteStartElement("category", AtomNamespace);
                        writer.WriteAttributeString("term", c);
                        writer.WriteAttributeString("label", localizer[$"Content.Item.Category.{c}"]);
                        writer.WriteEndElement();
                    }

                    if (s.Summary is { } summary)
                    {
                        writer.WriteElementString("summary", AtomNamespace, summary);
                    }

                    writer.WriteStartElement("content", AtomNamespace);
                    writer.WriteAttributeString("type", "html");
                    writer.WriteString(Absolute(html.Sanitize(bodies[s.Id].BodyHtml), site));
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
                return;
            }

            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", title);
            writer.WriteElementString("link", listUrl);
            writer.WriteElementString("description", title);
            writer.WriteElementString("language", culture.ToLowerInvariant());
            writer.WriteElementString("lastBuildDate", Rfc822(updated));
            writer.WriteStartElement("link", AtomNamespace);
            writer.WriteAttributeString("href", selfUrl);
            writer.WriteAttributeString("rel", "self");
            writer.WriteAttributeString("type", "application/rss+xml");
            writer.WriteEndElement();
            foreach (var s in summaries)
            {
                var url = site + s.Url;
                writer.WriteStartElement("item");
                writer.WriteElementString("title", s.Title);
                writer.WriteElementString("link", url);
                writer.WriteStartElement("guid");
                writer.WriteAttributeString("isPermaLink", "true");
                writer.WriteString(url);
                writer.WriteEndElement();
                writer.WriteElementString("pubDate", Rfc822(s.PublishedAt));
                if (s.Category is { } c)
                {
                    writer.WriteElementString("category", localizer[$"Content.Item.Category.{c}"]);
                }

                writer.WriteElementString("description", Absolute(html.Sanitize(bodies[s.Id].BodyHtml), site));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        });
        return Results.Bytes(bytes, atom ? AtomContentType : RssContentType);
    }

    /// <summary>Site-relative links and images made absolute: a feed reader has no base address to resolve them against.</summary>
    private static string Absolute(string html, string site) =>
        html.Replace("href=\"/", $"href=\"{site}/", StringComparison.Ordinal).Replace("src=\"/", $"src=\"{site}/", StringComparison.Ordinal);

    private static DbContext GetDbContext(this IServiceProvider services) => (DbContext)services.GetService(typeof(DbContext))!;

    private static void Url(XmlWriter writer, string loc, DateTime? lastModified)
    {
        writer.WriteStartElement("url", SitemapNamespace);
        writer.WriteElementString("loc", SitemapNamespace, loc);
        if (lastModified is { } at)
        {
            writer.WriteElementString("lastmod", SitemapNamespace, at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        writer.WriteEndElement();
    }

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
