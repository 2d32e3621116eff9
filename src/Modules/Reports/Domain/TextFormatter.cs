using System.Globalization;
using Registry.Core.Localization;

namespace Registry.Reports.Domain;

/// <summary>
/// Writes <see cref="Text"/> in one language from that language's templates (a key missing from the catalog is written
/// as itself). Templates are composite format strings in <paramref name="culture"/>, plus one addition for languages
/// that inflect nouns by number: <c>{0:unit|units}</c> writes the first form when argument 0 is 1 and the second
/// otherwise (e.g. "{0} private non-enterprise {0:unit|units}": "1 private non-enterprise unit", "4 … units").
/// </summary>
public sealed class TextFormatter(Func<string, string?> template, CultureInfo culture)
{
    public const string ListSeparatorKey = "Rep.Text.ListSeparator";
    public const string ClauseSeparatorKey = "Rep.Text.ClauseSeparator";
    public const string SentenceEndKey = "Rep.Text.SentenceEnd";

    private readonly PluralFormat _forms = new(culture);

    public string Format(Text text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Write(text.Key, [.. text.Args.Select(Argument)]);
    }

    /// <summary>A section's summary as one sentence: its clauses joined ("；" / "; ") and closed ("。" / ".").</summary>
    public string Sentence(IReadOnlyList<Text> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        return clauses.Count == 0 ? "" : string.Join(Write(ClauseSeparatorKey, []), clauses.Select(Format)) + Write(SentenceEndKey, []);
    }

    private string Write(string key, object[] args) => string.Format(_forms, template(key) ?? key, args);

    private object Argument(object argument) => argument switch
    {
        Text text => Format(text),
        TextList list => string.Join(Write(ListSeparatorKey, []), list.Items.Select(Format)),
        CultureText written => written.Write(culture),
        _ => argument,
    };
}
