using Lucene.Net.Index;

namespace Registry.Directory.Search;

/// <summary>
/// Lucene's tiered merging, plus one merge on request: every segment much smaller than the index (under
/// 1/<see cref="SmallShare"/> of its documents) into one. Each applied batch of changes commits a segment of its own, and
/// tiered merging lets a dozen such small segments stand beside the large ones; every search pays a fixed cost per
/// segment (its sets, its facet values, its part of each order). Requested by <see cref="DirectoryIndex.MergeSmallSegmentsAsync"/>
/// through <see cref="IndexWriter.MaybeMerge"/>, the only caller of the explicit trigger.
/// </summary>
internal sealed class DirectoryMergePolicy : TieredMergePolicy
{
    internal const int SmallShare = 64;

    public override MergeSpecification? FindMerges(MergeTrigger mergeTrigger, SegmentInfos infos)
    {
        ArgumentNullException.ThrowIfNull(infos);
        if (mergeTrigger != MergeTrigger.EXPLICIT)
        {
            return base.FindMerges(mergeTrigger, infos);
        }

        var segments = infos.AsList();
        long documents = segments.Sum(s => (long)s.Info.DocCount - s.DelCount);
        var merging = m_writer.Get().MergingSegments;
        var small = segments.Where(s => !merging.Contains(s) && ((long)s.Info.DocCount - s.DelCount) * SmallShare < documents).ToList();
        if (small.Count < 2)
        {
            // Nothing of this kind to merge; tiered merges run on commits as they always do.
            return null;
        }

        var merge = new MergeSpecification();
        merge.Add(new OneMerge(small));
        return merge;
    }
}
