using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Registry.Content.Domain;

namespace Registry.Content.Services;

/// <summary>One line of a version comparison.</summary>
public sealed record DiffLine(ChangeType Change, string Text);

/// <summary>
/// Compares two versions line by line (DiffPlex): title, summary, address, category, the type's fields, then the body
/// with one line per block (paragraph, heading, list item, table row), so an edit shows where it happened.
/// </summary>
public static partial class ContentDiff
{
    public static IReadOnlyList<DiffLine> Compare(ContentVersion older, ContentVersion newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var model = InlineDiffBuilder.Diff(Text(older), Text(newer), ignoreWhiteSpace: false);
        return [.. model.Lines.Select(l => new DiffLine(l.Type, l.Text))];
    }

    /// <summary>The version as comparable lines.</summary>
    public static string Text(ContentVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var lines = new List<string> { $"# {version.Title}", $"slug: {version.Slug}" };
        if (version.Category is { } category)
        {
            lines.Add($"category: {category}");
        }

        if (version.Summary is { } summary)
        {
            lines.Add($"summary: {summary}");
        }

        var parts = ContentParts.Parse(version.PartsJson).ToJson();
        if (parts != "{}")
        {
            lines.Add($"fields: {parts}");
        }

        lines.Add("");
        lines.AddRange(BodyLines(version.BodyHtml));
        return string.Join('\n', lines);
    }

    /// <summary>The HTML cut after each block element; markup kept so a changed link or image shows.</summary>
    public static IEnumerable<string> BodyLines(string html) =>
        BlockEnd().Replace(html ?? "", "$0\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"</(p|h[1-6]|li|tr|blockquote|pre|figure|figcaption|table|ul|ol|div)>|<br\s*/?>|<hr\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockEnd();
}
