using System.Globalization;
using System.Text.Json;

namespace Registry.Content.Domain;

/// <summary>
/// A content type declared in code (like permissions and recipe steps): register an implementation in DI and the back
/// office, the public pages and the recipe step know it. Other modules may declare their own.
/// </summary>
public interface IContentTypeDefinition
{
    /// <summary>Stable name stored on items (Page, Article, Policy).</summary>
    string Name { get; }

    /// <summary>Resource key of the type's name (单页, 新闻动态 …).</summary>
    string LabelKey { get; }

    /// <summary>Review levels before publishing, 1–3 (the last one is 终审).</summary>
    int ReviewLevels { get; }

    /// <summary>Public address pattern: <c>{slug}</c> and <c>{yyyy}</c> (year of publication, Beijing time) are filled in.</summary>
    string UrlPattern { get; }

    /// <summary>Categories items must choose from (none: the type has no category).</summary>
    IReadOnlyList<string> Categories { get; }

    /// <summary>The type's own parts and their fields, beyond title, summary, body and slug which every type has.</summary>
    IReadOnlyList<ContentPart> Parts { get; }
}

/// <summary>A reusable piece of a type (cover image, policy facts, attachments …).</summary>
public sealed record ContentPart(string Name, IReadOnlyList<ContentField> Fields);

public enum ContentFieldKind
{
    Text,

    /// <summary>yyyy-MM-dd.</summary>
    Date,

    /// <summary>One of <see cref="ContentField.Options"/>.</summary>
    Choice,

    /// <summary>The id of another item of the same type (e.g. the policy that replaced this one).</summary>
    ItemReference,

    /// <summary>A site-relative address (/media/…) or an http(s) URL, e.g. a cover image.</summary>
    Url,

    /// <summary>One link per line, "name | address" (attachments).</summary>
    Links,
}

/// <summary>
/// A field of a part. <c>RequiredWhen</c>, when set, makes it required only if the named field of the same part has one of
/// the values ("*": any value).
/// </summary>
public sealed record ContentField(
    string Name,
    ContentFieldKind Kind,
    bool Required = false,
    IReadOnlyList<string>? Options = null,
    int MaxLength = 200,
    (string Field, string[] Values)? RequiredWhen = null)
{
    /// <summary>Resource key of the field's label.</summary>
    public string LabelKey(ContentPart part) => $"Content.Item.Field.{part.Name}.{Name}";

    /// <summary>Resource key of an option's label.</summary>
    public string OptionKey(ContentPart part, string option) => $"Content.Item.Option.{part.Name}.{Name}.{option}";
}

/// <summary>The type-specific values of a version: part → field → text, stored as JSON.</summary>
public sealed class ContentParts
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SortedDictionary<string, SortedDictionary<string, string>> _values = new(StringComparer.Ordinal);

    public string? this[string part, string field]
    {
        get => _values.TryGetValue(part, out var fields) && fields.TryGetValue(field, out var value) ? value : null;
        set
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (_values.TryGetValue(part, out var existing))
                {
                    existing.Remove(field);
                }

                return;
            }

            if (!_values.TryGetValue(part, out var fields))
            {
                _values[part] = fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
            }

            fields[field] = value.Trim();
        }
    }

    public static ContentParts Parse(string? json)
    {
        var parts = new ContentParts();
        if (string.IsNullOrWhiteSpace(json))
        {
            return parts;
        }

        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json, Json) ?? [];
            foreach (var (part, fields) in values)
            {
                foreach (var (field, value) in fields)
                {
                    parts[part, field] = value;
                }
            }
        }
        catch (JsonException)
        {
            // A hand-edited row that is not our shape reads as empty rather than failing the page.
        }

        return parts;
    }

    public string ToJson() => JsonSerializer.Serialize(_values.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => p.Value), Json);

    /// <summary>The links of a <see cref="ContentFieldKind.Links"/> field.</summary>
    public IReadOnlyList<(string Name, string Url)> Links(string part, string field) =>
        ContentFieldRules.ParseLinks(this[part, field]);

    public DateOnly? Date(string part, string field) =>
        DateOnly.TryParseExact(this[part, field], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>Checks on the values of type-specific fields.</summary>
public static class ContentFieldRules
{
    public static IReadOnlyList<(string Name, string Url)> ParseLinks(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries))
            .Select(p => p.Length == 2 ? (p[0], p[1]) : (p[0], p[0]))];

    /// <summary>A site-relative path or an absolute http(s) address; never javascript:, data: or a protocol-relative //host.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        url = url.Trim();
        if (url.StartsWith('/'))
        {
            return !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
    }
}

/// <summary>单页: 关于我们, 机构职能, 联系我们 …; one review level.</summary>
public sealed class PageType : IContentTypeDefinition
{
    public const string TypeName = "Page";

    public string Name => TypeName;

    public string LabelKey => "Content.Item.Type.Page";

    public int ReviewLevels => 1;

    public string UrlPattern => "/pages/{slug}";

    public IReadOnlyList<string> Categories => [];

    public IReadOnlyList<ContentPart> Parts => [];
}

/// <summary>新闻动态 / 工作动态 / 通知: category, cover image, summary, body; 编辑 → 审核 → 终审.</summary>
public sealed class ArticleType : IContentTypeDefinition
{
    public const string TypeName = "Article";
    public const string News = "News";
    public const string Work = "Work";
    public const string Notice = "Notice";

    /// <summary>工作总结 (e.g. the year-end summary drafted from the figures): listed in the disclosure catalogue under 计划总结.</summary>
    public const string Summary = Contracts.ContentSummaries.Category;

    public string Name => TypeName;

    public string LabelKey => "Content.Item.Type.Article";

    public int ReviewLevels => 3;

    public string UrlPattern => "/news/{yyyy}/{slug}";

    public IReadOnlyList<string> Categories => [News, Work, Notice, Summary];

    public IReadOnlyList<ContentPart> Parts =>
    [
        new("article", [new("coverImage", ContentFieldKind.Url, MaxLength: 500), new("coverAlt", ContentFieldKind.Text, MaxLength: 200, RequiredWhen: ("coverImage", ["*"]))]),
    ];
}

/// <summary>政策法规: 文号, 发布机构, 成文日期, 施行日期, 效力 (with the replacing policy), level, full text, attachments; 审核 → 终审.</summary>
public sealed class PolicyType : IContentTypeDefinition
{
    public const string TypeName = "Policy";
    public const string Part = "policy";

    public static readonly string[] Validities = ["InForce", "Revised", "Repealed"];

    public static readonly string[] Levels = ["Law", "AdministrativeRegulation", "DepartmentalRule", "LocalRegulation", "NormativeDocument"];

    public string Name => TypeName;

    public string LabelKey => "Content.Item.Type.Policy";

    public int ReviewLevels => 2;

    public string UrlPattern => "/policies/{slug}";

    public IReadOnlyList<string> Categories => [];

    public IReadOnlyList<ContentPart> Parts =>
    [
        new(Part,
        [
            new("docNumber", ContentFieldKind.Text, Required: true, MaxLength: 100),
            new("issuer", ContentFieldKind.Text, Required: true, MaxLength: 100),
            new("level", ContentFieldKind.Choice, Required: true, Options: Levels),
            new("writtenOn", ContentFieldKind.Date),
            new("effectiveOn", ContentFieldKind.Date),
            new("validity", ContentFieldKind.Choice, Required: true, Options: Validities),
            new("replacedBy", ContentFieldKind.ItemReference),
            new("attachments", ContentFieldKind.Links, MaxLength: 4000),
        ]),
    ];
}
