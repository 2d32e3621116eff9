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

    private static OrganizationGrade Grade(DateOnly awardedOn, DateOnly validUntil) =>
        new() { OrganizationId = 1, Grade = 4, AwardedOn = awardedOn, ValidFrom = awardedOn, ValidUntil = validUntil };

    /// <summary>The keys of the checks that failed.</summary>
    private static IEnumerable<string> Failed(RuleSet rules, OrganizationSummary? organization = null, OrganizationStanding? standing = null, OrganizationGrade? grade = null) =>
        RatingRules.Check(rules, organization ?? Organization(), standing ?? Standing(), grade, On).Where(c => !c.Passed).Select(c => c.Key);

    [Theory]
    [InlineData(RuleSet.Measures2010)]
    [InlineData(RuleSet.Revision2026)]
    public void Check_ActiveOldCleanOrganization_Eligible(RuleSet rules) => Failed(rules, standing: Standing(false, (2025, "Qualified"))).ShouldBeEmpty();

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
    public void Check_OnTheAbnormalList_Ineligible(RuleSet rules) => Failed(rules, standing: Standing(onAbnormalList: true)).ShouldBe(["Rate.Check.CreditLists"]);

    [Theory]
    [InlineData(RuleSet.Measures2010)]
    [InlineData(RuleSet.Revision2026)]
    public void Check_Deregistered_Ineligible(RuleSet rules) => Failed(rules, Organization(status: OrganizationCodes.Deregistered)).ShouldBe(["Rate.Check.Active"]);

    [Fact]
    public void Check_Measures2010_ValidGradeHeldTwoYears_MayBeRerated() =>
        Failed(RuleSet.Measures2010, grade: Grade(On.AddYears(-2), On.AddYears(3))).ShouldBeEmpty();

    [Fact]
    public void Check_Measures2010_ValidGradeHeldOneDayShortOfTwoYears_Ineligible() =>
        Failed(RuleSet.Measures2010, grade: Grade(On.AddYears(-2).AddDays(1), On.AddYears(3))).ShouldBe(["Rate.Check.Rerating"]);

    [Fact]
    public void Check_Revision2026_ValidGradeExpiringWithinAYear_MayBeRerated() =>
        Failed(RuleSet.Revision2026, grade: Grade(On.AddYears(-4), On.AddYears(1))).ShouldBeEmpty();

    [Fact]
    public void Check_Revision2026_ValidGradeExpiringInMoreThanAYear_Ineligible() =>
        Failed(RuleSet.Revision2026, grade: Grade(On.AddYears(-3), On.AddYears(1).AddDays(1))).ShouldBe(["Rate.Check.Rerating"]);

    [Theory]
    [InlineData(RuleSet.Measures2010)]
    [InlineData(RuleSet.Revision2026)]
    public void Check_GradeAlreadyExpired_NoReratingCheck(RuleSet rules) =>
        RatingRules.Check(rules, Organization(), Standing(), Grade(On.AddYears(-5), On.AddDays(-1)), On).ShouldNotContain(c => c.Key == "Rate.Check.Rerating");

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
