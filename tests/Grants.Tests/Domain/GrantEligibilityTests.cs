using Registry.Grants.Domain;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;

namespace Registry.Grants.Tests.Domain;

public sealed class GrantEligibilityTests
{
    private static readonly DateOnly Today = new(2026, 4, 1);

    private static OrganizationSummary Organization(string status = OrganizationCodes.Active, string? creditCode = "51330203500001026J", string? filingNumber = null) =>
        new(1, "宁波市海曙区老年协会", OrganizationCodes.SocialGroup, creditCode, filingNumber, status, new DateOnly(2008, 3, 12), "海曙区", "南门街道", [], CreditStanding.Good, 0);

    private static OrganizationStanding Standing(IReadOnlyList<InspectionRecord>? inspections = null, params CreditListRecord[] lists) =>
        new(1, false, false, inspections ?? [], lists);

    private static CreditListRecord Listed(string list, string entered, string? exited) =>
        new(1, list, "LateReport", null, DateOnly.Parse(entered, System.Globalization.CultureInfo.InvariantCulture), "决定", exited is null ? null : DateOnly.Parse(exited, System.Globalization.CultureInfo.InvariantCulture), null, null);

    private static EligibilityCheck Check(string key, EligibilityRules? rules = null, OrganizationSummary? organization = null, OrganizationStanding? standing = null, int grade = 0, bool declared = true) =>
        GrantEligibility.Check(rules ?? new EligibilityRules(), organization ?? Organization(), standing ?? Standing(), grade, declared, Today).Single(c => c.Key == key);

    [Fact]
    public void Check_ActiveRegisteredWithCleanRecord_EveryRulePasses() =>
        GrantEligibility.Check(new EligibilityRules(MinimumGrade: 2), Organization(), Standing(), 3, true, Today).ShouldAllBe(c => c.Passed);

    [Fact]
    public void Check_FiledCommunityOrganization_CountsAsRegistered() =>
        Check(GrantEligibility.Registered, organization: Organization(creditCode: null, filingNumber: "HS-2024-001")).Passed.ShouldBeTrue();

    [Fact]
    public void Check_Deregistered_FailsRegistered() =>
        Check(GrantEligibility.Registered, organization: Organization(OrganizationCodes.Deregistered)).Passed.ShouldBeFalse();

    [Fact]
    public void Check_LeftTheAbnormalListElevenMonthsAgo_FailsAbnormalList() =>
        Check(GrantEligibility.AbnormalList, standing: Standing(null, Listed("Abnormal", "2024-09-01", "2025-05-01"))).Passed.ShouldBeFalse();

    [Fact]
    public void Check_LeftTheAbnormalListThirteenMonthsAgo_Passes() =>
        Check(GrantEligibility.AbnormalList, standing: Standing(null, Listed("Abnormal", "2024-09-01", "2025-03-01"))).Passed.ShouldBeTrue();

    [Fact]
    public void Check_LeftTheSeriousListEighteenMonthsAgo_FailsSeriousList() =>
        Check(GrantEligibility.SeriousList, standing: Standing(null, Listed("Serious", "2022-01-01", "2024-10-01"))).Passed.ShouldBeFalse();

    [Fact]
    public void Check_LastYearsInspectionUnqualified_FailsLastInspection() =>
        Check(GrantEligibility.LastInspection, standing: Standing([new InspectionRecord(2025, "Concluded", "Unqualified", false)])).Passed.ShouldBeFalse();

    [Fact]
    public void Check_LastYearsInspectionBasicallyQualified_Passes() =>
        Check(GrantEligibility.LastInspection, standing: Standing([new InspectionRecord(2025, "Concluded", "BasicallyQualified", false)])).Passed.ShouldBeTrue();

    [Fact]
    public void Check_OneABelowTheRoundsTwoA_FailsMinimumGrade() =>
        Check(GrantEligibility.MinimumGrade, new EligibilityRules(MinimumGrade: 2), grade: 1).Passed.ShouldBeFalse();

    [Fact]
    public void Check_NoMinimumGrade_NoGradeCheck() =>
        GrantEligibility.Check(new EligibilityRules(), Organization(), Standing(), 0, true, Today).ShouldNotContain(c => c.Key == GrantEligibility.MinimumGrade);

    [Fact]
    public void Check_NoDeclarationOfNoOtherFunding_FailsDoubleFunding() =>
        Check(GrantEligibility.NoDoubleFunding, declared: false).Passed.ShouldBeFalse();
}
