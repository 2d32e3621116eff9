using System.Globalization;

namespace Registry.Reports.Domain;

/// <summary>Writes <see cref="Text"/> in one language, given how that language looks a key up and formats it.</summary>
public sealed class TextFormatter(Func<string, object[], string> lookup, CultureInfo culture)
{
    public const string ListSeparatorKey = "Rep.Text.ListSeparator";
    public const string ClauseSeparatorKey = "Rep.Text.ClauseSeparator";
    public const string SentenceEndKey = "Rep.Text.SentenceEnd";

    public string Format(Text text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return lookup(text.Key, [.. text.Args.Select(Argument)]);
    }

    /// <summary>A section's summary as one sentence: its clauses joined ("；" / "; ") and closed ("。" / ".").</summary>
    public string Sentence(IReadOnlyList<Text> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        return clauses.Count == 0 ? "" : string.Join(lookup(ClauseSeparatorKey, []), clauses.Select(Format)) + lookup(SentenceEndKey, []);
    }

    private object Argument(object argument) => argument switch
    {
        Text text => Format(text),
        TextList list => string.Join(lookup(ListSeparatorKey, []), list.Items.Select(Format)),
        CultureText written => written.Write(culture),
        _ => argument,
    };
}
