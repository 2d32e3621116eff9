using System.Numerics;
using Registry.Directory.Search;

namespace Registry.Web.Tests.Directory;

/// <summary>The vectorized bit-set operations give what one word at a time gives, at every length (the vector tails included).</summary>
public sealed class BitsTests
{
    public static TheoryData<int> Lengths() => [0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1_000, 15_625];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Operations_MatchWordByWord(int length)
    {
        var random = new Random(length);
        var (a, b, c, within, into) = (Words(random, length), Words(random, length), Words(random, length), Words(random, length), Words(random, length));

        Bits.Count(a).ShouldBe(a.Sum(w => BitOperations.PopCount((ulong)w)));
        Bits.CountBoth(a, b).ShouldBe(a.Zip(b).Sum(p => BitOperations.PopCount((ulong)(p.First & p.Second))));
        Check(into, x => Bits.And(x, a), (x, i) => x & a[i]);
        Check(into, x => Bits.Or(x, a), (x, i) => x | a[i]);
        Check(into, x => Bits.AndNot(x, a), (x, i) => x & ~a[i]);
        Check(into, x => Bits.OrWithin(x, a, within), (x, i) => x | (a[i] & within[i]));
        Check(into, x => Bits.UnionWithin(x, a, b, c, within), (_, i) => (a[i] | b[i] | c[i]) & within[i]);
        // No mask (every document live): nothing taken out.
        Check(into, x => Bits.OrWithin(x, a, []), (x, i) => x | a[i]);
        Check(into, x => Bits.UnionWithin(x, a, b, c, []), (_, i) => a[i] | b[i] | c[i]);
    }

    [Fact]
    public void CountBoth_AllBitsSet_CountsEveryBit()
    {
        var ones = Enumerable.Repeat(-1L, 15_625).ToArray();

        Bits.CountBoth(ones, ones).ShouldBe(1_000_000);
        Bits.CountBoth(ones.AsSpan(0, 10), ones).ShouldBe(640);
    }

    private static void Check(long[] before, Action<long[]> operation, Func<long, int, long> expected)
    {
        var actual = (long[])before.Clone();
        operation(actual);
        actual.ShouldBe([.. before.Select(expected)]);
    }

    private static long[] Words(Random random, int length) => [.. Enumerable.Range(0, length).Select(_ => random.NextInt64(long.MinValue, long.MaxValue))];
}
