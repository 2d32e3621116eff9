using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Registry.Directory.Search;

/// <summary>
/// Word-wise operations on bit sets, a vector at a time: the JIT does not vectorize loops itself, and a search makes
/// several passes over sets of 15,625 words (1,000,000 documents). Counting bits uses the nibble table of Muła et al.
/// (one byte shuffle per 64 bytes, summed by SAD) where AVX-512 or AVX2 is there, else one POPCNT per word.
/// </summary>
internal static class Bits
{
    /// <summary>Bits set in each nibble value, repeated per 128-bit lane (a shuffle looks up within its lane).</summary>
    private static ReadOnlySpan<byte> NibbleCounts =>
    [
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
    ];

    /// <summary><paramref name="into"/> &amp;= <paramref name="other"/>.</summary>
    public static void And(Span<long> into, ReadOnlySpan<long> other)
    {
        var i = 0;
        ref var target = ref MemoryMarshal.GetReference(into);
        ref var source = ref MemoryMarshal.GetReference(other[..into.Length]);
        for (; i <= into.Length - Vector256<long>.Count; i += Vector256<long>.Count)
        {
            (Vector256.LoadUnsafe(ref target, (nuint)i) & Vector256.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
        }

        for (; i < into.Length; i++)
        {
            into[i] &= other[i];
        }
    }

    /// <summary><paramref name="into"/> |= <paramref name="other"/>.</summary>
    public static void Or(Span<long> into, ReadOnlySpan<long> other)
    {
        var i = 0;
        ref var target = ref MemoryMarshal.GetReference(into);
        ref var source = ref MemoryMarshal.GetReference(other[..into.Length]);
        for (; i <= into.Length - Vector256<long>.Count; i += Vector256<long>.Count)
        {
            (Vector256.LoadUnsafe(ref target, (nuint)i) | Vector256.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
        }

        for (; i < into.Length; i++)
        {
            into[i] |= other[i];
        }
    }

    /// <summary><paramref name="into"/> &amp;= ~<paramref name="other"/>.</summary>
    public static void AndNot(Span<long> into, ReadOnlySpan<long> other)
    {
        var i = 0;
        ref var target = ref MemoryMarshal.GetReference(into);
        ref var source = ref MemoryMarshal.GetReference(other[..into.Length]);
        for (; i <= into.Length - Vector256<long>.Count; i += Vector256<long>.Count)
        {
            Vector256.AndNot(Vector256.LoadUnsafe(ref target, (nuint)i), Vector256.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
        }

        for (; i < into.Length; i++)
        {
            into[i] &= ~other[i];
        }
    }

    /// <summary><paramref name="into"/> |= <paramref name="other"/> &amp; <paramref name="within"/> (empty: every document).</summary>
    public static void OrWithin(Span<long> into, ReadOnlySpan<long> other, ReadOnlySpan<long> within)
    {
        if (within.IsEmpty)
        {
            Or(into, other);
            return;
        }

        var i = 0;
        ref var target = ref MemoryMarshal.GetReference(into);
        ref var source = ref MemoryMarshal.GetReference(other[..into.Length]);
        ref var mask = ref MemoryMarshal.GetReference(within[..into.Length]);
        for (; i <= into.Length - Vector256<long>.Count; i += Vector256<long>.Count)
        {
            (Vector256.LoadUnsafe(ref target, (nuint)i) | (Vector256.LoadUnsafe(ref source, (nuint)i) & Vector256.LoadUnsafe(ref mask, (nuint)i))).StoreUnsafe(ref target, (nuint)i);
        }

        for (; i < into.Length; i++)
        {
            into[i] |= other[i] & within[i];
        }
    }

    /// <summary>
    /// <paramref name="into"/> = (<paramref name="a"/> | <paramref name="b"/> | <paramref name="c"/>) &amp;
    /// <paramref name="within"/>; an empty <paramref name="within"/> stands for every document (a segment without
    /// deletions), whose bits need not be read: a search's largest reads are of whole sets, and they crowd the cache.
    /// </summary>
    public static void UnionWithin(Span<long> into, ReadOnlySpan<long> a, ReadOnlySpan<long> b, ReadOnlySpan<long> c, ReadOnlySpan<long> within)
    {
        var i = 0;
        ref var target = ref MemoryMarshal.GetReference(into);
        ref var ra = ref MemoryMarshal.GetReference(a[..into.Length]);
        ref var rb = ref MemoryMarshal.GetReference(b[..into.Length]);
        ref var rc = ref MemoryMarshal.GetReference(c[..into.Length]);
        if (within.IsEmpty)
        {
            for (; i <= into.Length - Vector256<long>.Count; i += Vector256<long>.Count)
            {
                (Vector256.LoadUnsafe(ref ra, (nuint)i) | Vector256.LoadUnsafe(ref rb, (nuint)i) | Vector256.LoadUnsafe(ref rc, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
            }

            for (; i < into.Length; i++)
            {
                into[i] = a[i] | b[i] | c[i];
            }

            return;
        }

        ref var mask = ref MemoryMarshal.GetReference(within[..into.Length]);
        for (; i <= into.Length - Vector256<long>.Count; i += Vector256<long>.Count)
        {
            var union = Vector256.LoadUnsafe(ref ra, (nuint)i) | Vector256.LoadUnsafe(ref rb, (nuint)i) | Vector256.LoadUnsafe(ref rc, (nuint)i);
            (union & Vector256.LoadUnsafe(ref mask, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
        }

        for (; i < into.Length; i++)
        {
            into[i] = (a[i] | b[i] | c[i]) & within[i];
        }
    }

    /// <summary>Bits set in the words.</summary>
    public static int Count(ReadOnlySpan<long> words) => CountBoth(words, words);

    /// <summary>Bits set in both (<paramref name="b"/> may be longer).</summary>
    public static int CountBoth(ReadOnlySpan<long> a, ReadOnlySpan<long> b)
    {
        b = b[..a.Length];
        var i = 0;
        long count = 0;
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        if (Avx512BW.IsSupported && Vector512.IsHardwareAccelerated)
        {
            var table = Vector512.Create(NibbleCounts);
            var sums = Vector512<ulong>.Zero;
            for (; i <= a.Length - Vector512<long>.Count; i += Vector512<long>.Count)
            {
                var bytes = (Vector512.LoadUnsafe(ref ra, (nuint)i) & Vector512.LoadUnsafe(ref rb, (nuint)i)).AsByte();
                var perByte = Avx512BW.Shuffle(table, bytes & Vector512.Create((byte)0x0F))
                    + Avx512BW.Shuffle(table, Avx512BW.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & Vector512.Create((byte)0x0F));
                sums += Avx512BW.SumAbsoluteDifferences(perByte, Vector512<byte>.Zero).AsUInt64();
            }

            count = (long)Vector512.Sum(sums);
        }
        else if (Avx2.IsSupported)
        {
            var table = Vector256.Create(NibbleCounts[..32]);
            var sums = Vector256<ulong>.Zero;
            for (; i <= a.Length - Vector256<long>.Count; i += Vector256<long>.Count)
            {
                var bytes = (Vector256.LoadUnsafe(ref ra, (nuint)i) & Vector256.LoadUnsafe(ref rb, (nuint)i)).AsByte();
                var perByte = Avx2.Shuffle(table, bytes & Vector256.Create((byte)0x0F))
                    + Avx2.Shuffle(table, Avx2.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & Vector256.Create((byte)0x0F));
                sums += Avx2.SumAbsoluteDifferences(perByte, Vector256<byte>.Zero).AsUInt64();
            }

            count = (long)Vector256.Sum(sums);
        }

        for (; i < a.Length; i++)
        {
            count += BitOperations.PopCount((ulong)(Unsafe.Add(ref ra, i) & Unsafe.Add(ref rb, i)));
        }

        return (int)count;
    }
}
