using Registry.Core.Review;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Ratings.Domain;

namespace Registry.Ratings.Tests.Domain;

public sealed class RatingRulesTests
{
    private static readonly DateOnly On = new(2026, 5, 15);

    private static OrganizationSummary Organization(DateOnly? foundedOn = null, string status = OrganizationCodes.Active) =>
        new(1, "宁波市海曙区老年协会", OrganizationCodes.SocialGroup, "51330203500001026J", null, status, foundedOn ?? new DateOnly(2008, 3, 12), "海曙区", "南门街道", [], CreditStanding.Good, 0);

    /// <summary>Inspection results by year, e.g. (2025, "Unqualified").</summary>
    private static OrganizationStanding Standing(bool onAbnormalList = false, params (int Year, string Result)[] results) =>
        new(1, onAbnormalList, false, [.. results.Select(r => new InspectionRecord(r.Year, "Concluded", r.Result, false))], []);

    /// <summary>Last year's inspection qualified, nothing on the credit lists: the 2010 measures' clean record.</summary>
    private static OrganizationStanding Clean() => Standing(false, (On.Year - 1, "Qualified"));

    private static OrganizationGrade Grade(DateOnly awardedOn, DateOnly validUntil) =>
        new() { OrganizationId = 1, Grade = 4, AwardedOn = awardedOn, ValidFrom = awardedOn, ValidUntil = validUntil };

    private static readonly ApplicantDeclaration Declared = new(NoPenalty: true, NotUnderInvestigation: true);

    /// <summary>The keys of the checks that failed.</summary>
    private static IEnumerable<string> Failed(RuleSet rules, OrganizationSummary? organization = null, OrganizationStanding? standing = null, OrganizationGrade? grade = null,
        EligibilityPolicy? policy = null, ApplicantDeclaration? declaration = null, DateOnly? on = null) =>
        RatingRules.Check(rules, policy ?? EligibilityPolicy.Default, organization ?? Organization(), standing ?? Clean(), grade, declaration ?? Declared, on ?? On).Where(c => !c.Passed).Select(c => c.Key);

    [Theory]
    [InlineData(RuleSet.Measures2010)]
    [InlineData(RuleSet.Revision2026)]
    public void Check_ActiveOldCleanOrganization_Eligible(RuleSet rules) => Failed(rules).ShouldBeEmpty();

    [Fact]
    public void Check_Measures2010_UnqualifiedLastYear_Ineligible() =>
        Failed(RuleSet.Measures2010, standing: Standing(false, (2025, "Unqualified"))).ShouldBe(["Rate.Check.LastInspection"]);

    [Fact]
    public void Check_Revision2026_UnqualifiedLastYear_Eligible() =>
        Failed(RuleSet.Revision2026, standing: Standing(false, (2025, "Unqualified"))).ShouldBeEmpty();

    [Fact]
    public void Check_Measures2010_UnqualifiedTwoYearsAgoOnly_Eligible() =>
        Failed(RuleSet.Measures2010, standing: Standing(false, (2024, "Unqualified"), (2025, "Qualified"))).ShouldBeEmpty();

    [Fact]
    public void Check_Measures2010_BasicallyQualifiedTwoYearsRunning_Ineligible() =>
        Failed(RuleSet.Measures2010, standing: Standing(false, (2024, "BasicallyQualified"), (2025, "BasicallyQualified"))).ShouldBe(["Rate.Check.BasicTwice"]);

    [Fact]
    public void Check_Measures2010_BasicallyQualifiedLastYearOnly_Eligible() =>
        Failed(RuleSet.Measures2010, standing: Standing(false, (2024, "Qualified"), (2025, "BasicallyQualified"))).ShouldBeEmpty();

    [Fact]
    public void Check_Revision2026_BasicallyQualifiedTwoYearsRunning_Eligible() =>
        Failed(RuleSet.Revision2026, standing: Standing(false, (2024, "BasicallyQualified"), (2025, "BasicallyQualified"))).ShouldBeEmpty();

    [Theory]
    [InlineData(RuleSet.Measures2010)]
    [InlineData(RuleSet.Revision2026)]
    public void Check_RegisteredOneDayShortOfTwoYears_Ineligible(RuleSet rules) =>
        Failed(rules, Organization(On.AddYears(-2).AddDays(1))).ShouldBe(["Rate.Check.TwoYears"]);

    [Theory]
    [InlineData(RuleSet.Measures2010)]
    [InlineData(RuleSet.Revision2026)]
    public void Check_RegisteredExactlyTwoYears_Eligible(RuleSet rules) => Failed(rules, Organization(On.AddYears(-2))).ShouldBeEmpty();

    [Theory]
    [InlineData(RuleSet.Measures2010)]
    [InlineData(RuleSet.Revision2026)]
    public void Check_OnTheAbnormalList_Ineligible(RuleSet rules) => Failed(rules, standing: Standing(true, (On.Year - 1, "Qualified"))).ShouldBe(["Rate.Check.CreditLists"]);

    [Theory]
    [InlineData(RuleSet.Measures2010)]
    [InlineData(RuleSet.Revision2026)]
    public void Check_Deregistered_Ineligible(RuleSet rules) => Failed(rules, Organization(status: OrganizationCodes.Deregistered)).ShouldBe(["Rate.Check.Active"]);

    /// <summary>民政部令第39号 第六条(二): by default a grade holder is rated again only once its five-year validity is full, so never while it is valid.</summary>
    [Fact]
    public void Check_Measures2010_ValidGradeByDefault_Ineligible() =>
        Failed(RuleSet.Measures2010, grade: Grade(On.AddYears(-5).AddDays(1), On)).ShouldBe(["Rate.Check.Rerating"]);

    /// <summary>The re-rating interval is a campaign setting: here 2 years (a locality's rule).</summary>
    [Fact]
    public void Check_Measures2010_IntervalTwoYears_HeldExactlyTwoYears_MayBeRerated() =>
        Failed(RuleSet.Measures2010, grade: Grade(On.AddYears(-2), On.AddYears(3)), policy: new EligibilityPolicy(ReratingAfterYears: 2)).ShouldBeEmpty();

    [Fact]
    public void Check_Measures2010_IntervalTwoYears_HeldOneDayShortOfTwoYears_Ineligible() =>
        Failed(RuleSet.Measures2010, grade: Grade(On.AddYears(-2).AddDays(1), On.AddYears(3)), policy: new EligibilityPolicy(ReratingAfterYears: 2)).ShouldBe(["Rate.Check.Rerating"]);

    [Fact]
    public void Check_Measures2010_IntervalThreeYears_HeldTwoYears_Ineligible() =>
        Failed(RuleSet.Measures2010, grade: Grade(On.AddYears(-2), On.AddYears(3)), policy: new EligibilityPolicy(ReratingAfterYears: 3)).ShouldBe(["Rate.Check.Rerating"]);

    /// <summary>2026 revision: re-evaluation during the first four years of validity (valid 2027-01-01 … 2031-12-31).</summary>
    [Theory]
    [InlineData("2027-01-01", true)]
    [InlineData("2028-12-31", true)]
    [InlineData("2029-01-01", true)]
    [InlineData("2030-12-31", true)]
    [InlineData("2031-01-01", false)]
    [InlineData("2031-12-31", false)]
    public void Check_Revision2026_ReevaluationInTheFirstFourYearsOnly(string on, bool eligible) =>
        Failed(RuleSet.Revision2026, grade: Grade2026(), on: Day(on)).Contains("Rate.Check.Rerating").ShouldBe(!eligible);

    /// <summary>2026 revision: simplified field assessment in the first two years, full in years three and four, none in the fifth.</summary>
    [Theory]
    [InlineData("2027-01-01", ReevaluationWindow.Simplified)]
    [InlineData("2028-12-31", ReevaluationWindow.Simplified)]
    [InlineData("2029-01-01", ReevaluationWindow.Full)]
    [InlineData("2030-12-31", ReevaluationWindow.Full)]
    [InlineData("2031-01-01", ReevaluationWindow.Closed)]
    [InlineData("2026-12-31", ReevaluationWindow.Closed)]
    public void Reevaluation_Revision2026_ByYearOfValidity(string on, ReevaluationWindow expected) =>
        RatingRules.Reevaluation(RuleSet.Revision2026, EligibilityPolicy.Default, Grade2026(), Day(on)).ShouldBe(expected);

    /// <summary>2010 rules: closed the day before the interval is full, open on the day (interval 3 years here), never simplified.</summary>
    [Theory]
    [InlineData("2029-12-14", ReevaluationWindow.Closed)]
    [InlineData("2029-12-15", ReevaluationWindow.Full)]
    public void Reevaluation_Measures2010_AfterTheCampaignsInterval(string on, ReevaluationWindow expected) =>
        RatingRules.Reevaluation(RuleSet.Measures2010, new EligibilityPolicy(ReratingAfterYears: 3), Grade(new DateOnly(2026, 12, 15), new DateOnly(2031, 12, 14)), Day(on)).ShouldBe(expected);

    [Fact]
    public void Reevaluation_Measures2010_DefaultFiveYears_ClosedOnTheGradesLastValidDay() =>
        RatingRules.Reevaluation(RuleSet.Measures2010, EligibilityPolicy.Default, Grade(new DateOnly(2026, 12, 15), new DateOnly(2031, 12, 14)), new DateOnly(2031, 12, 14)).ShouldBe(ReevaluationWindow.Closed);

    /// <summary>"参加评估满两个年度" (第六条(一)) is a campaign setting: three full years here.</summary>
    [Theory]
    [InlineData(RuleSet.Measures2010)]
    [InlineData(RuleSet.Revision2026)]
    public void Check_YearsRegisteredThree_OneDayShort_Ineligible_OnTheDay_Eligible(RuleSet rules)
    {
        var policy = new EligibilityPolicy(YearsRegistered: 3);
        Failed(rules, Organization(On.AddYears(-3).AddDays(1)), policy: policy).ShouldBe(["Rate.Check.TwoYears"]);
        Failed(rules, Organization(On.AddYears(-3)), policy: policy).ShouldBeEmpty();
    }

    /// <summary>民政部令第39号 第七条(一): without last year's inspection result an organization is not rated.</summary>
    [Fact]
    public void Check_Measures2010_NoInspectionResultLastYear_Ineligible() =>
        Failed(RuleSet.Measures2010, standing: Standing(false, (On.Year - 2, "Qualified"))).ShouldBe(["Rate.Check.InspectionTaken"]);

    [Fact]
    public void Check_Revision2026_NoInspectionResultLastYear_Eligible() =>
        Failed(RuleSet.Revision2026, standing: Standing(false, (On.Year - 2, "Qualified"))).ShouldBeEmpty();

    /// <summary>第七条(三)(四): without the applicant's declaration (no penalty records kept) not eligible under the 2010 measures.</summary>
    [Fact]
    public void Check_Measures2010_NoDeclaration_IneligibleOnPenaltyAndInvestigation() =>
        Failed(RuleSet.Measures2010, declaration: ApplicantDeclaration.None).ShouldBe(["Rate.Check.NoPenalty", "Rate.Check.NoInvestigation"]);

    [Fact]
    public void Check_Measures2010_UnderInvestigationNotDeclaredAway_Ineligible() =>
        Failed(RuleSet.Measures2010, declaration: new ApplicantDeclaration(NoPenalty: true, NotUnderInvestigation: false)).ShouldBe(["Rate.Check.NoInvestigation"]);

    [Fact]
    public void Check_Revision2026_NoDeclaration_Eligible() =>
        Failed(RuleSet.Revision2026, declaration: ApplicantDeclaration.None).ShouldBeEmpty();

    /// <summary>第七条(三): a penalty on the credit record entered last year bars the rating even with the declaration.</summary>
    [Fact]
    public void Check_Measures2010_PenaltyEnteredLastYear_Ineligible() =>
        Failed(RuleSet.Measures2010, standing: WithPenalty(new DateOnly(On.Year - 1, 1, 1), exitedOn: new DateOnly(On.Year - 1, 6, 1))).ShouldBe(["Rate.Check.NoPenalty"]);

    [Fact]
    public void Check_Measures2010_PenaltyEndedTwoYearsAgo_Eligible() =>
        Failed(RuleSet.Measures2010, standing: WithPenalty(new DateOnly(On.Year - 2, 12, 31), exitedOn: new DateOnly(On.Year - 2, 12, 31))).ShouldBeEmpty();

    [Fact]
    public void Check_Measures2010_OldPenaltyStillRunning_Ineligible() =>
        Failed(RuleSet.Measures2010, standing: WithPenalty(new DateOnly(On.Year - 3, 5, 1), exitedOn: null)).ShouldContain("Rate.Check.NoPenalty");

    [Fact]
    public void Check_Measures2010_LastYearsResultShownThroughItsKey() =>
        RatingRules.Check(RuleSet.Measures2010, EligibilityPolicy.Default, Organization(), Clean(), null, Declared, On)
            .Single(c => c.Key == "Rate.Check.LastInspection").ShouldSatisfyAllConditions(c => c.DetailKey.ShouldBe("Rate.InspectionResult.Qualified"));

    private static OrganizationGrade Grade2026() =>
        new() { OrganizationId = 1, Grade = 4, AwardedOn = new DateOnly(2026, 12, 15), ValidFrom = new DateOnly(2027, 1, 1), ValidUntil = new DateOnly(2031, 12, 31) };

    /// <summary>A clean record with one penalty entry (cause SeriousPenalty) on the credit lists.</summary>
    private static OrganizationStanding WithPenalty(DateOnly enteredOn, DateOnly? exitedOn) =>
        Clean() with { CreditLists = [new CreditListRecord(1, "Serious", "SeriousPenalty", null, enteredOn, "民罚字〔2025〕1号", exitedOn, exitedOn is null ? null : "Corrected", null)] };

    [Theory]
    [InlineData(RuleSet.Measures2010)]
    [InlineData(RuleSet.Revision2026)]
    public void Check_GradeAlreadyExpired_NoReratingCheck(RuleSet rules) =>
        RatingRules.Check(rules, EligibilityPolicy.Default, Organization(), Clean(), Grade(On.AddYears(-5), On.AddDays(-1)), Declared, On).ShouldNotContain(c => c.Key == "Rate.Check.Rerating");

    [Theory]
    [InlineData(RuleSet.Revision2026, "2026-12-15", "2027-01-01", "2031-12-31")]
    [InlineData(RuleSet.Revision2026, "2026-01-01", "2027-01-01", "2031-12-31")]
    [InlineData(RuleSet.Measures2010, "2026-12-15", "2026-12-15", "2031-12-14")]
    public void Validity_ByRuleSet(RuleSet rules, string announcedOn, string from, string until) =>
        RatingRules.Validity(rules, Day(announcedOn)).ShouldBe((Day(from), Day(until)));

    [Theory]
    [InlineData("2026-12-31", 6, "2026-06-30")]
    [InlineData("2026-12-31", 1, "2026-11-30")]
    [InlineData("2026-12-14", 6, "2026-06-14")]
    [InlineData("2027-08-31", 6, "2027-02-28")]
    [InlineData("2028-08-31", 6, "2028-02-29")]
    [InlineData("2028-03-31", 1, "2028-02-29")]
    [InlineData("2027-03-31", 1, "2027-02-28")]
    [InlineData("2028-02-29", 6, "2027-08-29")]
    [InlineData("2029-02-28", 1, "2029-01-28")]
    public void ReminderDue_SameDayMonthsEarlier_OrTheLastDayOfAShorterMonth(string validUntil, int months, string due) =>
        RatingRules.ReminderDue(Day(validUntil), months).ShouldBe(Day(due));

    [Theory]
    [InlineData("2026-06-29", 6, "2026-12-29")]
    [InlineData("2026-06-30", 6, "2026-12-31")]
    [InlineData("2026-07-01", 6, "2027-01-01")]
    [InlineData("2026-11-30", 1, "2026-12-31")]
    [InlineData("2027-02-28", 1, "2027-03-31")]
    [InlineData("2028-02-28", 1, "2028-03-28")]
    [InlineData("2028-02-29", 1, "2028-03-31")]
    [InlineData("2028-02-29", 6, "2028-08-31")]
    [InlineData("2027-08-29", 6, "2028-02-29")]
    public void RemindUntil_TheLatestLastValidDayWhoseReminderIsDue(string today, int months, string until) =>
        RatingRules.RemindUntil(Day(today), months).ShouldBe(Day(until));

    /// <summary>Every day of a leap and a common year: a grade is due exactly when its reminder day has come.</summary>
    [Theory]
    [InlineData(6)]
    [InlineData(1)]
    public void RemindUntil_AgreesWithReminderDueOnEveryDay(int months)
    {
        for (var today = new DateOnly(2027, 1, 1); today <= new DateOnly(2028, 12, 31); today = today.AddDays(1))
        {
            var until = RatingRules.RemindUntil(today, months);
            RatingRules.ReminderDue(until, months).ShouldBeLessThanOrEqualTo(today);
            RatingRules.ReminderDue(until.AddDays(1), months).ShouldBeGreaterThan(today);
        }
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
