using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Registry.Content.Domain;
using Registry.Directory.Contracts;

namespace Registry.Content.Services.Search;

/// <summary>What a site search shows: everything, or one kind of result.</summary>
public enum SiteSearchScope
{
    All,
    Content,
    Notice,
    Organization,
}

/// <summary>A site search: the typed text, the reader's language, the kind of result and the page.</summary>
public sealed record SiteSearchQuery(string? Text, string Culture, SiteSearchScope Scope = SiteSearchScope.All, int Page = 1)
{
    public const int PageSize = 20;

    /// <summary>Pages beyond this are not served: each page merges the sources' hits up to it.</summary>
    public const int MaxPages = 50;
}

/// <summary>
/// One result row. <paramref name="LabelKey"/> is this module's resource key of what it is (新闻动态, 政策法规, 公示公告,
/// 社会组织 …); <paramref name="Culture"/> is the language of its text, and <paramref name="IsFallback"/> says it stands in
/// for a missing English variant.
/// </summary>
public sealed record SiteSearchHit(SiteSearchScope Kind, string LabelKey, string Title, string Snippet, string Url, DateTime? PublishedAt, string Culture, bool IsFallback);

/// <summary>A page of results, the counts per kind for this text, and the words to highlight.</summary>
public sealed record SiteSearchResult(
    IReadOnlyList<SiteSearchHit> Hits,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyDictionary<SiteSearchScope, int> Counts,
    IReadOnlyList<string> Words,
    bool IndexReady,
    bool QueryTruncated);

/// <summary>
/// One search box over the site: public content (in the reader's language, else the Chinese variant) and notices from this
/// node's <see cref="SiteIndex"/>, organizations from the directory's search (<see cref="IOrganizationSearch"/>), with the
/// directory's Chinese analysis: every typed word must occur (as a phrase of its bigrams) in the title or the text; a single
/// character is looked up among the titles' characters. Ranking: content and notices whose title holds every word, then
/// organizations whose name does, then the rest of each in the same order; content within a tier newest first.
/// </summary>
public sealed class SiteSearch(SiteIndex index, IChineseTextAnalysis analysis, IOrganizationSearch organizations, TimeProvider clock)
{
    private const int SnippetWindow = 90;
    private const float TitleBoost = 10;

    private static readonly Sort TierThenNewest = new(SortField.FIELD_SCORE, new SortField(SiteFields.PublishSort, SortFieldType.INT64, true));

    private readonly SiteVisibility _visibility = new();

    public SiteSearchResult Search(SiteSearchQuery request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (words, truncated) = analysis.Words(request.Text);
        var counts = new Dictionary<SiteSearchScope, int> { [SiteSearchScope.Content] = 0, [SiteSearchScope.Notice] = 0, [SiteSearchScope.Organization] = 0 };
        var query = TextQuery(words);
        if (query is null)
        {
            return new SiteSearchResult([], 0, 1, 1, counts, words, index.IsReady, truncated);
        }

        var page = Math.Clamp(request.Page, 1, SiteSearchQuery.MaxPages);
        var needed = page * SiteSearchQuery.PageSize;
        var ready = index.IsReady;
        List<SiteSearchHit> site = [];
        if (ready)
        {
            (site, counts[SiteSearchScope.Content], counts[SiteSearchScope.Notice]) = SearchSite(query, words, request, needed);
        }

        var wantsOrganizations = request.Scope is SiteSearchScope.All or SiteSearchScope.Organization;
        var found = organizations.Search(request.Text, wantsOrganizations ? needed : 0);
        counts[SiteSearchScope.Organization] = found.Total;
        ready &= found.IndexReady;
        var orgs = found.Hits.Select(h => new SiteSearchHit(SiteSearchScope.Organization, "Content.Search.Kind.Organization", h.Name, h.Snippet, h.Url, null, ContentCultures.Chinese, false)).ToList();

        var ordered = request.Scope switch
        {
            SiteSearchScope.All => Merge(site, orgs, words),
            SiteSearchScope.Organization => orgs,
            _ => site,
        };
        var total = request.Scope == SiteSearchScope.All ? counts.Values.Sum() : counts[request.Scope];
        var pageCount = Math.Clamp((total + SiteSearchQuery.PageSize - 1) / SiteSearchQuery.PageSize, 1, SiteSearchQuery.MaxPages);
        page = Math.Min(page, pageCount);
        var hits = ordered.Skip((page - 1) * SiteSearchQuery.PageSize).Take(SiteSearchQuery.PageSize).ToList();
        return new SiteSearchResult(hits, total, page, pageCount, counts, words, ready, truncated);
    }

    /// <summary>Title matches of both sources first (site, then organizations), then the rest of each.</summary>
    private static List<SiteSearchHit> Merge(List<SiteSearchHit> site, List<SiteSearchHit> organizations, IReadOnlyList<string> words)
    {
        bool InTitle(SiteSearchHit hit) => words.All(w => hit.Title.Contains(w, StringComparison.OrdinalIgnoreCase));
        return [.. site.Where(InTitle), .. organizations.Where(InTitle), .. site.Where(h => !InTitle(h)), .. organizations.Where(h => !InTitle(h))];
    }

    private (List<SiteSearchHit> Hits, int Content, int Notices) SearchSite(Query text, IReadOnlyList<string> words, SiteSearchQuery request, int needed)
    {
        var now = SiteIndex.Ticks(clock.GetUtcNow().UtcDateTime);
        SiteHitKind? only = request.Scope switch
        {
            SiteSearchScope.Content => SiteHitKind.Content,
            SiteSearchScope.Notice => SiteHitKind.Notice,
            _ => null,
        };
        return index.Search(searcher =>
        {
            var query = new FilteredQuery(text, _visibility.For(searcher.IndexReader, request.Culture, now));
            var top = TopFieldCollector.Create(TierThenNewest, Math.Max(1, needed), fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false);
            var collector = new KindCountingCollector(request.Scope == SiteSearchScope.Organization ? null : top, only);
            searcher.Search(query, collector);
            var hits = request.Scope == SiteSearchScope.Organization
                ? []
                : top.GetTopDocs().ScoreDocs.Select(d => ToHit(searcher.Doc(d.Doc), words, request.Culture)).ToList();
            return (hits, collector.Counts[(int)SiteHitKind.Content], collector.Counts[(int)SiteHitKind.Notice]);
        });
    }

    /// <summary>
    /// Every word in the title or the text, scored only by whether the title holds every word (constant scores, no
    /// coordination factor: two tiers, ordered by date within each). Null when no word leaves a token (pure punctuation).
    /// </summary>
    private BooleanQuery? TextQuery(IReadOnlyList<string> words)
    {
        var anywhere = new BooleanQuery();
        var inTitle = new BooleanQuery();
        foreach (var word in words)
        {
            var tokens = analysis.Tokens(word);
            if (tokens.Count == 0)
            {
                continue;
            }

            // A single character is no bigram: look it up among the titles' single characters.
            var title = tokens.Count == 1 && tokens[0].Length == 1
                ? new TermQuery(new Term(SiteFields.TitleUnigrams, tokens[0]))
                : Phrase(SiteFields.Title, tokens);
            anywhere.Add(new BooleanQuery { { title, Occur.SHOULD }, { Phrase(SiteFields.Body, tokens), Occur.SHOULD } }, Occur.MUST);
            inTitle.Add(title, Occur.MUST);
        }

        if (anywhere.Clauses.Count == 0)
        {
            return null;
        }

        return new BooleanQuery(disableCoord: true)
        {
            { new ConstantScoreQuery(anywhere) { Boost = 1 }, Occur.MUST },
            { new ConstantScoreQuery(inTitle) { Boost = TitleBoost }, Occur.SHOULD },
        };
    }

    private static Query Phrase(string field, IReadOnlyList<string> tokens)
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

    private static SiteSearchHit ToHit(Lucene.Net.Documents.Document document, IReadOnlyList<string> words, string culture)
    {
        var kind = document.Get(SiteFields.Kind, CultureInfo.InvariantCulture) == SiteIndex.KindName(SiteHitKind.Notice) ? SiteSearchScope.Notice : SiteSearchScope.Content;
        var type = document.Get(SiteFields.Type, CultureInfo.InvariantCulture);
        var label = kind == SiteSearchScope.Notice
            ? "Content.Search.Kind.Notice"
            : document.Get(SiteFields.Category, CultureInfo.InvariantCulture) is { } category ? $"Content.Item.Category.{category}" : $"Content.Item.Type.{type}";
        var published = new DateTime(long.Parse(document.Get(SiteFields.PublishAt, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var itemCulture = document.Get(SiteFields.Culture, CultureInfo.InvariantCulture);
        return new SiteSearchHit(
            kind,
            label,
            document.Get(SiteFields.Title, CultureInfo.InvariantCulture),
            SearchText.Snippet(document.Get(SiteFields.StoredText, CultureInfo.InvariantCulture) ?? "", words, SnippetWindow),
            document.Get(SiteFields.Url, CultureInfo.InvariantCulture),
            published,
            itemCulture,
            itemCulture != culture && ContentCultures.IsKnown(culture));
    }

    /// <summary>Counts the hits per kind and hands those of the wanted kind (all when null) to the page's collector.</summary>
    private sealed class KindCountingCollector(ICollector? inner, SiteHitKind? only) : ICollector
    {
        private NumericDocValues? _kinds;

        public int[] Counts { get; } = new int[2];

        public bool AcceptsDocsOutOfOrder => inner?.AcceptsDocsOutOfOrder ?? true;

        public void SetScorer(Scorer scorer) => inner?.SetScorer(scorer);

        public void SetNextReader(AtomicReaderContext context)
        {
            _kinds = context.AtomicReader.GetNumericDocValues(SiteFields.KindNumber);
            inner?.SetNextReader(context);
        }

        public void Collect(int doc)
        {
            var kind = (int)(_kinds?.Get(doc) ?? 0);
            Counts[kind]++;
            if (inner is not null && (only is null || (int)only == kind))
            {
                inner.Collect(doc);
            }
        }
    }
}
