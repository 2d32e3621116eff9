using AngleSharp.Dom;
using Ganss.Xss;

namespace Registry.Content.Services;

/// <summary>
/// The one gate for content HTML: an allow-list sanitizer applied when a body is saved and again when it is rendered, so a
/// body stored before a rule was tightened is still harmless. Allowed: headings, paragraphs, lists, tables, links,
/// images, figure/figcaption and simple inline markup. Refused: script, style and every style attribute (CSS
/// expressions), on* event attributes, SVG and MathML, iframes and forms, and any URL that is not http(s), mailto or
/// site-relative (javascript:, vbscript:, data: — data: never, not even for images).
/// </summary>
public sealed class ContentHtml
{
    private static readonly string[] AllowedTags =
    [
        "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "del", "ins", "sub", "sup", "mark",
        "small", "code", "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "hr", "a", "img", "figure", "figcaption",
        "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "span", "div",
    ];

    private static readonly string[] AllowedAttributes =
        ["href", "title", "alt", "src", "width", "height", "start", "reversed", "colspan", "rowspan", "scope", "span", "lang", "dir"];

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private readonly HtmlSanitizer _sanitizer;

    public ContentHtml()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        _sanitizer = new HtmlSanitizer(options);
        // A protocol-relative "//evil.example" passes as "relative" in the sanitizer; refuse it like a foreign scheme.
        _sanitizer.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is { } url && (url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/\\", StringComparison.Ordinal)))
            {
                e.SanitizedUrl = null;
            }
        };
        _sanitizer.PostProcessNode += (_, e) =>
        {
            switch (e.Node)
            {
                case IElement { LocalName: "a" } link when link.GetAttribute("href") is null:
                {
                    // A link whose address was refused becomes its text, not a dead link.
                    IEnumerable<INode> text = link.ChildNodes.Length > 0 ? link.ChildNodes.Select(n => n.Clone()) : [e.Document.CreateTextNode("")];
                    foreach (var node in text)
                    {
                        e.ReplacementNodes.Add(node);
                    }

                    break;
                }

                case IElement { LocalName: "a" } link when link.GetAttribute("href") is { } href
                    && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)):
                    link.SetAttribute("rel", "nofollow noopener noreferrer");
                    break;

                case IElement { LocalName: "img" } image when image.GetAttribute("src") is null:
                    // An image whose source was refused (data:, javascript:) is dropped, not left as a broken box.
                    e.ReplacementNodes.Add(e.Document.CreateTextNode(""));
                    break;
            }
        };
    }

    /// <summary>Sanitized HTML: the only form of a body that is stored or written unencoded into a page or feed.</summary>
    public string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : _sanitizer.Sanitize(html).Trim();

    /// <summary>The body's text without markup (feeds' and search's plain text, meta descriptions).</summary>
    public static string PlainText(string? html, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var parser = new AngleSharp.Html.Parser.HtmlParser();
        using var document = parser.ParseDocument("<body>" + html + "</body>");
        var text = string.Join(' ', (document.Body?.TextContent ?? "").Split((char[])[' ', '\r', '\n', '\t', '\u00a0', '\u3000'], StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= maxLength ? text : text[..maxLength].TrimEnd() + "…";
    }
}
