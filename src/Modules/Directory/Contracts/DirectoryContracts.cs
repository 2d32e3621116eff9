using System.Text.Encodings.Web;
using Lucene.Net.Analysis;
using Microsoft.AspNetCore.Html;

namespace Registry.Directory.Contracts;

/// <summary>
/// The directory's Chinese text analysis, for other modules' indexes that must find what the directory finds (site search):
/// overlapping bigrams, Latin lower-cased, full-width folded, no stop words. One shared, thread-safe instance.
/// </summary>
public interface IChineseTextAnalysis
{
    /// <summary>The analyzer the directory indexes names and scopes with (bigrams only).</summary>
    Analyzer Bigrams { get; }

    /// <summary>The same analysis with single characters too, for fields a one-character query must find.</summary>
    Analyzer BigramsAndUnigrams { get; }

    /// <summary>What a visitor typed as words: control characters out, whitespace (also ideographic) folded, long input cut.</summary>
    (IReadOnlyList<string> Words, bool Truncated) Words(string? typed);

    /// <summary>The bigram tokens of one word, in order (a phrase of them is the word); empty when nothing of it is indexed.</summary>
    IReadOnlyList<string> Tokens(string word);
}

/// <summary>Organizations found by the directory's search, in its relevance order (exact code and name first).</summary>
public interface IOrganizationSearch
{
    /// <summary>The first <paramref name="count"/> hits for the typed text and the total; an empty text finds nothing.</summary>
    OrganizationSearchResult Search(string? text, int count);
}

/// <summary>A found organization; <paramref name="Url"/> is its public page, <paramref name="Snippet"/> the part of its scope around the words.</summary>
public sealed record OrganizationSearchHit(int Id, string Name, string Snippet, string Url);

/// <summary>The hits asked for, the total, and false for <paramref name="IndexReady"/> while this node builds its index.</summary>
public sealed record OrganizationSearchResult(IReadOnlyList<OrganizationSearchHit> Hits, int Total, bool IndexReady);

/// <summary>How search results show why they matched: a window of text around the first word, and the words marked.</summary>
public static class SearchText
{
    /// <summary>The part of <paramref name="text"/> around the first of <paramref name="words"/> found (the start when none is), with ellipses.</summary>
    public static string Snippet(string text, IReadOnlyList<string> words, int window) => Marks(words).Snippet(text, window);

    /// <summary>
    /// The words of one search, prepared to mark them in any number of texts (case-insensitive, longest first): made once
    /// per page, not per text.
    /// </summary>
    public static SearchMarks Marks(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return new SearchMarks([.. Searchable(words).OrderByDescending(w => w.Word.Length)]);
    }

    /// <summary>
    /// The non-empty words, each with how to look for it (decided once per call, not at every occurrence): case-insensitive;
    /// a word with no cased character (a Chinese one) is looked for ordinally: the same matches, as no other character
    /// upper-cases to an uncased one, and several times faster than the ignore-case search of non-ASCII text.
    /// </summary>
    private static IEnumerable<(string Word, StringComparison Comparison)> Searchable(IReadOnlyList<string> words) =>
        words.Where(w => w.Length > 0).Select(w => (w, IsCaseless(w) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase));

    /// <summary>No character changes case (surrogate pairs are taken as cased: some scripts beyond the BMP have case).</summary>
    private static bool IsCaseless(string word)
    {
        foreach (var c in word)
        {
            if (char.IsSurrogate(c) || char.ToUpperInvariant(c) != c || char.ToLowerInvariant(c) != c)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// A search's words, prepared once (<see cref="SearchText.Marks"/>) to cut snippets around them and to mark them with
/// &lt;mark&gt; in texts shown on a page. A marked text is written to the page when the page is written, encoded with the page's own encoder: no string of the marked HTML is
/// built (a results page marks some fifty texts).
/// </summary>
public sealed class SearchMarks
{
    private readonly (string Word, StringComparison Comparison)[] _words;

    internal SearchMarks((string Word, StringComparison Comparison)[] words) => _words = words;

    /// <summary>The part of <paramref name="text"/> around the first of the words found (the start when none is), with ellipses.</summary>
    public string Snippet(string text, int window)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = Math.Max(0, Nearest(text, 0).At - (window / 3));
        var snippet = text.Length - start > window ? string.Concat(text.AsSpan(start, window), "…") : text[start..];
        return start > 0 ? "…" + snippet : snippet;
    }

    /// <summary><paramref name="text"/> as HTML, encoded, with every occurrence of the words in &lt;mark&gt;.</summary>
    public IHtmlContent In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Marked(this, text);
    }

    private void Write(TextWriter writer, HtmlEncoder encoder, string text)
    {
        var plainStart = 0;
        var i = 0;
        // Each step jumps to the nearest occurrence of any word (the longest at a tie) instead of trying every position.
        while (i < text.Length)
        {
            var (at, length) = Nearest(text, i);
            if (at < 0)
            {
                break;
            }

            // Plain runs are encoded whole, so surrogate pairs stay intact.
            encoder.Encode(writer, text, plainStart, at - plainStart);
            writer.Write("<mark>");
            encoder.Encode(writer, text, at, length);
            writer.Write("</mark>");
            i = at + length;
            plainStart = i;
        }

        encoder.Encode(writer, text, plainStart, text.Length - plainStart);
    }

    /// <summary>The first occurrence of any word at or after <paramref name="from"/> (the longest at a tie); -1 when none.</summary>
    private (int At, int Length) Nearest(string text, int from)
    {
        var (at, length) = (-1, 0);
        foreach (var (word, comparison) in _words)
        {
            var found = text.IndexOf(word, from, comparison);
            if (found >= 0 && (at < 0 || found < at))
            {
                (at, length) = (found, word.Length);
            }
        }

        return (at, length);
    }

    private sealed class Marked(SearchMarks marks, string text) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            ArgumentNullException.ThrowIfNull(writer);
            ArgumentNullException.ThrowIfNull(encoder);
            marks.Write(writer, encoder, text);
        }
    }
}
