using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace Registry.Notices.Services;

/// <summary>
/// Turns a notice's Markdown into HTML that is safe to show: Markdig with raw HTML disabled (typed tags come out as text),
/// then an allow-list sanitizer as a second wall (no script or style, no on* attributes, only http, https and mailto
/// links). Only the result of <see cref="ToSafeHtml"/> may be written unencoded into a page or feed.
/// </summary>
public sealed class NoticeMarkdown
{
    private static readonly string[] AllowedTags =
    [
        "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "sub", "sup", "code", "pre", "blockquote",
        "ul", "ol", "li", "hr", "a", "table", "thead", "tbody", "tr", "th", "td",
    ];

    private static readonly string[] AllowedAttributes = ["href", "title", "start", "colspan", "rowspan"];

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        // Officers type notices like letters: a line break in the text is a line break on the page.
        .UseSoftlineBreakAsHardlineBreak()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public NoticeMarkdown()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        _sanitizer = new HtmlSanitizer(options);
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement { LocalName: "a" } link)
            {
                return;
            }

            if (link.GetAttribute("href") is not { } href)
            {
                // A link whose address was refused (javascript:, data: …) becomes its plain text, not a dead link.
                // (An empty replacement list means "keep the node", hence the empty text node for a link without text.)
                IEnumerable<INode> text = link.ChildNodes.Length > 0 ? link.ChildNodes.Select(n => n.Clone()) : [e.Document.CreateTextNode("")];
                foreach (var node in text)
                {
                    e.ReplacementNodes.Add(node);
                }
            }
            else if (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                // Links out of the site carry no referrer and no endorsement.
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
    }

    /// <summary>Markdown rendered and sanitized: the only HTML of a notice that may be output raw.</summary>
    public string ToSafeHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Sanitize(Markdown.ToHtml(markdown, _pipeline));

    /// <summary>The sanitizer stage on its own (tests check it holds even if the Markdown stage let HTML through).</summary>
    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    /// <summary>The body as plain text, shortened to <paramref name="maxLength"/> characters (list excerpts).</summary>
    public string Excerpt(string? markdown, int maxLength)
    {
        var text = PlainText(markdown);
        return text.Length <= maxLength ? text : text[..maxLength].TrimEnd() + "…";
    }

    /// <summary>The body as one line of plain text, without Markdown's marks (what search indexes and shows in snippets).</summary>
    public string PlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown)
            ? ""
            : string.Join(' ', Markdown.ToPlainText(markdown, _pipeline).Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
