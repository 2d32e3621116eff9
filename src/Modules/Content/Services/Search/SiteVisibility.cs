using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Registry.Content.Services.Search;

/// <summary>
/// Which documents are public now in a language, as a filter kept per index reader and language until the next instant any
/// document's visibility changes (a scheduled publication, or a variant in the other language turning public). Evaluating
/// the two date ranges afresh on every query cost more than the words did; the set only changes at those instants.
/// </summary>
internal sealed class SiteVisibility
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The documents public at <paramref name="now"/> (ticks) in <paramref name="culture"/>, as seen by <paramref name="reader"/>.</summary>
    public Filter For(IndexReader reader, string culture, long now)
    {
        if (_entries.TryGetValue(culture, out var entry) && ReferenceEquals(entry.Reader, reader) && now >= entry.From && now < entry.Until)
        {
            return entry.Filter;
        }

        var query = Query(culture, now);
        var until = NextChange(reader, now);
        if (until <= now)
        {
            // An index without the doc values to tell when the set changes: evaluate it for this query only.
            return new QueryWrapperFilter(query);
        }

        var bits = new Dictionary<object, FixedBitSet>();
        var evaluated = new QueryWrapperFilter(query);
        foreach (var leaf in reader.Leaves)
        {
            var set = new FixedBitSet(leaf.AtomicReader.MaxDoc);
            if (evaluated.GetDocIdSet(leaf, null)?.GetIterator() is { } iterator)
            {
                set.Or(iterator);
            }

            bits[leaf.AtomicReader.CoreCacheKey] = set;
        }

        var filter = new BitsFilter(bits);
        _entries[culture] = new Entry(reader, now, until, filter);
        return filter;
    }

    /// <summary>Public now, in the reader's language or standing in for a variant that is not (yet) public in it.</summary>
    internal static BooleanQuery Query(string culture, long now)
    {
        var fallback = new BooleanQuery
        {
            { NumericRangeQuery.NewInt64Range(SiteFields.OtherCultureFrom, now, null, minInclusive: false, maxInclusive: true), Occur.MUST },
            { new TermQuery(new Term(SiteFields.Culture, culture)), Occur.MUST_NOT },
        };
        return new BooleanQuery
        {
            { NumericRangeQuery.NewInt64Range(SiteFields.PublishAt, null, now, minInclusive: true, maxInclusive: true), Occur.MUST },
            { new BooleanQuery { { new TermQuery(new Term(SiteFields.Culture, culture)), Occur.SHOULD }, { fallback, Occur.SHOULD } }, Occur.MUST },
        };
    }

    /// <summary>The first instant after <paramref name="now"/> at which a document turns public or stops standing in; <paramref name="now"/> when unknown.</summary>
    private static long NextChange(IndexReader reader, long now)
    {
        var next = long.MaxValue;
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            if (atomic.MaxDoc == 0)
            {
                continue;
            }

            var publishAt = atomic.GetNumericDocValues(SiteFields.PublishSort);
            var otherFrom = atomic.GetNumericDocValues(SiteFields.OtherCultureSort);
            if (publishAt is null || otherFrom is null)
            {
                return now;
            }

            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                var publish = publishAt.Get(doc);
                if (publish > now && publish < next)
                {
                    next = publish;
                }

                var other = otherFrom.Get(doc);
                if (other > now && other < next)
                {
                    next = other;
                }
            }
        }

        return next;
    }

    private sealed record Entry(IndexReader Reader, long From, long Until, Filter Filter);

    /// <summary>Precomputed bits per segment; deleted documents are left to the accepted-documents bits Lucene passes in.</summary>
    private sealed class BitsFilter(Dictionary<object, FixedBitSet> bits) : Filter
    {
        public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs) =>
            bits.TryGetValue(context.AtomicReader.CoreCacheKey, out var set) ? BitsFilteredDocIdSet.Wrap(set, acceptDocs) : null;
    }
}
