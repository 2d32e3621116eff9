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
        full.ShouldContain($"{IndexFields.ServiceField}=社区服务 stored");
        full.ShouldContain($"{IndexFields.Hub}=7 stored");
        full.ShouldContain($"{IndexFields.Standing}=Abnormal stored");
        full.ShouldContain($"{IndexFields.Grade}=4 stored");
        full.ShouldContain($"{IndexFields.Code}=52330203MJ1234567X stored");
        bare.ShouldNotContain(f => f.StartsWith(IndexFields.FormerNames + "=", StringComparison.Ordinal) || f.StartsWith(IndexFields.Hub + "=", StringComparison.Ordinal)
            || f.StartsWith(IndexFields.Standing + "=", StringComparison.Ordinal) || f.StartsWith(IndexFields.Grade + "=", StringComparison.Ordinal));
        bare.Count(f => f.StartsWith(IndexFields.ServiceField + "=", StringComparison.Ordinal)).ShouldBe(1);
        bare.ShouldContain($"{IndexFields.Code}=海曙备2020001 stored");
        member.ShouldContain($"{IndexFields.Hub}=7 stored");
        member.ShouldNotContain(f => f.StartsWith(IndexFields.Code + "=", StringComparison.Ordinal) || f.StartsWith(IndexFields.ServiceField + "=", StringComparison.Ordinal));
    }

    /// <summary>Every field of a document as name=value (text, bytes or number), in the order it was added.</summary>
    private static List<string> Fields(Document document) =>
        [.. document.Fields.Select(f => f.Name + "=" + (f.GetStringValue(CultureInfo.InvariantCulture) ?? (f.GetBinaryValue() is { } bytes ? Convert.ToHexString(bytes.Bytes, bytes.Offset, bytes.Length) : "?")) + (f.IndexableFieldType.IsStored ? " stored" : ""))];
}
