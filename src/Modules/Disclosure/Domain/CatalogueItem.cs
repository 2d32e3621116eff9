using System.Globalization;
using System.Text.RegularExpressions;

namespace Registry.Disclosure.Domain;

/// <summary>公开方式 (条例 第十九条, 第二十七条).</summary>
public enum DisclosureMode
{
    /// <summary>主动公开.</summary>
    Proactive,

    /// <summary>依申请公开.</summary>
    OnRequest,
}

/// <summary>有效性.</summary>
public enum Validity
{
    /// <summary>有效.</summary>
    Valid,

    /// <summary>失效.</summary>
    Expired,

    /// <summary>废止.</summary>
    Repealed,
}

/// <summary>
/// An entry of the government information disclosure catalogue (政府信息公开目录, 条例 第二十条). It never holds the text of the
/// information: it describes it and links to where it is published (a module's page or content item).
/// </summary>
public sealed class CatalogueItem
{
    public const int MaxTitle = 300;

    public int Id { get; set; }

    /// <summary>索引号, assigned once from the configured scheme and never reused (a withdrawn entry keeps it).</summary>
    public string IndexNumber { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>组配分类 (one of the configured categories).</summary>
    public string Category { get; set; } = "";

    /// <summary>主题分类.</summary>
    public string? Topic { get; set; }

    /// <summary>发布机构.</summary>
    public string Publisher { get; set; } = "";

    /// <summary>成文日期.</summary>
    public DateOnly? WrittenOn { get; set; }

    /// <summary>发文日期.</summary>
    public DateOnly PublishedOn { get; set; }

    /// <summary>文号.</summary>
    public string? DocumentNumber { get; set; }

    public DisclosureMode Mode { get; set; }

    /// <summary>公开范围 (e.g. 面向全社会).</summary>
    public string Scope { get; set; } = "";

    public Validity Validity { get; set; }

    /// <summary>Site-relative address of the information itself.</summary>
    public string Url { get; set; } = "";

    /// <summary>The contributing module and its key for the item (upserts find the same entry).</summary>
    public string SourceModule { get; set; } = "";

    public string SourceKey { get; set; } = "";

    /// <summary>Taken off the public catalogue (the source withdrew it); the index number stays taken.</summary>
    public bool Withdrawn { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// The 索引号 scheme, e.g. <c>{orgCode}/{year}-{seq:00000}</c> → 002943993/2016-61430: <c>{orgCode}</c> the agency's
/// organization code, <c>{year}</c> the year of the 发文日期, <c>{seq}</c> the year's sequence number with an optional
/// .NET number format.
/// </summary>
public static partial class IndexScheme
{
    public const string Default = "{orgCode}/{year}-{seq:00000}";

    /// <summary>The index number for sequence <paramref name="sequence"/> of <paramref name="year"/>.</summary>
    public static string Format(string scheme, string orgCode, int year, long sequence)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        if (!scheme.Contains("{seq", StringComparison.Ordinal))
        {
            // Without the sequence, two entries of a year would share a number.
            throw new ArgumentException("The index scheme must contain {seq}.", nameof(scheme));
        }

        return Placeholder().Replace(scheme, m => m.Groups["name"].Value switch
        {
            "orgCode" => orgCode,
            "year" => year.ToString(CultureInfo.InvariantCulture),
            "seq" => sequence.ToString(m.Groups["format"].Success ? m.Groups["format"].Value : "0", CultureInfo.InvariantCulture),
            _ => m.Value,
        });
    }

    [GeneratedRegex(@"\{(?<name>orgCode|year|seq)(:(?<format>[0#]+))?\}")]
    private static partial Regex Placeholder();
}
