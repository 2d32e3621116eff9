using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Registry.Directory.Search;
using Registry.Organizations.Contracts;

namespace Registry.Web.Tests.Directory;

/// <summary>
/// A document builder reuses its fields from one organization to the next: each document must hold exactly its own
/// organization's values, none left over from the one before (former names, service fields, hub, code, standing, grade).
/// </summary>
public sealed class DirectoryDocumentTests
{
    private static readonly OrganizationListing Full = new(
        7, "宁波市海曙区乐龄养老服务中心", ["海曙区乐龄服务社", "海曙区老年服务社"], null, "PrivateNonEnterprise", "52330203MJ1234567X", null, "Active",
        new DateOnly(2015, 3, 4), "海曙区", "南门街道", null, ["养老", "助残", "社区服务"], "居家养老上门服务、老年人日间照料", "张三", null, true,
        CreditStanding.Abnormal, 4, "解放南路1号");

    private static readonly OrganizationListing Bare = new(
        8, "海曙区西门社区读书会", [], null, "Community", null, "海曙备2020001", "Deregistered",
        new DateOnly(2020, 1, 1), "海曙区", "西门街道", null, ["文化"], "组织社区居民读书交流", "李四", null, false,
        CreditStanding.Good, 0, "西门路2号");

    private static readonly OrganizationListing Member = Bare with { Id = 9, Name = "海曙区西门社区合唱团", FilingNumber = null, HubOrganizationId = 7, ServiceFields = [] };

    [Fact]
    public void Build_AfterARicherOrganization_HoldsOnlyTheNextOnesValues()
    {
        var reused = new DirectoryDocument.Builder();
        var full = Fields(reused.Build(Full));
        var bare = Fields(reused.Build(Bare));
        var member = Fields(reused.Build(Member));
        var again = Fields(reused.Build(Full));

        bare.ShouldBe(Fields(new DirectoryDocument.Builder().Build(Bare)));
        member.ShouldBe(Fields(new DirectoryDocument.Builder().Build(Member)));
        again.ShouldBe(full);

        full.Count(f => f.StartsWith(IndexFields.FormerNames + "=", StringComparison.Ordinal)).ShouldBe(2);
        full.Count(f => f.StartsWith(IndexFields.NameExact + "=", StringComparison.Ordinal)).ShouldBe(3);
        full.ShouldContain($"{IndexFields.ServiceField}=社区服务");
        full.ShouldContain($"{IndexFields.Hub}=7");
        full.ShouldContain($"{IndexFields.Standing}=Abnormal");
        full.ShouldContain($"{IndexFields.Grade}=4");
        full.ShouldContain($"{IndexFields.Code}=52330203MJ1234567X");
        bare.ShouldNotContain(f => f.StartsWith(IndexFields.FormerNames + "=", StringComparison.Ordinal) || f.StartsWith(IndexFields.Hub + "=", StringComparison.Ordinal)
            || f.StartsWith(IndexFields.Standing + "=", StringComparison.Ordinal) || f.StartsWith(IndexFields.Grade + "=", StringComparison.Ordinal));
        bare.Count(f => f.StartsWith(IndexFields.ServiceField + "=", StringComparison.Ordinal)).ShouldBe(1);
        bare.ShouldContain($"{IndexFields.Code}=海曙备2020001");
        member.ShouldContain($"{IndexFields.Hub}=7");
        member.ShouldNotContain(f => f.StartsWith(IndexFields.Code + "=", StringComparison.Ordinal) || f.StartsWith(IndexFields.ServiceField + "=", StringComparison.Ordinal));
        full.Concat(bare).Concat(member).ShouldNotContain(f => f.EndsWith(" stored", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ResultRow_HoldsWhatTheRowShows()
    {
        var builder = new DirectoryDocument.Builder();

        Row(builder.Build(Full)).ShouldBe(new DirectoryHit(
            7, "宁波市海曙区乐龄养老服务中心", "52330203MJ1234567X", "PrivateNonEnterprise", "Active", "Abnormal", 4, "南门街道", "2015-03-04",
            "居家养老上门服务、老年人日间照料", ["海曙区乐龄服务社", "海曙区老年服务社"], 7), RowComparer.Instance);
        Row(builder.Build(Bare)).ShouldBe(new DirectoryHit(
            8, "海曙区西门社区读书会", "海曙备2020001", "Community", "Deregistered", "Good", 0, "西门街道", "2020-01-01", "组织社区居民读书交流", [], null), RowComparer.Instance);
        var member = Row(builder.Build(Member));
        member.Code.ShouldBeNull();
        member.HubId.ShouldBe(7);
        member.IsHub.ShouldBeFalse();
    }

    [Fact]
    public void Build_LongScopeAndManyLongFormerNames_RowFitsLucenesLimit()
    {
        var former = Enumerable.Range(1, 300).Select(i => $"宁波市海曙区第{i}次更名的社会组织" + new string('名', 150)).ToList();
        var listing = Full with { BusinessScope = new string('养', 5_000), FormerNames = former };

        var document = new DirectoryDocument.Builder().Build(listing);
        var bytes = document.GetBinaryValue(IndexFields.Row);

        bytes.Length.ShouldBeLessThanOrEqualTo(ResultRow.MaxBytes);
        var row = ResultRow.Read(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
        row.ScopeSnippet.Length.ShouldBe(DirectoryDocument.StoredScopeLength);
        row.FormerNames.Count.ShouldBeInRange(1, former.Count - 1);
        row.FormerNames.ShouldBe(former.Take(row.FormerNames.Count));
        document.GetFields(IndexFields.FormerNames).Length.ShouldBe(former.Count);
    }

    private static DirectoryHit Row(Document document)
    {
        var bytes = document.GetBinaryValue(IndexFields.Row);
        return ResultRow.Read(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
    }

    /// <summary>Records compare lists by reference: this compares the former names by their items.</summary>
    private sealed class RowComparer : IEqualityComparer<DirectoryHit>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(DirectoryHit? x, DirectoryHit? y) =>
            x is not null && y is not null && x with { FormerNames = [] } == y with { FormerNames = [] } && x.FormerNames.SequenceEqual(y.FormerNames);

        public int GetHashCode(DirectoryHit obj) => obj.Id;
    }

    /// <summary>Every field of a document as name=value (text, bytes or number), in the order it was added.</summary>
    private static List<string> Fields(Document document) =>
        [.. document.Fields.Select(f => f.Name + "=" + (f.GetStringValue(CultureInfo.InvariantCulture) ?? (f.GetBinaryValue() is { } bytes ? Convert.ToHexString(bytes.Bytes, bytes.Offset, bytes.Length) : "?")) + (f.IndexableFieldType.IsStored ? " stored" : ""))];
}
