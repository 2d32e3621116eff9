using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Registry.Directory.Search;

/// <summary>
/// The documents of one facet value (type, status, street or service field) in a segment, as bits; for a value whose
/// documents occupy few of the segment's 64-bit words (a hub's members, a rare street), also those words' indexes, so
/// that it is counted exactly at a fraction of a pass over the segment; for any other value of a segment large enough
/// to be estimated, the words of its sample (<see cref="DocSet.Sample"/>), which many hits are counted against.
/// </summary>
internal sealed record FacetValue(string Value, long[] Bits, int[]? OccupiedWords, long[]? Sample)
{
    /// <summary>A value occupying fewer than this share of the words keeps their indexes.</summary>
    public const int SparseShare = 8;

    public static FacetValue Of(string value, long[] bits)
    {
        var occupied = 0;
        foreach (var word in bits)
        {
            occupied += word != 0 ? 1 : 0;
        }

        if (occupied * SparseShare >= bits.Length)
        {
            return new FacetValue(value, bits, null, DocSet.CanSample(bits.Length) ? DocSet.Sample(bits, DocSet.SampleStride(bits.Length)) : null);
        }

        var words = new int[occupied];
        for (int i = 0, at = 0; i < bits.Length; i++)
        {
            if (bits[i] != 0)
            {
                words[at++] = i;
            }
        }

        return new FacetValue(value, bits, words, null);
    }
}

/// <summary>A segment's documents in one sort order: <see cref="Order"/> lists them, <see cref="Rank"/> gives each one's place.</summary>
internal sealed record SegmentOrder(int[] Order, int[] Rank);

/// <summary>
/// What searches need of a segment in memory, built once per segment core (deletions do not change it) and kept as
/// long as the segment lives: facet values as bit sets (counts become popcounts of the hits' words); the documents in
/// name, founding, grade, name-length and scope-length order (a page walks an order and stops when it is full instead of
/// comparing every hit); founding days (year filter); grades (sort across segments). Doc values on disk would cost a
/// seek per hit. About 55 bytes per document, built by the searcher factory and the merged-segment warmer before a segment becomes searchable, so no
/// query pays for it. Also the segment's remembered phrase matches.
/// </summary>
internal sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> Cache = new();
    private static readonly ConditionalWeakTable<IBits, long[]> LiveCache = new();
    private static readonly ConditionalWeakTable<long[], IReadOnlyDictionary<string, int[]>> LiveFacetCache = new();

    /// <summary>Phrases remembered per segment: enough for the phrases of a busy day, at most 32 bytes per document.</summary>
    private const int RememberedPhrases = 256;

    private readonly long[] _allDocs;
    private readonly Dictionary<string, LinkedListNode<(string Key, PhraseMatches Matches)>> _phrases = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, PhraseMatches Matches)> _phraseUse = new();

    private SegmentColumns(AtomicReader reader)
    {
        MaxDoc = reader.MaxDoc;
        Facets = IndexFields.Facets.ToDictionary(f => f, f => FacetValues(reader, f), StringComparer.Ordinal);
        ByName = NameOrder(reader);
        FoundedDays = new int[MaxDoc];
        var founded = reader.GetNumericDocValues(IndexFields.FoundedSort);
        for (var doc = 0; doc < MaxDoc; doc++)
        {
            FoundedDays[doc] = (int)(founded?.Get(doc) ?? 0);
        }

        ByFounded = DescendingOrder(FoundedDays);
        (Grades, GradeBits) = GradeColumns(MaxDoc, Facets[IndexFields.Grade]);
        ByGrade = CountingSort(Array.ConvertAll(Grades, g => DirectoryQuery.MaxGrade - g), DirectoryQuery.MaxGrade + 1, ByName.Order);
        (NameNorms, ByNameLength) = NormOrder(reader, IndexFields.Name);
        (ScopeNorms, ByScopeLength) = NormOrder(reader, IndexFields.Scope);
        _allDocs = new long[(MaxDoc + 63) >> 6];
        for (var doc = 0; doc < MaxDoc; doc++)
        {
            _allDocs[doc >> 6] |= 1L << doc;
        }
    }

    public int MaxDoc { get; }

    public IReadOnlyDictionary<string, FacetValue[]> Facets { get; }

    public SegmentOrder ByName { get; }

    /// <summary>Newest first.</summary>
    public SegmentOrder ByFounded { get; }

    /// <summary><see cref="DateOnly.DayNumber"/> of each document's founding date.</summary>
    public int[] FoundedDays { get; }

    /// <summary>Each document's grade (1–5, 0 for none).</summary>
    public byte[] Grades { get; }

    /// <summary>The documents of each grade as bits, indexed by grade (0: ungraded); the facet's own bits for 1–5.</summary>
    public long[][] GradeBits { get; }

    /// <summary>Highest grade first, ties in name order.</summary>
    public SegmentOrder ByGrade { get; }

    /// <summary>Shortest names first.</summary>
    public SegmentOrder ByNameLength { get; }

    /// <summary>Each document's name-field norm (larger for shorter names).</summary>
    public byte[] NameNorms { get; }

    /// <summary>Shortest scopes first.</summary>
    public SegmentOrder ByScopeLength { get; }

    /// <summary>Each document's scope-field norm (larger for shorter scopes).</summary>
    public byte[] ScopeNorms { get; }

    public SegmentOrder Order(ListingOrder order) => order switch
    {
        ListingOrder.Name => ByName,
        ListingOrder.Founded => ByFounded,
        ListingOrder.NameLength => ByNameLength,
        ListingOrder.Grade => ByGrade,
        _ => ByScopeLength,
    };

    public static SegmentColumns Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentColumns(reader));

    /// <summary>The segment's live documents as bits, cached per deletion state.</summary>
    public long[] LiveDocs(AtomicReader reader)
    {
        if (reader.LiveDocs is not { } live)
        {
            return _allDocs;
        }

        return LiveCache.GetValue(live, bits =>
        {
            var words = new long[_allDocs.Length];
            for (var doc = 0; doc < MaxDoc; doc++)
            {
                if (bits.Get(doc))
                {
                    words[doc >> 6] |= 1L << doc;
                }
            }

            return words;
        });
    }

    /// <summary>
    /// Documents per facet value (in the order of <see cref="Facets"/>) among the live documents: the counts of the
    /// listing with nothing typed and nothing filtered out, counted once per deletion state instead of per request.
    /// </summary>
    public IReadOnlyDictionary<string, int[]> LiveFacetCounts(AtomicReader reader) =>
        LiveFacetCache.GetValue(LiveDocs(reader), live => Facets.ToDictionary(
            f => f.Key, f => Array.ConvertAll(f.Value, v => Bits.CountBoth(live, v.Bits)), StringComparer.Ordinal));

    /// <summary>
    /// The documents the query matches (deleted ones included). Word results (a phrase or a single bigram) are remembered
    /// (deleted documents included, so deletions do not invalidate them): a phrase reads the positions of every document
    /// containing its bigrams, and a common bigram's postings list is a third of the register, several milliseconds
    /// at 1M either way, while the same words are asked again and again.
    /// </summary>
    public PhraseMatches Matches(WordQuery word, AtomicReaderContext context) =>
        IsRemembered(word.Query) ? Remember(word, context) : PhraseMatches.Of(word.Weight.GetScorer(context, null), MaxDoc);

    /// <summary>Whether <see cref="Matches"/> remembers the query's matches (words: phrases and single terms).</summary>
    public static bool IsRemembered(Query query) => query is PhraseQuery or TermQuery;

    /// <summary>Whether the query's matches in this segment are remembered now.</summary>
    public bool Remembers(WordQuery word)
    {
        ArgumentNullException.ThrowIfNull(word);
        lock (_phrases)
        {
            return _phrases.ContainsKey(word.Key);
        }
    }

    /// <summary>The query's matches in this segment: remembered, or read now and remembered (least recently used go first).</summary>
    public PhraseMatches Remember(WordQuery word, AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(word);
        lock (_phrases)
        {
            if (_phrases.TryGetValue(word.Key, out var node))
            {
                _phraseUse.Remove(node);
                _phraseUse.AddFirst(node);
                return node.Value.Matches;
            }
        }

        var matches = PhraseMatches.Of(word.Weight.GetScorer(context, null), MaxDoc);
        lock (_phrases)
        {
            if (!_phrases.ContainsKey(word.Key))
            {
                _phrases[word.Key] = _phraseUse.AddFirst((word.Key, matches));
                if (_phrases.Count > RememberedPhrases)
                {
                    _phrases.Remove(_phraseUse.Last!.Value.Key);
                    _phraseUse.RemoveLast();
                }
            }
        }

        return matches;
    }

    private static FacetValue[] FacetValues(AtomicReader reader, string field)
    {
        var values = new List<FacetValue>();
        if (reader.GetTerms(field) is not { } terms)
        {
            return [];
        }

        var words = (reader.MaxDoc + 63) >> 6;
        var termsEnum = terms.GetEnumerator();
        DocsEnum? docs = null;
        while (termsEnum.MoveNext())
        {
            var bits = new long[words];
            docs = termsEnum.Docs(null, docs, DocsFlags.NONE);
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                bits[doc >> 6] |= 1L << doc;
            }

            values.Add(FacetValue.Of(termsEnum.Term.Utf8ToString(), bits));
        }

        return [.. values];
    }

    /// <summary>Grades per document and per grade as bits, from the grade facet's bits (the ungraded are the rest).</summary>
    private static (byte[] Grades, long[][] Bits) GradeColumns(int maxDoc, FacetValue[] values)
    {
        var grades = new byte[maxDoc];
        var bits = new long[DirectoryQuery.MaxGrade + 1][];
        var ungraded = new long[(maxDoc + 63) >> 6];
        for (var doc = 0; doc < maxDoc; doc++)
        {
            ungraded[doc >> 6] |= 1L << doc;
        }

        bits[0] = ungraded;
        foreach (var value in values)
        {
            var grade = int.Parse(value.Value, CultureInfo.InvariantCulture);
            bits[grade] = value.Bits;
            for (var doc = 0; doc < maxDoc; doc++)
            {
                if ((value.Bits[doc >> 6] & (1L << doc)) != 0)
                {
                    grades[doc] = (byte)grade;
                    ungraded[doc >> 6] &= ~(1L << doc);
                }
            }
        }

        for (var grade = 1; grade < bits.Length; grade++)
        {
            bits[grade] ??= new long[ungraded.Length];
        }

        return (grades, bits);
    }

    /// <summary>Ordinals of the name sort key are already in name order: a counting sort by ordinal, stable by document.</summary>
    private static SegmentOrder NameOrder(AtomicReader reader)
    {
        var names = reader.GetSortedDocValues(IndexFields.NameSort);
        var ords = new int[reader.MaxDoc];
        for (var doc = 0; doc < ords.Length; doc++)
        {
            // Missing (-1) sorts first, as in Lucene's string sort.
            ords[doc] = (names?.GetOrd(doc) ?? -1) + 1;
        }

        return CountingSort(ords, (names?.ValueCount ?? 0) + 1);
    }

    /// <summary>The field's length norms (an encoded byte whose unsigned value grows with the norm) and the order by them.</summary>
    private static (byte[] Norms, SegmentOrder Order) NormOrder(AtomicReader reader, string field)
    {
        var values = reader.GetNormValues(field);
        var norms = new byte[reader.MaxDoc];
        for (var doc = 0; doc < norms.Length; doc++)
        {
            norms[doc] = (byte)(values?.Get(doc) ?? 0);
        }

        return (norms, DescendingOrder(Array.ConvertAll(norms, n => (int)n)));
    }

    /// <summary>Largest value first, ties in document order.</summary>
    private static SegmentOrder DescendingOrder(int[] values)
    {
        if (values.Length == 0)
        {
            return new SegmentOrder([], []);
        }

        var largest = values.Max();
        var keys = new int[values.Length];
        for (var doc = 0; doc < values.Length; doc++)
        {
            keys[doc] = largest - values[doc];
        }

        return CountingSort(keys, keys.Max() + 1);
    }

    /// <summary>A stable counting sort of the documents by key: ties keep their order in <paramref name="sequence"/> (default: document order).</summary>
    private static SegmentOrder CountingSort(int[] keys, int keyCount, int[]? sequence = null)
    {
        var starts = new int[keyCount + 1];
        foreach (var key in keys)
        {
            starts[key + 1]++;
        }

        for (var k = 1; k < starts.Length; k++)
        {
            starts[k] += starts[k - 1];
        }

        var order = new int[keys.Length];
        var rank = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var doc = sequence?[i] ?? i;
            var at = starts[keys[doc]]++;
            order[at] = doc;
            rank[doc] = at;
        }

        return new SegmentOrder(order, rank);
    }
}

/// <summary>
/// A query of one search. Its weight looks up the terms' statistics in every segment (a seek per term, field and segment)
/// and is made only when some segment has not remembered the query's matches.
/// </summary>
internal sealed class WordQuery(IndexSearcher searcher, Query query)
{
    private readonly Lazy<Weight> _weight = new(() => searcher.CreateNormalizedWeight(query));

    public Query Query => query;

    /// <summary>What segments remember the matches by.</summary>
    public string Key { get; } = query.ToString();

    public Weight Weight => _weight.Value;
}

/// <summary>A phrase's documents in a segment: a list when few, bits when many (whichever is smaller).</summary>
internal sealed class PhraseMatches
{
    private readonly int[]? _docs;
    private readonly long[]? _bits;

    private PhraseMatches(int[]? docs, long[]? bits)
    {
        _docs = docs;
        _bits = bits;
    }

    public static PhraseMatches Of(Scorer? scorer, int maxDoc)
    {
        var docs = new List<int>();
        int doc;
        while (scorer is not null && (doc = scorer.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
        {
            docs.Add(doc);
        }

        if (docs.Count * 32L < maxDoc)
        {
            return new PhraseMatches([.. docs], null);
        }

        var bits = new long[(maxDoc + 63) >> 6];
        foreach (var d in docs)
        {
            bits[d >> 6] |= 1L << d;
        }

        return new PhraseMatches(null, bits);
    }

    /// <summary>No document at all.</summary>
    public bool IsEmpty => _docs is { Length: 0 };

    /// <summary>
    /// Overwrites <paramref name="into"/> with the documents of any of the parts that are in <paramref name="within"/>
    /// (the live documents, empty when every document is live, or a query's hits), in one pass over the words however many parts are bits (up to three;
    /// more take a pass each), then the parts that are lists.
    /// </summary>
    public static void UnionWithin(Span<long> into, IReadOnlyList<PhraseMatches> parts, ReadOnlySpan<long> within)
    {
        var dense = parts.Where(p => p._bits is not null).ToList();

        within = within.IsEmpty ? within : within[..into.Length];
        switch (dense.Count)
        {
            case 0:
                into.Clear();
                break;
            default:
                Bits.UnionWithin(into, dense[0]._bits!, dense[Math.Min(1, dense.Count - 1)]._bits!, dense[Math.Min(2, dense.Count - 1)]._bits!, within);
                foreach (var more in dense.Skip(3))
                {
                    more.AddWithin(into, within);
                }

                break;
        }

        foreach (var part in parts)
        {
            if (part._docs is not null)
            {
                part.AddWithin(into, within);
            }
        }
    }

    /// <summary>Adds the documents that are in <paramref name="within"/> (empty: every document) to <paramref name="into"/>.</summary>
    public void AddWithin(Span<long> into, ReadOnlySpan<long> within)
    {
        if (_bits is null)
        {
            foreach (var doc in _docs!)
            {
                into[doc >> 6] |= (within.IsEmpty ? -1L : within[doc >> 6]) & (1L << doc);
            }

            return;
        }

        Bits.OrWithin(into, _bits, within);
    }
}

/// <summary>Builds <see cref="SegmentColumns"/> for every segment of a new searcher before it is used.</summary>
internal sealed class ColumnWarmingSearcherFactory : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        foreach (var leaf in reader.Leaves)
        {
            SegmentColumns.Of(leaf.AtomicReader).LiveDocs(leaf.AtomicReader);
        }

        return base.NewSearcher(reader);
    }
}

/// <summary>Builds <see cref="SegmentColumns"/> for a merged segment before near-real-time readers see it.</summary>
internal sealed class ColumnWarmer : IndexWriter.IndexReaderWarmer
{
    public override void Warm(AtomicReader reader) => SegmentColumns.Of(reader);
}
