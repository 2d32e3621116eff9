using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Registry.Directory.Search;

/// <summary>Listing orders kept per segment in <see cref="SegmentColumns"/>.</summary>
internal enum ListingOrder
{
    Name,
    Founded,

    /// <summary>Highest grade first, ties in name order.</summary>
    Grade,

    /// <summary>Shorter names first (by the name field's length norm, the factor by which Lucene's score prefers them).</summary>
    NameLength,

    /// <summary>Shorter scopes first (by the scope field's length norm).</summary>
    ScopeLength,
}

/// <summary>
/// Every hit of one query, per segment, as bit sets. The total and the facet counts are popcounts; a page walks the
/// segment's precomputed order until it is full, so no per-hit collector or scorer runs over all hits.
/// Relevance is in tiers, in this order: the exact code; the exact name (current or former); every word in the name;
/// every word in the name or a former name; some word in the name; the rest (words found in the scope). Within a tier
/// shorter names come first (shorter scopes in the last): the length norm is what decides Lucene's score among
/// documents that match in the same field, and a word seldom occurs twice in a name.
/// </summary>
internal sealed class QueryMatches : IDisposable
{
    private static readonly ListingOrder[] TierOrders =
        [ListingOrder.NameLength, ListingOrder.NameLength, ListingOrder.NameLength, ListingOrder.NameLength, ListingOrder.NameLength, ListingOrder.ScopeLength];

    private readonly List<SegmentMatches> _segments;

    private QueryMatches(List<SegmentMatches> segments)
    {
        _segments = segments;
        Total = segments.Sum(s => s.Hits.Count);
    }

    public int Total { get; }

    /// <summary>The hits of the text (null: everything) under the request's filters, in every segment of the searcher.</summary>
    public static QueryMatches Find(IndexSearcher searcher, TextPlan? plan, DirectoryQuery request)
    {
        var text = plan is null ? null : new TextWeights(searcher, plan);
        if (text is not null)
        {
            ReadNewWordsInParallel(searcher, text);
        }

        var hub = request.Hub is { } hubId ? searcher.CreateNormalizedWeight(new TermQuery(new Term(IndexFields.Hub, hubId.ToString(CultureInfo.InvariantCulture)))) : null;
        var segments = new List<SegmentMatches>();
        try
        {
            foreach (var context in searcher.IndexReader.Leaves)
            {
                segments.Add(SegmentMatches.Find(context, text, hub, request));
            }
        }
        catch
        {
            segments.ForEach(s => s.Dispose());
            throw;
        }

        return new QueryMatches(segments);
    }

    /// <summary>
    /// A word not asked before costs a read of its postings (and positions, for a phrase) in every segment, the slowest
    /// part of a search by far; remembered afterwards. The segments' reads are independent: spread them over the cores.
    /// </summary>
    private static void ReadNewWordsInParallel(IndexSearcher searcher, TextWeights text)
    {
        // Asked on every search, and nearly always all remembered: no list unless something is unread.
        List<(AtomicReaderContext Context, SegmentColumns Columns, WordQuery Word)>? unread = null;
        WordQuery[] remembered = [.. text.Remembered];
        foreach (var context in searcher.IndexReader.Leaves)
        {
            var columns = SegmentColumns.Of(context.AtomicReader);
            foreach (var word in remembered)
            {
                if (!columns.Remembers(word))
                {
                    (unread ??= []).Add((context, columns, word));
                }
            }
        }

        if (unread is { Count: > 1 } && Environment.ProcessorCount > 1)
        {
            Parallel.ForEach(
                Partitioner.Create(unread, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                read => read.Columns.Remember(read.Word, read.Context));
        }
    }

    /// <summary>
    /// A segment's hits from which on its values that occupy most of its words are estimated rather than counted: from
    /// the hits in up to an eighth of the words (<see cref="DocSet.Sample"/>), scaled by the segment's hits over the
    /// sample's. At this size a value's share is known to a few per cent where it matters (the larger counts), and an
    /// exact count would read every word of every value (at 1,000,000 documents and some forty values, the largest part
    /// of a search). Values whose documents are few (<see cref="FacetValue.OccupiedWords"/>) are always counted exactly.
    /// </summary>
    internal const int EstimateAbove = 8_192;

    /// <summary>
    /// Documents per facet value among the hits, most first; for the grade, the documents graded at least each value
    /// (what choosing it as the minimum grade finds), highest grade first. With the (field, value) pairs whose count is an
    /// estimate (see <see cref="EstimateAbove"/>).
    /// </summary>
    public (IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, int>>> Counts, IReadOnlySet<(string Field, string Value)> Estimated) FacetCounts()
    {
        // Per field, each value's count over the segments and whether some segment's part of it is an estimate.
        var totals = IndexFields.Facets.ToDictionary(f => f, _ => new Dictionary<string, (int Count, bool Estimated)>(StringComparer.Ordinal), StringComparer.Ordinal);
        static void Add(Dictionary<string, (int Count, bool Estimated)> field, string value, int count, bool estimate = false)
        {
            if (count > 0)
            {
                ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(field, value, out _);
                total = (total.Count + count, total.Estimated || estimate);
            }
        }

        foreach (var segment in _segments.Where(s => s.Hits.Count > 0))
        {
            var reader = segment.Context.AtomicReader;
            if (!segment.HasText && segment.Hits.Count == reader.NumDocs)
            {
                // Nothing typed and nothing filtered out (the hits are the live documents): counted once per segment state.
                foreach (var (field, counts) in segment.Columns.LiveFacetCounts(reader))
                {
                    var values = segment.Columns.Facets[field];
                    var fieldTotals = totals[field];
                    for (var v = 0; v < values.Length; v++)
                    {
                        Add(fieldTotals, values[v].Value, counts[v]);
                    }
                }

                continue;
            }

            var hits = segment.Hits.Set.Words;
            var stride = DocSet.SampleStride(hits.Length);
            var estimate = segment.Hits.Count >= EstimateAbove && DocSet.CanSample(hits.Length);
            var sampleLength = estimate ? DocSet.SampleLength(hits.Length, stride) : 0;
            var hitSample = estimate ? System.Buffers.ArrayPool<long>.Shared.Rent(sampleLength) : null;
            var sampleWords = hitSample.AsSpan(0, sampleLength);
            DocSet.CopySample(estimate ? hits : [], stride, sampleWords);
            var sampled = Bits.Count(sampleWords);
            var scale = sampled > 0 ? (double)segment.Hits.Count / sampled : 0;
            var occupied = scale == 0 ? OccupiedWords(hits) : null;
            try
            {
                foreach (var (field, values) in segment.Columns.Facets)
                {
                    var fieldTotals = totals[field];
                    foreach (var value in values)
                    {
                        if (value.OccupiedWords is { } words)
                        {
                            Add(fieldTotals, value.Value, CountBoth(hits, value.Bits, words));
                        }
                        else if (scale > 0)
                        {
                            Add(fieldTotals, value.Value, (int)Math.Round(Bits.CountBoth(sampleWords, value.Sample!) * scale), estimate: true);
                        }
                        else
                        {
                            Add(fieldTotals, value.Value, occupied is null ? Bits.CountBoth(hits, value.Bits) : CountBoth(hits, value.Bits, occupied.Value));
                        }
                    }
                }
            }
            finally
            {
                if (occupied is not null)
                {
                    System.Buffers.ArrayPool<int>.Shared.Return(occupied.Value.Array!);
                }

                if (hitSample is not null)
                {
                    System.Buffers.ArrayPool<long>.Shared.Return(hitSample);
                }
            }
        }

        // Sized once, for the values that are estimates (none in a search of few hits).
        var estimated = new HashSet<(string Field, string Value)>(totals.Sum(t => t.Value.Values.Count(v => v.Estimated)));
        var facets = new Dictionary<string, IReadOnlyList<KeyValuePair<string, int>>>(StringComparer.Ordinal);
        foreach (var (field, values) in totals)
        {
            foreach (var (value, total) in values)
            {
                if (total.Estimated)
                {
                    estimated.Add((field, value));
                }
            }

            facets[field] = field == IndexFields.Grade
                ? AtLeast(values, estimated)
                : [.. values.OrderByDescending(v => v.Value.Count).ThenBy(v => v.Key, StringComparer.Ordinal).Select(v => new KeyValuePair<string, int>(v.Key, v.Value.Count))];
        }

        return (facets, estimated);
    }

    /// <summary>Sums of the grades from 5A down; a sum with an estimated grade in it is an estimate.</summary>
    private static List<KeyValuePair<string, int>> AtLeast(Dictionary<string, (int Count, bool Estimated)> perGrade, HashSet<(string Field, string Value)> estimated)
    {
        var atLeast = new List<KeyValuePair<string, int>>();
        var count = 0;
        var estimate = false;
        for (var grade = DirectoryQuery.MaxGrade; grade >= 1; grade--)
        {
            var key = grade.ToString(CultureInfo.InvariantCulture);
            var (gradeCount, gradeEstimated) = perGrade.GetValueOrDefault(key);
            count += gradeCount;
            estimate |= gradeEstimated;
            if (estimate)
            {
                estimated.Add((IndexFields.Grade, key));
            }

            if (count > 0)
            {
                atLeast.Add(new(key, count));
            }
        }

        return atLeast;
    }

    /// <summary>The first <paramref name="needed"/> hits by relevance, tier by tier, as searcher-wide document numbers.</summary>
    public IReadOnlyList<int> Ranked(int needed)
    {
        var top = new List<int>(needed);
        for (var tier = 0; tier < TierOrders.Length && top.Count < needed; tier++)
        {
            top.AddRange(Ordered(s => s.Tier(tier), TierOrders[tier], needed - top.Count));
        }

        return top;
    }

    /// <summary>
    /// The first <paramref name="needed"/> hits by grade, highest first, and by relevance within a grade (each grade's
    /// part of each tier is cut out only while the page is not full).
    /// </summary>
    public IReadOnlyList<int> RankedByGrade(int needed)
    {
        var top = new List<int>(needed);
        for (var grade = DirectoryQuery.MaxGrade; grade >= 0 && top.Count < needed; grade--)
        {
            for (var tier = 0; tier < TierOrders.Length && top.Count < needed; tier++)
            {
                // Most grades hold a few hits of a tier or none: look before cutting sets out.
                if (!_segments.Any(s => s.Tier(tier) is { Count: > 0 } part && Intersect(part.Set.Words, s.Columns.GradeBits[grade])))
                {
                    continue;
                }

                var parts = new List<CountedSet>();
                try
                {
                    top.AddRange(Ordered(
                        s =>
                        {
                            var part = s.Within(s.Tier(tier), s.Columns.GradeBits[grade]);
                            parts.Add(part);
                            return part;
                        },
                        TierOrders[tier],
                        needed - top.Count));
                }
                finally
                {
                    parts.ForEach(p => p.Set.Dispose());
                }
            }
        }

        return top;
    }

    /// <summary>The first <paramref name="needed"/> hits in a listing order, as searcher-wide document numbers.</summary>
    public IReadOnlyList<int> Ordered(ListingOrder order, int needed) => Ordered(s => s.Hits, order, needed);

    private List<int> Ordered(Func<SegmentMatches, CountedSet> part, ListingOrder order, int needed)
    {
        var cursors = new PriorityQueue<OrderCursor, OrderCursor>(OrderCursor.Comparer);
        foreach (var segment in _segments)
        {
            var docs = segment.FirstInOrder(part(segment), order, needed);
            if (docs.Length > 0)
            {
                var cursor = new OrderCursor(segment, order, docs);
                cursors.Enqueue(cursor, cursor);
            }
        }

        // Each segment's list is in order already: merge them, comparing sort keys across segments.
        var top = new List<int>();
        while (top.Count < needed && cursors.TryDequeue(out var cursor, out _))
        {
            top.Add(cursor.GlobalDoc);
            if (cursor.MoveNext())
            {
                cursors.Enqueue(cursor, cursor);
            }
        }

        return top;
    }

    public void Dispose() => _segments.ForEach(s => s.Dispose());

    private static bool Intersect(ReadOnlySpan<long> a, ReadOnlySpan<long> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if ((a[i] & b[i]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The indexes of the hit set's non-empty words when they are few (a narrow query), so that each facet value is
    /// counted over those words only; null when the hits are spread over most words and a plain pass is as fast.
    /// </summary>
    private static ArraySegment<int>? OccupiedWords(ReadOnlySpan<long> hits)
    {
        var limit = hits.Length / 8;
        var occupied = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, limit));
        var count = 0;
        for (var i = 0; i < hits.Length; i++)
        {
            if (hits[i] != 0)
            {
                if (count == limit)
                {
                    System.Buffers.ArrayPool<int>.Shared.Return(occupied);
                    return null;
                }

                occupied[count++] = i;
            }
        }

        return new ArraySegment<int>(occupied, 0, count);
    }

    /// <summary>Bits set in both within the given words.</summary>
    private static int CountBoth(ReadOnlySpan<long> a, ReadOnlySpan<long> b, ReadOnlySpan<int> words)
    {
        var count = 0;
        foreach (var i in words)
        {
            count += BitOperations.PopCount((ulong)(a[i] & b[i]));
        }

        return count;
    }

    /// <summary>The typed text's queries for all segments of one searcher (weighted only where a segment has not remembered them).</summary>
    private sealed class TextWeights(IndexSearcher searcher, TextPlan plan)
    {
        public IReadOnlyList<(WordQuery Name, WordQuery? Unigram, WordQuery FormerNames, WordQuery Scope)> Words { get; } =
            [.. plan.Words.Select(w => (
                new WordQuery(searcher, w.Name),
                w.Unigram is null ? null : new WordQuery(searcher, w.Unigram),
                new WordQuery(searcher, w.FormerNames),
                new WordQuery(searcher, w.Scope)))];

        public WordQuery Code { get; } = new(searcher, plan.Code);

        public WordQuery ExactName { get; } = new(searcher, plan.ExactName);

        /// <summary>Every query of the text whose matches segments remember.</summary>
        public IEnumerable<WordQuery> Remembered => Words
            .SelectMany(w => new[] { w.Name, w.Unigram, w.FormerNames, w.Scope })
            .Append(Code)
            .Append(ExactName)
            .OfType<WordQuery>()
            .Where(w => SegmentColumns.IsRemembered(w.Query));
    }

    /// <summary>A set of documents and how many there are, counted when first asked (a page full after two tiers never counts the rest).</summary>
    /// <param name="set">The documents.</param>
    /// <param name="count">The set's size when known (a set known to be empty need not be cleared: it is never read).</param>
    private sealed class CountedSet(DocSet set, int count = -1)
    {
        private int _count = count;

        public DocSet Set => set;

        public int Count => _count >= 0 ? _count : _count = set.Count();
    }

    /// <summary>
    /// A typed text's matches in one segment: per word the parts of its name tier (the name and, for one character, the
    /// names' single characters), its former names and its scope; the exact code and the exact name; the live documents
    /// (none when every document is live: then there is nothing to take out, and their bits are not read).
    /// </summary>
    private sealed record SegmentText(
        IReadOnlyList<(PhraseMatches[] Name, PhraseMatches Former, PhraseMatches Scope)> Words,
        PhraseMatches Code,
        PhraseMatches Exact,
        long[] Live);

    /// <summary>
    /// One segment's hits and, for typed text, their relevance tiers. A tier is cut out of the hits when a page first
    /// needs it: the first page of a common word is full after the name tier, and the tiers after it are never made.
    /// </summary>
    private sealed class SegmentMatches : IDisposable
    {
        private readonly SegmentText? _text;
        private readonly CountedSet?[] _tiers = new CountedSet?[TierOrders.Length];

        private SegmentMatches(AtomicReaderContext context, SegmentColumns columns, CountedSet hits, SegmentText? text)
        {
            Context = context;
            Columns = columns;
            Hits = hits;
            _text = text;
        }

        public AtomicReaderContext Context { get; }

        public SegmentColumns Columns { get; }

        public CountedSet Hits { get; }

        /// <summary>Whether text was typed (the hits are in relevance tiers).</summary>
        public bool HasText => _text is not null;

        /// <summary>The hits of a relevance tier (0: the exact code … 5: the rest), disjoint from the tiers before it.</summary>
        public CountedSet Tier(int tier)
        {
            for (var t = 0; t <= tier; t++)
            {
                _tiers[t] ??= CutTier(t);
            }

            return _tiers[tier]!;
        }

        /// <summary>The part's documents that are also in <paramref name="bits"/>, as a new set the caller disposes.</summary>
        public CountedSet Within(CountedSet part, ReadOnlySpan<long> bits)
        {
            var set = new DocSet(Columns.MaxDoc);
            if (part.Count > 0)
            {
                set.CopyFrom(part.Set.Words);
                set.And(bits);
            }

            return new CountedSet(set);
        }

        public static SegmentMatches Find(AtomicReaderContext context, TextWeights? text, Weight? hub, DirectoryQuery request)
        {
            var reader = context.AtomicReader;
            var columns = SegmentColumns.Of(reader);
            // Overwritten whole before it is read.
            var hits = new DocSet(reader.MaxDoc, empty: false);
            try
            {
                if (text is null)
                {
                    hits.CopyFrom(columns.LiveDocs(reader));
                    Filter(context, columns, hub, request, hits);
                    return new SegmentMatches(context, columns, new CountedSet(hits), null);
                }

                var matches = new SegmentText(
                    [.. text.Words.Select(w => (
                        w.Unigram is null ? [columns.Matches(w.Name, context)] : new[] { columns.Matches(w.Name, context), columns.Matches(w.Unigram, context) },
                        columns.Matches(w.FormerNames, context),
                        columns.Matches(w.Scope, context)))],
                    columns.Matches(text.Code, context),
                    columns.Matches(text.ExactName, context),
                    reader.LiveDocs is null ? [] : columns.LiveDocs(reader));
                // Every word in some text field, or the whole text is a code.
                IntersectUnions(hits, matches.Words.Select(w => (IReadOnlyList<PhraseMatches>)[.. w.Name, w.Former, w.Scope]), matches.Live);
                matches.Code.AddWithin(hits.Words, matches.Live);
                Filter(context, columns, hub, request, hits);
                return new SegmentMatches(context, columns, new CountedSet(hits, hits.Count()), matches);
            }
            catch
            {
                hits.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Tier <paramref name="tier"/> once the tiers before it are made: the exact code; the exact name (current or
        /// former); every word in the name; every word in the name or a former name; some word in the name; the rest.
        /// </summary>
        private CountedSet CutTier(int tier)
        {
            var text = _text!;
            var oneWord = text.Words.Count == 1;
            IReadOnlyList<IReadOnlyList<PhraseMatches>>? each = tier switch
            {
                0 => [[text.Code]],
                1 => [[text.Exact]],
                2 => [.. text.Words.Select(w => w.Name)],
                // One word's name matches are in tier 2 already: its former names are what is left to add.
                3 => oneWord ? [[text.Words[0].Former]] : [.. text.Words.Select(w => (IReadOnlyList<PhraseMatches>)[.. w.Name, w.Former])],
                // With one word, "some word in the name" is tier 2.
                4 => oneWord ? [] : [[.. text.Words.SelectMany(w => w.Name)]],
                _ => null,
            };

            var maxDoc = Columns.MaxDoc;
            if (Hits.Count == 0 || (each is not null && (each.Count == 0 || each.Any(parts => parts.All(p => p.IsEmpty)))))
            {
                // Known to be empty, so never read: not cleared.
                return new CountedSet(new DocSet(maxDoc, empty: false), 0);
            }

            var set = new DocSet(maxDoc, empty: false);
            try
            {
                if (each is null)
                {
                    set.CopyFrom(Hits.Set.Words);
                }
                else
                {
                    IntersectUnions(set, each, Hits.Set.Words);
                }

                // Each tier keeps only the hits no tier before it has (the first tiers are mostly empty: nothing to take out).
                var earlier = _tiers.Take(tier).Where(t => t!.Count > 0).Select(t => t!.Set).ToList();
                return new CountedSet(set, KeepNew(set.Words, earlier));
            }
            catch
            {
                set.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Overwrites <paramref name="into"/> with the documents of <paramref name="within"/> (the live ones, or the hits)
        /// that are in some part of every group (a group: one word's parts).
        /// </summary>
        private static void IntersectUnions(DocSet into, IEnumerable<IReadOnlyList<PhraseMatches>> each, ReadOnlySpan<long> within)
        {
            var first = true;
            foreach (var parts in each)
            {
                if (first)
                {
                    PhraseMatches.UnionWithin(into.Words, parts, within);
                    first = false;
                    continue;
                }

                using var word = new DocSet(into.Length, empty: false);
                PhraseMatches.UnionWithin(word.Words, parts, within);
                into.And(word.Words);
            }
        }

        /// <summary>Takes the <paramref name="earlier"/> tiers' documents out of the tier and counts what is left.</summary>
        private static int KeepNew(Span<long> tier, List<DocSet> earlier)
        {
            foreach (var taken in earlier)
            {
                Bits.AndNot(tier, taken.Words);
            }

            return Bits.Count(tier);
        }

        private static void Filter(AtomicReaderContext context, SegmentColumns columns, Weight? hub, DirectoryQuery request, DocSet hits)
        {
            // 活动异常 and 严重违法失信 are offered among the statuses but kept as the standing.
            var statusField = DirectoryQuery.StandingStatuses.Contains(request.Status) ? IndexFields.Standing : IndexFields.Status;
            foreach (var (field, value) in new[] { (IndexFields.Type, request.Type), (statusField, request.Status), (IndexFields.Street, request.Street), (IndexFields.ServiceField, request.ServiceField) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                if (columns.Facets[field].FirstOrDefault(v => v.Value == value) is { } facet)
                {
                    hits.And(facet.Bits);
                }
                else
                {
                    hits.Words.Clear();
                }
            }

            if (hub is not null)
            {
                using var organizations = new DocSet(hits.Length);
                organizations.Add(hub.GetScorer(context, context.AtomicReader.LiveDocs));
                hits.And(organizations.Words);
            }

            if (request.MinGrade is { } minGrade and > 0)
            {
                using var graded = new DocSet(hits.Length);
                for (var grade = minGrade; grade <= DirectoryQuery.MaxGrade; grade++)
                {
                    graded.Or(columns.GradeBits[grade]);
                }

                hits.And(graded.Words);
            }

            if (request.FoundedFrom is not null || request.FoundedTo is not null)
            {
                var from = request.FoundedFrom is { } f ? new DateOnly(Math.Clamp(f, 1, 9999), 1, 1).DayNumber : int.MinValue;
                var to = request.FoundedTo is { } t ? new DateOnly(Math.Clamp(t, 1, 9999), 12, 31).DayNumber : int.MaxValue;
                foreach (var doc in hits.Members())
                {
                    if (columns.FoundedDays[doc] < from || columns.FoundedDays[doc] > to)
                    {
                        hits.Clear(doc);
                    }
                }
            }
        }

        /// <summary>
        /// The set's first documents in the order: walking the precomputed order when they are dense enough to fill the
        /// page soon, else sorting the few by their place in it.
        /// </summary>
        public int[] FirstInOrder(CountedSet part, ListingOrder order, int needed)
        {
            var take = Math.Min(needed, part.Count);
            if (take == 0)
            {
                return [];
            }

            var (ordered, rank) = Columns.Order(order);
            var walkSteps = (double)take * Columns.MaxDoc / part.Count;
            if (walkSteps <= (4.0 * part.Count) + (Columns.MaxDoc / 64.0))
            {
                var first = new int[take];
                var found = 0;
                foreach (var doc in ordered)
                {
                    if (part.Set.Get(doc))
                    {
                        first[found++] = doc;
                        if (found == take)
                        {
                            break;
                        }
                    }
                }

                return first;
            }

            var docs = part.Set.Members().ToArray();
            var ranks = Array.ConvertAll(docs, d => rank[d]);
            Array.Sort(ranks, docs);
            return docs[..take];
        }

        public void Dispose()
        {
            Hits.Set.Dispose();
            foreach (var tier in _tiers)
            {
                tier?.Set.Dispose();
            }
        }
    }

    /// <summary>A segment's ordered documents during the merge; its key is the current document's sort value.</summary>
    private sealed class OrderCursor
    {
        public static readonly IComparer<OrderCursor> Comparer = Comparer<OrderCursor>.Create(Compare);

        private readonly SegmentMatches _segment;
        private readonly ListingOrder _order;
        private readonly int[] _docs;
        private readonly SortedDocValues? _names;
        private int _position;
        private BytesRef _name = new();
        private int _key;

        public OrderCursor(SegmentMatches segment, ListingOrder order, int[] docs)
        {
            _segment = segment;
            _order = order;
            _docs = docs;
            _names = order is ListingOrder.Name or ListingOrder.Grade ? segment.Context.AtomicReader.GetSortedDocValues(IndexFields.NameSort) : null;
            LoadKey();
        }

        public int GlobalDoc => _segment.Context.DocBase + _docs[_position];

        public bool MoveNext()
        {
            if (++_position >= _docs.Length)
            {
                return false;
            }

            LoadKey();
            return true;
        }

        private void LoadKey()
        {
            var doc = _docs[_position];
            if (_names is not null)
            {
                var key = new BytesRef();
                _names.Get(doc, key);
                _name = BytesRef.DeepCopyOf(key);
            }

            _key = _order switch
            {
                ListingOrder.Name => 0,
                ListingOrder.Grade => -_segment.Columns.Grades[doc],
                ListingOrder.Founded => -_segment.Columns.FoundedDays[doc],
                ListingOrder.NameLength => -_segment.Columns.NameNorms[doc],
                _ => -_segment.Columns.ScopeNorms[doc],
            };
        }

        /// <summary>
        /// By key (names ascending, the others descending; grades then names); ties in document order, as Lucene's sorts
        /// break them.
        /// </summary>
        private static int Compare(OrderCursor? a, OrderCursor? b)
        {
            var byKey = a!._order == ListingOrder.Name ? 0 : a._key.CompareTo(b!._key);
            if (byKey == 0 && a._names is not null)
            {
                byKey = a._name.CompareTo(b!._name);
            }

            return byKey != 0 ? byKey : a.GlobalDoc.CompareTo(b!.GlobalDoc);
        }
    }
}
