using Registry.Core.Review;
using Registry.Grants.Domain;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Supervision.Contracts;

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

    private static EligibilityCheck Check(string key, EligibilityRules? rules = null, OrganizationSummary? organization = null, OrganizationStanding? standing = null, int grade = 0, bool declared = true, bool noViolation = true, params DateOnly[] breaches) =>
        GrantEligibility.Check(rules ?? new EligibilityRules(), organization ?? Organization(), standing ?? Standing(), grade, new ApplicantDeclarations(declared, noViolation), breaches, Today).Single(c => c.Key == key);

    private static CreditListRecord Penalty(string cause, string entered) =>
        new(2, "Serious", cause, null, DateOnly.Parse(entered, System.Globalization.CultureInfo.InvariantCulture), "海民罚〔2023〕5号", null, null, null);

    private static DateOnly Day(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Check_ActiveRegisteredWithCleanRecord_EveryRulePasses() =>
        GrantEligibility.Check(new EligibilityRules(MinimumGrade: 2), Organization(), Standing(), 3, new ApplicantDeclarations(true, true), [], Today).ShouldAllBe(c => c.Passed);

    [Fact]
    public void Check_DefaultRules_MajorViolationAndBreachBarOfThreeYearsChecked() =>
        GrantEligibility.Check(new EligibilityRules(), Organization(), Standing(), 0, new ApplicantDeclarations(true, true), [], Today).Select(c => c.Key)
            .ShouldBe([GrantEligibility.Registered, GrantEligibility.AbnormalList, GrantEligibility.SeriousList, GrantEligibility.LastInspection, GrantEligibility.NoDoubleFunding, GrantEligibility.NoMajorViolation, GrantEligibility.NoEarlierBreach]);

    [Fact]
    public void Check_RulesOfZeroYears_NeitherMajorViolationNorBreachChecked() =>
        GrantEligibility.Check(new EligibilityRules(MajorViolationYears: 0, BreachBarYears: 0), Organization(), Standing(), 0, new ApplicantDeclarations(true, false), [Today.AddDays(-1)], Today)
            .Select(c => c.Key).ShouldNotContain(k => k == GrantEligibility.NoMajorViolation || k == GrantEligibility.NoEarlierBreach);

    [Fact]
    public void Check_NoPenaltyRecordButNotDeclared_FailsMajorViolation() =>
        Check(GrantEligibility.NoMajorViolation, noViolation: false).Passed.ShouldBeFalse();

    [Fact]
    public void Check_NoPenaltyRecordAndDeclared_PassesMajorViolation() =>
        Check(GrantEligibility.NoMajorViolation).Passed.ShouldBeTrue();

    /// <summary>Within 3 years of 2026-04-01: a penalty record of 2023-04-01 (the anniversary) still counts, whatever was declared.</summary>
    [Theory]
    [InlineData("SeriousPenalty")]
    [InlineData("RegistrationRevoked")]
    public void Check_PenaltyRecordOnTheThirdAnniversary_FailsMajorViolationDespiteTheDeclaration(string cause)
    {
        var check = Check(GrantEligibility.NoMajorViolation, standing: Standing(null, Penalty(cause, "2023-04-01")));

        (check.Passed, check.Detail).ShouldBe((false, "2023-04-01 海民罚〔2023〕5号"));
    }

    [Fact]
    public void Check_PenaltyRecordADayOverThreeYearsAgo_PassesMajorViolationOnTheDeclaration() =>
        Check(GrantEligibility.NoMajorViolation, standing: Standing(null, Penalty("SeriousPenalty", "2023-03-31"))).Passed.ShouldBeTrue();

    [Fact]
    public void Check_LateReportListingWithinThreeYears_NotAPenaltyRecord() =>
        Check(GrantEligibility.NoMajorViolation, rules: new EligibilityRules(AbnormalYears: 0), standing: Standing(null, Listed("Abnormal", "2025-06-01", null))).Passed.ShouldBeTrue();

    [Fact]
    public void Check_MajorViolationOverFiveYearsOfTheRound_RecordFourYearsAgoCounts() =>
        Check(GrantEligibility.NoMajorViolation, rules: new EligibilityRules(MajorViolationYears: 5), standing: Standing(null, Penalty("SeriousPenalty", "2022-04-01"))).Passed.ShouldBeFalse();

    [Fact]
    public void Check_RefundDemandedOnTheThirdAnniversary_StillBarred() =>
        Check(GrantEligibility.NoEarlierBreach, breaches: [Day("2023-04-01")]).ShouldBe(new EligibilityCheck(GrantEligibility.NoEarlierBreach, false, "2023-04-01"));

    [Fact]
    public void Check_BreachADayOverThreeYearsAgo_NoLongerBarred() =>
        Check(GrantEligibility.NoEarlierBreach, breaches: [Day("2023-03-31")]).Passed.ShouldBeTrue();

    [Fact]
    public void Check_BarOfOneYearConfiguredForTheRound_BreachThirteenMonthsAgoNoLongerBars() =>
        Check(GrantEligibility.NoEarlierBreach, rules: new EligibilityRules(BreachBarYears: 1), breaches: [Day("2025-03-01")]).Passed.ShouldBeTrue();

    [Fact]
    public void Check_BarOfOneYearConfiguredForTheRound_BreachElevenMonthsAgoBars() =>
        Check(GrantEligibility.NoEarlierBreach, rules: new EligibilityRules(BreachBarYears: 1), breaches: [Day("2025-05-01")]).Passed.ShouldBeFalse();

    [Fact]
    public void Check_SeveralBreaches_TheLatestNamed() =>
        Check(GrantEligibility.NoEarlierBreach, breaches: [Day("2023-06-01"), Day("2025-01-15"), Day("2024-02-01")]).Detail.ShouldBe("2025-01-15");

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
        GrantEligibility.Check(new EligibilityRules(), Organization(), Standing(), 0, new ApplicantDeclarations(true, true), [], Today).ShouldNotContain(c => c.Key == GrantEligibility.MinimumGrade);

    [Fact]
    public void Check_NoDeclarationOfNoOtherFunding_FailsDoubleFunding() =>
        Check(GrantEligibility.NoDoubleFunding, declared: false).Passed.ShouldBeFalse();

    private static PenaltyHistory Penalized(string decidedOn) =>
        new([new PenaltyRecord(7, "民罚决字〔2023〕4号", Day(decidedOn), ["Fine"], 100_000, "违规收费")], false);

    /// <summary>Issue 21: a penalty decided within the set years (the anniversary day inside) makes the applicant ineligible, naming the decision.</summary>
    [Theory]
    [InlineData("2023-04-01", false)]
    [InlineData("2023-03-31", true)]
    public void PenaltyCheck_ThreeYears_AnniversaryDayStillInside(string decidedOn, bool passes)
    {
        var check = GrantEligibility.Check(new EligibilityRules(), Organization(), Standing(), 0, new ApplicantDeclarations(true, true), [], Today, Penalized(decidedOn), 3)
            .Single(c => c.Key == GrantEligibility.NoPenalty);

        (check.Passed, check.Detail).ShouldBe((passes, passes ? "" : $"{decidedOn} 民罚决字〔2023〕4号"));
    }

    [Fact]
    public void Check_PenaltyYearsZero_NoPenaltyRule() =>
        GrantEligibility.Check(new EligibilityRules(), Organization(), Standing(), 0, new ApplicantDeclarations(true, true), [], Today, Penalized("2026-03-01"), 0)
            .ShouldNotContain(c => c.Key == GrantEligibility.NoPenalty);
}
