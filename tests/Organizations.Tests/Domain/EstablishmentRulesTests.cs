using Registry.Organizations.Domain;

namespace Registry.Organizations.Tests.Domain;

public sealed class EstablishmentRulesTests
{
    private readonly RegistrationRules _rules = new();

    // 社团条例 第十条(一): pure individual ≥50, pure unit ≥30, mixed ≥50 in total.
    [Theory]
    [InlineData(49, 0, false)]
    [InlineData(50, 0, true)]
    [InlineData(0, 29, false)]
    [InlineData(0, 30, true)]
    [InlineData(40, 10, true)]
    [InlineData(10, 30, false)]
    [InlineData(39, 10, false)]
    [InlineData(0, 0, false)]
    public void MembersSuffice_Article10Item1_BothSidesOfEachBoundary(int individual, int unit, bool expected)
    {
        EstablishmentRules.MembersSuffice(individual, unit, _rules).ShouldBe(expected);
    }

    [Theory]
    [InlineData("海曙区中国文化促进会", "中国")]
    [InlineData("海曙区全国青年联合会", "全国")]
    [InlineData("海曙区中华美食协会", "中华")]
    [InlineData("海曙区国际交流促进会", "国际")]
    [InlineData("海曙区世界语学会", "世界")]
    public void CheckName_ReservedWordInALocalName_RefusedNamingTheWord(string name, string word)
    {
        var error = EstablishmentRules.CheckName(name, OrganizationType.SocialGroup, _rules).ShouldHaveSingleItem();

        error.Key.ShouldBe("Org.Validation.NameReservedWord");
        error.Args.ShouldBe([name, word]);
    }

    [Theory]
    [InlineData("宁波市海曙区阳光养老协会", true)]
    [InlineData("海曙区阳光养老协会", true)]
    [InlineData("宁波市阳光养老协会", false)]
    [InlineData("阳光养老协会", false)]
    [InlineData("海曙区协会", true)]
    public void CheckName_AdministrativeAreaPrefix_Required(string name, bool accepted)
    {
        var keys = EstablishmentRules.CheckName(name, OrganizationType.SocialGroup, _rules).Select(e => e.Key);

        keys.Contains("Org.Validation.NameAreaPrefix").ShouldBe(!accepted);
    }

    [Theory]
    [InlineData(OrganizationType.SocialGroup, "海曙区摄影协会", true)]
    [InlineData(OrganizationType.SocialGroup, "海曙区家庭教育研究会", true)]
    [InlineData(OrganizationType.SocialGroup, "海曙区电子商务商会", true)]
    [InlineData(OrganizationType.SocialGroup, "海曙区阳光养老服务中心", false)]
    [InlineData(OrganizationType.PrivateNonEnterprise, "海曙区阳光养老服务中心", true)]
    [InlineData(OrganizationType.PrivateNonEnterprise, "海曙区西门艺术培训学校", true)]
    [InlineData(OrganizationType.PrivateNonEnterprise, "海曙区春晖社会工作服务社", true)]
    [InlineData(OrganizationType.PrivateNonEnterprise, "海曙区阳光养老协会", false)]
    [InlineData(OrganizationType.Foundation, "海曙区教育发展基金会", true)]
    [InlineData(OrganizationType.Foundation, "海曙区教育发展促进会", false)]
    public void CheckName_OrganizationFormFitsTheType(OrganizationType type, string name, bool accepted)
    {
        var errors = EstablishmentRules.CheckName(name, type, _rules);

        errors.Any(e => e.Key == "Org.Validation.NameForm").ShouldBe(!accepted);
    }

    [Fact]
    public void CheckName_WrongForm_ErrorNamesTheTypeAndItsForms()
    {
        var error = EstablishmentRules.CheckName("海曙区教育发展促进会", OrganizationType.Foundation, _rules).ShouldHaveSingleItem();

        error.Args.ShouldBe(["海曙区教育发展促进会", "Org.Type.Foundation", "基金会"]);
    }

    [Fact]
    public void CheckName_ConfiguredLists_AreTheRule()
    {
        var rules = _rules with
        {
            ReservedNameWords = ["全国"],
            NameAreaPrefixes = ["鄞州区"],
            NameForms = new Dictionary<OrganizationType, IReadOnlyList<string>> { [OrganizationType.SocialGroup] = ["联盟"] },
        };

        EstablishmentRules.CheckName("鄞州区国际文化联盟", OrganizationType.SocialGroup, rules).ShouldBeEmpty();
        EstablishmentRules.CheckName("海曙区文化协会", OrganizationType.SocialGroup, rules).Select(e => e.Key)
            .ShouldBe(["Org.Validation.NameAreaPrefix", "Org.Validation.NameForm"]);
    }

    [Fact]
    public void CheckName_CommunityOrganization_LeftToTheStreetOffice()
    {
        EstablishmentRules.CheckName("南门街道爱心编织队", OrganizationType.Community, _rules).ShouldBeEmpty();
    }

    // 基金会管理条例 第八条(二).
    [Theory]
    [InlineData(FoundationKind.NonPublicFundraising, 200_000_000)]
    [InlineData(FoundationKind.LocalPublicFundraising, 400_000_000)]
    public void MinimumOriginalFundFen_Article8Item2(FoundationKind kind, long expected)
    {
        EstablishmentRules.MinimumOriginalFundFen(kind, _rules).ShouldBe(expected);
    }
}
