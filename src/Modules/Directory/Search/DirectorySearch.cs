using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Registry.Core.Identification;
using Registry.Directory.Contracts;
using Registry.Organizations.Contracts;

namespace Registry.Directory.Search;

/// <summary>Sort orders of the directory.</summary>
public enum DirectorySort
{
    Relevance,
    Name,
    Founded,

    /// <summary>Highest grade first; ties by relevance when words are typed, else by name.</summary>
    Grade,
}

/// <summary>A directory query: words, filters, sort and page (all optional; nothing lists everything).</summary>
public sealed record DirectoryQuery
{
    public const int MaxQueryLength = 60;
    public const int PageSize = 20;

    /// <summary>5A, the highest grade.</summary>
    public const int MaxGrade = 5;

    /// <summary>
    /// Values of <see cref="Status"/> that select a credit-list standing (活动异常 / 严重违法失信) rather than a registration
    /// status: the standing is kept apart from the status on the register (an active organization can be listed).
    /// </summary>
    public static readonly IReadOnlyList<string> StandingStatuses = [nameof(CreditStanding.Abnormal), nameof(CreditStanding.Serious)];

    public string? Text { get; init; }

    public string? Type { get; init; }

    /// <summary>A registration status (Active, Deregistered, Revoked) or a standing of <see cref="StandingStatuses"/>.</summary>
    public string? Status { get; init; }

    public string? Street { get; init; }

    public string? ServiceField { get; init; }

    public int? FoundedFrom { get; init; }

    public int? FoundedTo { get; init; }

    public int? Hub { get; init; }

    /// <summary>Only organizations graded at least this (1–5).</summary>
    public int? MinGrade { get; init; }

    public DirectorySort? Sort { get; init; }

    public int Page { get; init; } = 1;
}

/// <summary>
/// One result row; <paramref name="Standing"/> is a <see cref="CreditStanding"/> name, <paramref name="Grade"/> 1–5 or 0 for
/// none, <paramref name="HubId"/> the hub organization it belongs to (its own id when it is a hub), or null.
/// </summary>
public sealed record DirectoryHit(int Id, string Name, string? Code, string Type, string Status, string Standing, int Grade, string Street, string Founded, string ScopeSnippet, IReadOnlyList<string> FormerNames, int? HubId = null)
{
    public bool IsHub => HubId == Id;
}

/// <summary>
/// A page of results with the total, counts per filter value for this query, and the words to highlight.
/// <paramref name="EstimatedFacets"/>: the (field, value) pairs of <paramref name="Facets"/> whose count is an estimate
/// (a large number of hits; the total is always exact).
/// </summary>
public sealed record DirectoryResult(
    IReadOnlyList<DirectoryHit> Hits,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, int>>> Facets,
    IReadOnlyList<string> Words,
    bool IndexReady,
    bool QueryTruncated,
    IReadOnlySet<(string Field, string Value)>? EstimatedFacets = null)
{
    public bool IsEstimated(string field, string value) => EstimatedFacets?.Contains((field, value)) == true;
}

/// <summary>
/// Turns what people type into Lucene queries. Chinese words become phrases of their bigrams (the default OR of bigrams
/// over-counts); one-character words use the name's unigram field; an exact credit code or filing number finds its
/// organization. No query parser is involved, so Lucene syntax characters are just text.
/// The hits are gathered as bit sets per segment (<see cref="QueryMatches"/>): the total and the facet counts come from
/// those, and only the documents that can reach the requested page are put in order.
/// </summary>
public sealed class DirectorySearch(DirectoryIndex index)
{
    internal const int MaxWords = 8;

    public DirectoryResult Search(DirectoryQuery request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (text, truncated) = Clean(request.Text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxWords).ToList();
        if (!index.IsReady)
        {
            return new DirectoryResult([], 0, 1, 1, new Dictionary<string, IReadOnlyList<KeyValuePair<string, int>>>(), words, IndexReady: false, truncated);
        }

        var plan = words.Count > 0 ? TextPlan(text, words) : null;
        // With nothing typed there is nothing to rank by: relevance lists by name too.
        var sort = plan is null ? request.Sort ?? DirectorySort.Name : request.Sort ?? DirectorySort.Relevance;
        return index.Search(searcher =>
        {
            using var matches = QueryMatches.Find(searcher, plan, request);
            var total = matches.Total;
            var pageCount = Math.Max(1, (total + DirectoryQuery.PageSize - 1) / DirectoryQuery.PageSize);
            var page = Math.Clamp(request.Page, 1, pageCount);
            var needed = Math.Min(page * DirectoryQuery.PageSize, total);
            var top = sort switch
            {
                DirectorySort.Relevance when plan is not null => matches.Ranked(needed),
                DirectorySort.Founded => matches.Ordered(ListingOrder.Founded, needed),
                DirectorySort.Grade when plan is not null => matches.RankedByGrade(needed),
                DirectorySort.Grade => matches.Ordered(ListingOrder.Grade, needed),
                _ => matches.Ordered(ListingOrder.Name, needed),
            };
            var hits = Rows(searcher, top.Skip((page - 1) * DirectoryQuery.PageSize), words);
            var (facets, estimated) = matches.FacetCounts();
            return new DirectoryResult(hits, total, page, pageCount, facets, words, IndexReady: true, truncated, estimated);
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

    private static TextPlan TextPlan(string text, List<string> words) => new(
        [.. words.Select(WordPlan).OfType<WordPlan>()],
        // An exact credit code or filing number finds its organization directly, typed as people do (grouped with spaces
        // or hyphens, full-width, lower case).
        new TermQuery(new Term(IndexFields.Code, UnifiedSocialCreditCode.Normalize(text))),
        new TermQuery(new Term(IndexFields.NameExact, DirectoryDocument.Normalize(text))));

    /// <summary>One typed word per text field; null when the analyzer keeps nothing of it (pure punctuation).</summary>
    private static WordPlan? WordPlan(string word)
    {
        var tokens = Tokens(IndexFields.Name, word);
        if (tokens.Count == 0)
        {
            return null;
        }

        // A single Chinese character is no bigram: look it up among the names' single characters.
        var unigram = tokens.Count == 1 && tokens[0].Length == 1 ? new TermQuery(new Term(IndexFields.NameUnigrams, tokens[0])) : null;
        return new WordPlan(Phrase(IndexFields.Name, tokens), unigram, Phrase(IndexFields.FormerNames, tokens), Phrase(IndexFields.Scope, tokens));
    }

    private static Query Phrase(string field, List<string> tokens)
    {
        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0]));
        }

        var phrase = new PhraseQuery();
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

    /// <summary>
    /// The rows of <paramref name="docs"/> (searcher-wide numbers), in their order, each scope cut around the first matched
    /// word so that the reason for a scope match is visible. Each segment's row values are looked up once per page and one
    /// buffer takes every row (a row is read, decoded and dropped before the next).
    /// </summary>
    private static List<DirectoryHit> Rows(IndexSearcher searcher, IEnumerable<int> docs, IReadOnlyList<string> words)
    {
        var leaves = searcher.IndexReader.Leaves;
        var rowValues = new BinaryDocValues?[leaves.Count];
        var row = new BytesRef();
        var hits = new List<DirectoryHit>(DirectoryQuery.PageSize);
        var marks = SearchText.Marks(words);
        Func<string, string> snippet = scope => marks.Snippet(scope, window: 60);
        foreach (var doc in docs)
        {
            var at = ReaderUtil.SubIndex(doc, leaves);
            var leaf = leaves[at];
            (rowValues[at] ??= leaf.AtomicReader.GetBinaryDocValues(IndexFields.Row)).Get(doc - leaf.DocBase, row);
            hits.Add(ResultRow.Read(row.Bytes.AsSpan(row.Offset, row.Length), snippet));
        }

        return hits;
    }

    /// <summary>
    /// The first <paramref name="count"/> organizations by relevance for the typed text, without facets (site search asks
    /// for its page's share of the hits).
    /// </summary>
    public OrganizationSearchResult Top(string? typed, int count)
    {
        var (text, _) = Clean(typed);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxWords).ToList();
        if (!index.IsReady || words.Count == 0)
        {
            return new OrganizationSearchResult([], 0, index.IsReady);
        }

        var plan = TextPlan(text, words);
        return index.Search(searcher =>
        {
            using var matches = QueryMatches.Find(searcher, plan, new DirectoryQuery { Text = text });
            var hits = Rows(searcher, matches.Ranked(Math.Clamp(count, 0, matches.Total)), words)
                .ConvertAll(hit => new OrganizationSearchHit(hit.Id, hit.Name, hit.ScopeSnippet, OrganizationLinks.Profile(hit.Id)));
            return new OrganizationSearchResult(hits, matches.Total, IndexReady: true);
        });
    }
}

/// <summary>One typed word as a query per text field (the unigram one only for a single character).</summary>
internal sealed record WordPlan(Query Name, Query? Unigram, Query FormerNames, Query Scope);

/// <summary>The typed text: its words, and the exact code and exact name queries.</summary>
internal sealed record TextPlan(IReadOnlyList<WordPlan> Words, Query Code, Query ExactName);
