using System.Text.RegularExpressions;

namespace Registry.Architecture.Tests;

/// <summary>
/// Localization keys written literally in the source. Recognised: <c>L["Key"]</c> / <c>localizer["Key", ...]</c>
/// (both branches of a ?: too, and a local whose assignment in the same file is literal), DataAnnotations'
/// <c>ErrorMessage = "Key"</c>, <c>[Display(Name = "Key")]</c>, and audit verification reasons. Keys built at run
/// time (interpolated or concatenated) are left to the known-value checks.
/// </summary>
public static partial class SourceKeys
{
    private static readonly string[] SourceFolders = ["src", "themes"];

    public sealed record Use(string Key, string File, int Line);

    public static IReadOnlyList<Use> Find(string root)
    {
        var uses = new List<Use>();
        foreach (var folder in SourceFolders.Select(f => Path.Combine(root, f)).Where(System.IO.Directory.Exists))
        {
            foreach (var path in System.IO.Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
                if (!IsSource(relative))
                {
                    continue;
                }

                uses.AddRange(InText(File.ReadAllText(path)).Select(k => new Use(k.Key, relative, k.Line)));
            }
        }

        return uses;
    }

    public static IEnumerable<(string Key, int Line)> InText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match match in LocalizerIndexer().Matches(text))
        {
            var open = match.Index + match.Length - 1;
            var argument = FirstArgument(text, open);
            var literals = Literals(argument).ToList();
            if (literals.Count == 0 && Identifier().IsMatch(argument.Trim()))
            {
                // localizer[message] where message = cond ? "A" : "B"; earlier in the same file.
                var assignment = new Regex($@"\b{Regex.Escape(argument.Trim())}\s*=(?!=)\s*(?<expr>[^;]+);").Match(text);
                literals = assignment.Success ? [.. Literals(assignment.Groups["expr"].Value)] : [];
            }

            foreach (var key in literals)
            {
                yield return (key, LineOf(text, match.Index));
            }
        }

        foreach (var regex in new[] { ErrorMessage(), AuditReason() })
        {
            foreach (Match match in regex.Matches(text))
            {
                yield return (match.Groups["key"].Value, LineOf(text, match.Index));
            }
        }

        foreach (Match display in DisplayAttribute().Matches(text))
        {
            foreach (Match match in DisplayText().Matches(display.Groups["args"].Value))
            {
                yield return (match.Groups["key"].Value, LineOf(text, display.Index));
            }
        }
    }

    private static bool IsSource(string path) =>
        (path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".cshtml", StringComparison.Ordinal))
        && !path.Split('/').Any(part => part is "bin" or "obj" or "Migrations");

    /// <summary>The text of the first argument of the indexer opening at <paramref name="open"/> (up to a top-level comma or the closing bracket).</summary>
    private static string FirstArgument(string text, int open)
    {
        var depth = 0;
        for (var i = open + 1; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    i = SkipString(text, i);
                    break;
                case '\'':
                    i = i + 1 < text.Length ? text.IndexOf('\'', i + (text[i + 1] == '\\' ? 3 : 2)) : -1;
                    break;
                case '[' or '(' or '{':
                    depth++;
                    break;
                case ']' or ')' or '}' when depth > 0:
                    depth--;
                    break;
                case ']':
                    return text[(open + 1)..i];
                case ',' when depth == 0:
                    return text[(open + 1)..i];
                default:
                    break;
            }

            if (i < 0)
            {
                break;
            }
        }

        return "";
    }

    private static int SkipString(string text, int quote)
    {
        var verbatim = quote > 0 && (text[quote - 1] == '@' || (quote > 1 && text[quote - 2] == '@' && text[quote - 1] == '$'));
        for (var i = quote + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && !verbatim)
            {
                i++;
            }
            else if (text[i] == '"')
            {
                if (verbatim && i + 1 < text.Length && text[i + 1] == '"')
                {
                    i++;
                    continue;
                }

                return i;
            }
        }

        return text.Length;
    }

    /// <summary>Whole-key literals in an expression: not interpolated, not part of a concatenation.</summary>
    private static IEnumerable<string> Literals(string expression) =>
        StringLiteral().Matches(expression)
            .Where(m => !m.Groups["prefix"].Value.Contains('$', StringComparison.Ordinal) && !m.Groups["before"].Success && !m.Groups["after"].Success)
            .Select(m => m.Groups["body"].Value)
            .Where(body => KeyShape().IsMatch(body));

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex(@"(?<!\w)(?:L|\w*[Ll]ocalizer)\[")]
    private static partial Regex LocalizerIndexer();

    [GeneratedRegex(@"(?<before>\+\s*)?(?<prefix>\$@|@\$|\$|@)?""(?<body>(?:[^""\\]|\\.)*)""(?<after>\s*\+)?")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^[A-Za-z][\w-]*(?:\.[\w-]+)*$")]
    private static partial Regex KeyShape();

    [GeneratedRegex(@"^[A-Za-z_]\w*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\bErrorMessage\s*=\s*""(?<key>[^""]+)""")]
    private static partial Regex ErrorMessage();

    [GeneratedRegex(@"\bDisplay\s*\((?<args>[^)]*)\)")]
    private static partial Regex DisplayAttribute();

    [GeneratedRegex(@"\b(?:Name|ShortName|Prompt|Description|GroupName)\s*=\s*""(?<key>[^""]+)""")]
    private static partial Regex DisplayText();

    // AuditVerification.ReasonKey is shown through L[v.ReasonKey]; its values are the literals given to Broken(...).
    [GeneratedRegex(@"\bAuditVerification\.Broken\([^,]+,\s*""(?<key>[^""]+)""")]
    private static partial Regex AuditReason();
}
