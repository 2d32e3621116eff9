using System.Buffers;
using System.Numerics;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Registry.Directory.Search;

/// <summary>
/// A set of one segment's documents as bits on a pooled array. A query's hits are gathered into these once, then
/// counted, filtered and split into relevance tiers with whole-word operations instead of per-hit collector calls.
/// Also usable as Lucene's accept-docs, so a scorer only visits the documents of one tier.
/// </summary>
internal sealed class DocSet : IBits, IDisposable
{
    /// <summary>
    /// Own pool: a search holds a dozen sets per segment at once, more than the shared pool keeps per size, and every
    /// miss would be a large-object allocation (128 KiB at 1M documents) and, soon, a full collection.
    /// </summary>
    private static readonly ArrayPool<long> Pool = ArrayPool<long>.Create(maxArrayLength: 1 << 18, maxArraysPerBucket: 64);

    private readonly int _wordCount;
    private long[]? _words;

    /// <param name="maxDoc">The segment's maxDoc.</param>
    /// <param name="empty">False for a set the caller overwrites whole before reading it (a copy): its pooled words are not cleared.</param>
    public DocSet(int maxDoc, bool empty = true)
    {
        Length = maxDoc;
        _wordCount = (maxDoc + 63) >> 6;
        _words = Pool.Rent(_wordCount);
        if (empty)
        {
            Array.Clear(_words, 0, _wordCount);
        }
    }

    /// <summary>The segment's maxDoc.</summary>
    public int Length { get; }

    public Span<long> Words => (_words ?? throw new ObjectDisposedException(nameof(DocSet))).AsSpan(0, _wordCount);

    public bool Get(int index) => (_words![index >> 6] & (1L << index)) != 0;

    public void Set(int doc) => _words![doc >> 6] |= 1L << doc;

    public void Clear(int doc) => _words![doc >> 6] &= ~(1L << doc);

    /// <summary>Adds every document the scorer matches (null: none).</summary>
    public void Add(Scorer? scorer)
    {
        if (scorer is null)
        {
            return;
        }

        int doc;
        while ((doc = scorer.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
        {
            Set(doc);
        }
    }

    public void CopyFrom(ReadOnlySpan<long> other) => other[.._wordCount].CopyTo(Words);

    public void And(ReadOnlySpan<long> other) => Bits.And(Words, other);

    public void Or(ReadOnlySpan<long> other) => Bits.Or(Words, other);

    /// <summary>
    /// The distance, in words, between the starts of the sample's blocks for a segment of <paramref name="wordCount"/>
    /// words: every eighth block where the segment is large, fewer skipped where it is smaller, so that the sample always
    /// holds at least <see cref="MinSampleBlocks"/> blocks. <see cref="SampleWords"/> (nothing skipped) means the segment
    /// is too small to be estimated.
    /// </summary>
    public static int SampleStride(int wordCount) =>
        SampleWords * Math.Clamp(wordCount / SampleWords / MinSampleBlocks, 1, MaxSampleStrideBlocks);

    /// <summary>
    /// The words of the sample, one after another: the first <see cref="SampleWords"/> words of every
    /// <paramref name="stride"/> (see <see cref="SampleStride"/>), spread evenly over the segment, the last block cut
    /// short by the segment's end. Counting two samples' common bits reads contiguous memory: a value's sample is kept
    /// with its bits, and reading every stride's block of the full bits cost a cache miss a block.
    /// </summary>
    public static void CopySample(ReadOnlySpan<long> words, int stride, Span<long> into)
    {
        var at = 0;
        for (var block = 0; block < words.Length; block += stride)
        {
            var length = Math.Min(SampleWords, words.Length - block);
            words.Slice(block, length).CopyTo(into[at..]);
            at += length;
        }
    }

    /// <inheritdoc cref="CopySample"/>
    public static long[] Sample(ReadOnlySpan<long> words, int stride)
    {
        var sample = new long[SampleLength(words.Length, stride)];
        CopySample(words, stride, sample);
        return sample;
    }

    /// <summary>The words in the sample of a segment of <paramref name="wordCount"/> words.</summary>
    public static int SampleLength(int wordCount, int stride) =>
        (wordCount / stride * SampleWords) + Math.Min(wordCount % stride, SampleWords);

    /// <summary>
    /// A sample block is one cache line (8 words, 512 documents): memory is read by the line, so a smaller block would
    /// read as much as the whole count. The blocks are many and small so that the sample is spread over the segment
    /// (a stratified sample): values that come in runs, as the documents' order follows registration, are seen in the
    /// same share as in the segment. 64 blocks at least (so a segment is sampled from 65,536 documents on; CI once
    /// saw a 10% error with three blocks of 2,048 documents), at most every eighth block read.
    /// </summary>
    private const int SampleWords = 8, MinSampleBlocks = 64, MaxSampleStrideBlocks = 8;

    /// <summary>Whether a segment of <paramref name="wordCount"/> words is large enough for a sample to stand for it.</summary>
    public static bool CanSample(int wordCount) => SampleStride(wordCount) > SampleWords;

    public int Count() => Bits.Count(Words);

    /// <summary>The members in increasing order.</summary>
    public IEnumerable<int> Members()
    {
        for (var i = 0; i < _wordCount; i++)
        {
            var word = _words![i];
            while (word != 0)
            {
                yield return (i << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }

    public void Dispose()
    {
        if (_words is { } words)
        {
            _words = null;
            Pool.Return(words);
        }
    }
}
