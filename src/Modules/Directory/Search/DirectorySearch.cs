using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Registry.Directory.Search;

/// <summary>Sort orders of the directory.</summary>
public enum DirectorySort
{
    Relevance,
    Name,
    Founded,
}

/// <summary>A directory query: words, filters, sort and page (all optional; nothing lists everything).</summary>
public sealed record DirectoryQuery
{
    public const int MaxQueryLength = 60;
    public const int PageSize = 20;

    public string? Text { get; init; }

    public string? Type { get; init; }

    public string? Status { get; init; }

    public string? Street { get; init; }

    public string? ServiceField { get; init; }

    public int? FoundedFrom { get; init; }

    public int? FoundedTo { get; init; }

    public int? Hub { get; init; }

    public DirectorySort? Sort { get; init; }

    public int Page { get; init; } = 1;
}

/// <summary>One result row.</summary>
public sealed record DirectoryHit(int Id, string Name, string? Code, string Type, string Status, string Street, string Founded, string ScopeSnippet, IReadOnlyList<string> FormerNames);

/// <summary>A page of results with the total, counts per filter value for this query, and the words to highlight.</summary>
public sealed record DirectoryResult(
    IReadOnlyList<DirectoryHit> Hits,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, int>>> Facets,
    IReadOnlyList<string> Words,
    bool IndexReady,
    bool QueryTruncated);

/// <summary>
/// Turns what people type into Lucene queries. Chinese words become phrases of their bigrams (the default OR of bigrams
/// over-counts); one-character words use the name's unigram field; an exact credit code or filing number finds its
/// organization. Relevance: exact name first, then names containing the words, then former names, then the scope.
/// No query parser is involved, so Lucene syntax characters are just text.
/// </summary>
public sealed class DirectorySearch(DirectoryIndex index)
{
    private const float ExactNameBoost = 50f;
    private const float NameBoost = 8f;
    private const float FormerNameBoost = 5f;
    private const float ScopeBoost = 1f;
    private const int MaxWords = 8;

    public DirectoryResult Search(DirectoryQuery request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (text, truncated) = Clean(request.Text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxWords).ToList();
        if (!index.IsReady)
        {
            return new DirectoryResult([], 0, 1, 1, new Dictionary<string, IReadOnlyList<KeyValuePair<string, int>>>(), words, IndexReady: false, truncated);
        }

        var query = Build(text, words, request);
        var sort = (request.Sort ?? (words.Count > 0 ? DirectorySort.Relevance : DirectorySort.Name)) switch
        {
            DirectorySort.Name => new Sort(new SortField(IndexFields.NameSort, SortFieldType.STRING)),
            DirectorySort.Founded => new Sort(new SortField(IndexFields.FoundedSort, SortFieldType.INT64, reverse: true)),
            _ => Sort.RELEVANCE,
        };
        return index.Search(searcher =>
        {
            var facets = new FacetCounter(IndexFields.Facets);
            var total = new TotalHitCountCollector();
            searcher.Search(query, MultiCollector.Wrap(total, facets));
            var pageCount = Math.Max(1, (total.TotalHits + DirectoryQuery.PageSize - 1) / DirectoryQuery.PageSize);
            var page = Math.Clamp(request.Page, 1, pageCount);
            var top = searcher.Search(query, null, page * DirectoryQuery.PageSize, sort);
            var hits = top.ScoreDocs.Skip((page - 1) * DirectoryQuery.PageSize).Select(d => ToHit(searcher.Doc(d.Doc), words)).ToList();
            return new DirectoryResult(hits, total.TotalHits, page, pageCount, facets.Results(), words, IndexReady: true, truncated);
        });
    }

    /// <summary>Control characters out, whitespace folded, long input cut (never an error).</summary>
    internal static (string Text, bool Truncated) Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return ("", false);
        }

        var builder = new StringBuilder(Math.Min(raw.Length, DirectoryQuery.MaxQueryLength));
        foreach (var c in raw)
        {
            builder.Append(char.IsControl(c) || char.IsWhiteSpace(c) || c == '\u3000' ? ' ' : c);
        }

        var text = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return text.Length > DirectoryQuery.MaxQueryLength ? (text[..DirectoryQuery.MaxQueryLength].TrimEnd(), true) : (text, false);
    }

    private static BooleanQuery Build(string text, List<string> words, DirectoryQuery request)
    {
        var query = new BooleanQuery();
        var code = text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (words.Count > 0)
        {
            var textQuery = new BooleanQuery();
            // An exact credit code or filing number finds its organization directly.
            textQuery.Add(new TermQuery(new Term(IndexFields.Code, code)) { Boost = ExactNameBoost * 2 }, Occur.SHOULD);
            var wordsQuery = new BooleanQuery();
            foreach (var word in words)
            {
                if (WordQuery(word) is { } wordQuery)
                {
                    wordsQuery.Add(wordQuery, Occur.MUST);
                }
            }

            if (wordsQuery.Clauses.Count > 0)
            {
                textQuery.Add(wordsQuery, Occur.SHOULD);
            }

            query.Add(textQuery, Occur.MUST);
            query.Add(new TermQuery(new Term(IndexFields.NameExact, DirectoryDocument.Normalize(text))) { Boost = ExactNameBoost }, Occur.SHOULD);
        }
        else
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        Filter(query, IndexFields.Type, request.Type);
        Filter(query, IndexFields.Status, request.Status);
        Filter(query, IndexFields.Street, request.Street);
        Filter(query, IndexFields.ServiceField, request.ServiceField);
        Filter(query, IndexFields.Hub, request.Hub?.ToString(CultureInfo.InvariantCulture));
        if (request.FoundedFrom is not null || request.FoundedTo is not null)
        {
            query.Add(NoScore(NumericRangeQuery.NewInt32Range(IndexFields.FoundedYear, request.FoundedFrom, request.FoundedTo, true, true)), Occur.MUST);
        }

        return query;
    }

    /// <summary>One typed word across the text fields; null when the analyzer keeps nothing of it (pure punctuation).</summary>
    private static BooleanQuery? WordQuery(string word)
    {
        var tokens = Tokens(IndexFields.Name, word);
        if (tokens.Count == 0)
        {
            return null;
        }

        var fields = new BooleanQuery();
        fields.Add(Phrase(IndexFields.Name, tokens, NameBoost), Occur.SHOULD);
        fields.Add(Phrase(IndexFields.FormerNames, tokens, FormerNameBoost), Occur.SHOULD);
        fields.Add(Phrase(IndexFields.Scope, tokens, ScopeBoost), Occur.SHOULD);
        if (tokens.Count == 1 && tokens[0].Length == 1)
        {
            // A single Chinese character is no bigram: look it up among the names' single characters.
            fields.Add(new TermQuery(new Term(IndexFields.NameUnigrams, tokens[0])) { Boost = NameBoost }, Occur.SHOULD);
        }

        return fields;
    }

    private static Query Phrase(string field, List<string> tokens, float boost)
    {
        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0])) { Boost = boost };
        }

        var phrase = new PhraseQuery { Boost = boost };
        for (var i = 0; i < tokens.Count; i++)
        {
            phrase.Add(new Term(field, tokens[i]), i);
        }

        return phrase;
    }

    internal static List<string> Tokens(string field, string text)
    {
        var tokens = new List<string>();
        using var stream = DirectoryIndex.Analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    private static void Filter(BooleanQuery query, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add(NoScore(new TermQuery(new Term(field, value))), Occur.MUST);
        }
    }

    /// <summary>Filters must not change the relevance order.</summary>
    private static ConstantScoreQuery NoScore(Query query) => new(query) { Boost = 0f };

    private static DirectoryHit ToHit(Lucene.Net.Documents.Document document, IReadOnlyList<string> words) => new(
        int.Parse(document.Get(IndexFields.Id, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        document.Get(IndexFields.Name, CultureInfo.InvariantCulture),
        document.Get(IndexFields.Code, CultureInfo.InvariantCulture),
        document.Get(IndexFields.Type, CultureInfo.InvariantCulture),
        document.Get(IndexFields.Status, CultureInfo.InvariantCulture),
        document.Get(IndexFields.Street, CultureInfo.InvariantCulture) ?? "",
        document.Get(IndexFields.Founded, CultureInfo.InvariantCulture),
        Snippet(document.Get(IndexFields.ScopeSnippet, CultureInfo.InvariantCulture) ?? "", words),
        document.GetValues(IndexFields.FormerNames, CultureInfo.InvariantCulture));

    /// <summary>The part of the scope around the first matched word, so the reason for a scope match is visible.</summary>
    private static string Snippet(string scope, IReadOnlyList<string> words)
    {
        const int Window = 60;
        var at = words.Select(w => scope.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - (Window / 3));
        var snippet = scope.Length - start > Window ? string.Concat(scope.AsSpan(start, Window), "…") : scope[start..];
        return start > 0 ? "…" + snippet : snippet;
    }

    /// <summary>Counts each facet value over every hit (doc values per segment, ordinals turned into values at the end).</summary>
    private sealed class FacetCounter(IReadOnlyList<string> fields) : ICollector
    {
        private readonly Dictionary<string, Dictionary<string, int>> _totals = fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        private readonly List<(string Field, SortedSetDocValues Values, int[] Counts)> _segment = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            FlushSegment();
            foreach (var field in fields)
            {
                if (context.AtomicReader.GetSortedSetDocValues(field) is { } values)
                {
                    _segment.Add((field, values, new int[values.ValueCount]));
                }
            }
        }

        public void Collect(int doc)
        {
            foreach (var (_, values, counts) in _segment)
            {
                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    counts[ord]++;
                }
            }
        }

        public Dictionary<string, IReadOnlyList<KeyValuePair<string, int>>> Results()
        {
            FlushSegment();
            return _totals.ToDictionary(
                p => p.Key,
                p => (IReadOnlyList<KeyValuePair<string, int>>)[.. p.Value.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)]);
        }

        private void FlushSegment()
        {
            var term = new BytesRef();
            foreach (var (field, values, counts) in _segment)
            {
                for (var ord = 0; ord < counts.Length; ord++)
                {
                    if (counts[ord] > 0)
                    {
                        values.LookupOrd(ord, term);
                        var value = term.Utf8ToString();
                        _totals[field][value] = _totals[field].GetValueOrDefault(value) + counts[ord];
                    }
                }
            }

            _segment.Clear();
        }
    }
}
