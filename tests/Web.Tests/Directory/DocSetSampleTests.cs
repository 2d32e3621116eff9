using Registry.Directory.Search;

namespace Registry.Web.Tests.Directory;

/// <summary>
/// The sample behind estimated facet counts: spread over the whole segment in small blocks, so that a value which comes
/// in runs (documents follow registration order) is seen in about its true share, whatever the run length.
/// </summary>
public sealed class DocSetSampleTests
{
    [Theory]
    [InlineData(65_536, 1)]
    [InlineData(65_536, 37)]
    [InlineData(65_536, 1_000)]
    [InlineData(200_000, 37)]
    [InlineData(200_000, 5_000)]
    [InlineData(1_000_000, 37)]
    [InlineData(1_000_000, 20_000)]
    public void Sample_ScaledToTheSegment_EstimatesAValueInRunsWithinFivePerCent(int documents, int runLength)
    {
        var words = (documents + 63) >> 6;
        var hits = new long[words];
        var value = new long[words];
        for (var doc = 0; doc < documents; doc++)
        {
            if (doc % 3 != 0)
            {
                hits[doc >> 6] |= 1L << doc;
            }

            // One run in six belongs to the value, the runs' phase drifting every 1,000 documents.
            if ((doc / runLength + doc / 1_000) % 6 == 0)
            {
                value[doc >> 6] |= 1L << doc;
            }
        }

        DocSet.CanSample(words).ShouldBeTrue();
        var stride = DocSet.SampleStride(words);
        var hitSample = DocSet.Sample(hits, stride);
        var scale = (double)Bits.Count(hits) / Bits.Count(hitSample);
        var exact = Bits.CountBoth(hits, value);
        (Bits.CountBoth(hitSample, DocSet.Sample(value, stride)) * scale).ShouldBe(exact, exact * 0.05);
    }

    [Theory]
    [InlineData(1_024, 16)]
    [InlineData(1_029, 16)]
    [InlineData(1_030, 24)]
    [InlineData(7, 64)]
    public void Sample_IsTheFirstEightWordsOfEveryStride_TheLastBlockCutAtTheEnd(int words, int stride)
    {
        var random = new Random(words);
        var a = Enumerable.Range(0, words).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).ToArray();
        var expected = Enumerable.Range(0, words).Where(i => i % stride < 8).Select(i => a[i]).ToArray();
        DocSet.SampleLength(words, stride).ShouldBe(expected.Length);
        DocSet.Sample(a, stride).ShouldBe(expected);
    }

    [Theory]
    [InlineData(8_192)]
    [InlineData(48_000)]
    [InlineData(65_472)]
    public void SmallSegment_IsNotSampled(int documents) => DocSet.CanSample((documents + 63) >> 6).ShouldBeFalse();

    [Theory]
    [InlineData(65_536, 2)]
    [InlineData(200_000, 6)]
    [InlineData(1_000_000, 8)]
    [InlineData(10_000_000, 8)]
    public void Stride_KeepsAtLeast64Blocks_AndReadsAtMostAnEighth(int documents, int blocksPerSample)
    {
        var words = (documents + 63) >> 6;
        DocSet.SampleStride(words).ShouldBe(8 * blocksPerSample);
        (words / DocSet.SampleStride(words)).ShouldBeGreaterThanOrEqualTo(64);
    }
}
