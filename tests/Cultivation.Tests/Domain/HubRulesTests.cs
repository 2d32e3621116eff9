using Registry.Cultivation.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Cultivation.Tests.Domain;

public sealed class HubRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static OrganizationSummary Org(int id, string status = OrganizationCodes.Active) =>
        new(id, "组织" + id, OrganizationCodes.SocialGroup, null, null, status, new DateOnly(2010, 1, 1), "海曙区", "鼓楼街道", ["养老"], CreditStanding.Good, 0);

    private static OrganizationListing Listing(int id, string street, string[] fields, string status = OrganizationCodes.Active) =>
        new(id, "组织" + id, [], null, OrganizationCodes.SocialGroup, null, null, status, new DateOnly(2010, 1, 1), "海曙区", street, null, fields, "", "", null, false, CreditStanding.Good, 0, "");

    private static Hub ElderlyHub() => new() { Id = 1, OrganizationId = 100, Field = "养老" };

    [Fact]
    public void ParseLines_CodeFieldStreet_ParsedAndUpperCased()
    {
        var (lines, errors) = HubRules.ParseLines("51330203500001018p|社区治理|鼓楼街道\n\n51330203500001026J | 养老 \n");

        errors.ShouldBeEmpty();
        lines.ShouldBe([new HubLine("51330203500001018P", "社区治理", "鼓楼街道"), new HubLine("51330203500001026J", "养老", null)]);
    }

    [Theory]
    [InlineData("only-a-code")]
    [InlineData("|养老")]
    [InlineData("a|b|c|d")]
    public void ParseLines_Malformed_ErrorNamesTheLine(string line)
    {
        var (_, errors) = HubRules.ParseLines("51330203500001026J|养老\n" + line);

        errors.ShouldHaveSingleItem().Args.ShouldBe([2]);
    }

    [Fact]
    public void Validate_SameHubTwiceInAField_Refused()
    {
        var input = new BatchInput(1, "第一批", "海民〔2025〕1号", Today, [new("A", "养老", null), new("A", "养老", "鼓楼街道")]);

        HubRules.Validate(input, Today).ShouldHaveSingleItem().Key.ShouldBe("Cult.Error.HubTwice");
    }

    [Fact]
    public void Validate_DecisionTomorrow_Refused()
    {
        var input = new BatchInput(1, "第一批", "海民〔2025〕1号", Today.AddDays(1), [new("A", "养老", null)]);

        HubRules.Validate(input, Today).ShouldHaveSingleItem().Key.ShouldBe("Cult.Error.FutureDate");
    }

    [Fact]
    public void Validate_Empty_EveryFieldNamed()
    {
        var errors = HubRules.Validate(new BatchInput(0, " ", "", null, []), Today);

        errors.Select(e => e.Field).ShouldBe(["Number", "Title", "DecisionNumber", "DecidedOn", "Hubs"]);
    }

    [Fact]
    public void CanJoin_MemberOfAnotherHubOfTheField_Refused()
    {
        var other = new HubMember { HubId = 2, OrganizationId = 5, Field = "养老" };

        HubRules.CanJoin(ElderlyHub(), Org(5), [other])!.Key.ShouldBe("Cult.Error.OtherHubInField");
    }

    [Fact]
    public void CanJoin_MemberOfAHubOfAnotherField_Allowed()
    {
        var other = new HubMember { HubId = 2, OrganizationId = 5, Field = "社区治理" };

        HubRules.CanJoin(ElderlyHub(), Org(5), [other]).ShouldBeNull();
    }

    [Theory]
    [InlineData(100, OrganizationCodes.Active, "Cult.Error.OwnMember")]
    [InlineData(5, OrganizationCodes.Deregistered, "Cult.Error.NotActive")]
    public void CanJoin_SelfOrInactive_Refused(int id, string status, string key)
    {
        HubRules.CanJoin(ElderlyHub(), Org(id, status), [])!.Key.ShouldBe(key);
    }

    [Fact]
    public void CanJoin_EndedHub_Refused()
    {
        var hub = ElderlyHub();
        hub.State = HubState.Withdrawn;

        HubRules.CanJoin(hub, Org(5), [])!.Key.ShouldBe("Cult.Error.HubEnded");
    }

    [Fact]
    public void InScope_FieldHub_ActiveOrganizationsOfTheFieldButNotItself()
    {
        var hub = ElderlyHub();

        HubRules.InScope(hub, Listing(5, "南门街道", ["养老", "助残"])).ShouldBeTrue();
        HubRules.InScope(hub, Listing(6, "南门街道", ["助残"])).ShouldBeFalse();
        HubRules.InScope(hub, Listing(7, "南门街道", ["养老"], OrganizationCodes.Deregistered)).ShouldBeFalse();
        HubRules.InScope(hub, Listing(100, "南门街道", ["养老"])).ShouldBeFalse();
    }

    [Fact]
    public void InScope_StreetHub_EveryFieldOfTheStreet()
    {
        var hub = new Hub { Id = 2, OrganizationId = 200, Field = "社区治理", Street = "鼓楼街道" };

        HubRules.InScope(hub, Listing(5, "鼓楼街道", ["文化"])).ShouldBeTrue();
        HubRules.InScope(hub, Listing(6, "南门街道", ["社区治理"])).ShouldBeFalse();
    }

    [Theory]
    [InlineData(3, 5, 60.0)]
    [InlineData(2, 3, 66.7)]
    [InlineData(0, 7, 0.0)]
    public void Coverage_Percent_OneDecimal(int covered, int eligible, double percent)
    {
        new HubCoverage(covered, covered, eligible).Percent.ShouldBe((decimal)percent);
    }

    [Fact]
    public void Coverage_NothingEligible_NoPercent()
    {
        new HubCoverage(2, 0, 0).Percent.ShouldBeNull();
    }
}
