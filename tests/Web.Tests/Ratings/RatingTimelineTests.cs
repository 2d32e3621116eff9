using Registry.Core.Calendar;
using Registry.Ratings.Contracts;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;
using Registry.Testing;
using static Registry.Web.Tests.Ratings.RatingsApp;

namespace Registry.Web.Tests.Ratings;

/// <summary>
/// From 公示 to an effective grade on a fake clock, and the grade job afterwards. Each class is one timeline on its own app
/// (the clock only moves forward), on each provider.
/// </summary>
public abstract class Measures2010AnnouncementTests<TApp>(TApp app)
    where TApp : RatingsApp
{
    [Fact]
    public async Task Announce_AfterPublicityAndReview_GradeValidAtOnceOnTheRegisterAndThePublicPage()
    {
        var campaignId = await app.OpenCampaignAsync(RuleSet.Measures2010);
        var id = await app.DecidedAsync(campaignId, MemberSocialGroup);
        var organizationId = await app.OrganizationIdAsync(MemberSocialGroup);
        (await app.PublishAsync(campaignId)).ShouldSucceed();
        var end = (await app.ApplicationAsync(id)).PublicityEndsOn!.Value;
        (await app.RequestReviewAsync(id, "请求复核社会评价得分。")).ShouldSucceed();
        (await app.DecideReviewAsync((await app.ReviewsAsync(id)).Single().Id, "经复核，维持原评定等级。", RatingSteps.ExpectedGrade)).ShouldSucceed();
        (await app.AnnounceAsync(campaignId)).Result.ShouldFailWith().ShouldBe(("", "Rate.Error.NothingToAnnounce"));

        app.MoveTo(end.AddDays(1));
        var late = await app.RequestReviewAsync(id, "公示期后再次请求复核。");
        var (announced, count) = await app.AnnounceAsync(campaignId);

        late.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Key.ShouldBe("Rate.Error.PublicityOver"),
            e => e.Args.ShouldBe([end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]));
        announced.ShouldSucceed();
        count.ShouldBe(1);
        (await app.ApplicationAsync(id)).State.ShouldBe(RatingState.Announced);
        var grade = (await app.GradesAsync(organizationId)).ShouldHaveSingleItem();
        (grade.Grade, grade.ValidFrom, grade.ValidUntil, grade.ApplicationId).ShouldBe((RatingSteps.ExpectedGrade, app.Today, app.Today.AddYears(5).AddDays(-1), (int?)id));
        (await app.RegisterGradeAsync(organizationId)).ShouldBe(RatingSteps.ExpectedGrade);
        (await app.CurrentGradeOnThePublicPageAsync(organizationId)).ShouldNotBeNull().ShouldContain($"{RatingSteps.ExpectedGrade}A");
    }
}

public abstract class Revision2026AnnouncementTests<TApp>(TApp app)
    where TApp : RatingsApp
{
    [Fact]
    public async Task Announce_Revision2026_ValidFromTheNextFirstOfJanuaryWhenTheJobPutsItOnTheRegister()
    {
        var campaignId = await app.OpenCampaignAsync(RuleSet.Revision2026);
        var id = await app.DecidedAsync(campaignId, MemberServiceCentre);
        var organizationId = await app.OrganizationIdAsync(MemberServiceCentre);
        (await app.PublishAsync(campaignId)).ShouldSucceed();
        app.MoveTo((await app.ApplicationAsync(id)).PublicityEndsOn!.Value.AddDays(1));

        (await app.AnnounceAsync(campaignId)).Result.ShouldSucceed();

        var grade = (await app.GradesAsync(organizationId)).ShouldHaveSingleItem();
        (grade.ValidFrom, grade.ValidUntil).ShouldBe((new DateOnly(2027, 1, 1), new DateOnly(2031, 12, 31)));
        (await app.RegisterGradeAsync(organizationId)).ShouldBe(0);
        (await app.CurrentGradeOnThePublicPageAsync(organizationId)).ShouldBeNull();

        app.MoveTo(new DateOnly(2027, 1, 1));
        await app.RunGradeJobAsync();

        (await app.RegisterGradeAsync(organizationId)).ShouldBe(RatingSteps.ExpectedGrade);
        (await app.CurrentGradeOnThePublicPageAsync(organizationId)).ShouldNotBeNull().ShouldContain($"{RatingSteps.ExpectedGrade}A");
    }
}

/// <summary>A 4A held 2021-12-15 … 2026-12-14 (2010 rules): reminders six months and one month before it ends.</summary>
public abstract class GradeReminderTests<TApp>(TApp app)
    where TApp : RatingsApp
{
    private static readonly DateOnly ValidUntil = new(2026, 12, 14);

    [Fact]
    public async Task GradeJob_SixMonthsThenOneMonthBeforeExpiry_RemindsTheOrganizationOnceEach()
    {
        await app.ArrangeGradeAsync(MemberSocialGroup, 4, new DateOnly(2021, 12, 15), ValidUntil);
        var applicant = DemoApplicant.Email;

        app.MoveTo(ValidUntil.AddMonths(-6).AddDays(-1));
        (await app.RunGradeJobAsync()).ShouldBe(0);
        app.MoveTo(ValidUntil.AddMonths(-6));
        (await app.RunGradeJobAsync()).ShouldBe(1);
        (await app.RunGradeJobAsync()).ShouldBe(0);

        (await app.NotificationsAsync(applicant, "Rate.Expiry6Months")).ShouldBe(1);
        (await app.NotificationsAsync(applicant, "Rate.Expiry1Month")).ShouldBe(0);

        app.MoveTo(ValidUntil.AddMonths(-1).AddDays(-1));
        (await app.RunGradeJobAsync()).ShouldBe(0);
        app.MoveTo(ValidUntil.AddMonths(-1));
        (await app.RunGradeJobAsync()).ShouldBe(1);
        (await app.RunGradeJobAsync()).ShouldBe(0);

        (await app.NotificationsAsync(applicant, "Rate.Expiry6Months")).ShouldBe(1);
        (await app.NotificationsAsync(applicant, "Rate.Expiry1Month")).ShouldBe(1);
    }
}

/// <summary>
/// Reminders of grades that end on a month's last day: valid until 31 December 2026 (six months before: 30 June, one
/// month before: 30 November) and until 31 August 2028 (six months before: 29 February 2028, a leap day; one month
/// before: 31 July 2028). Both organizations are the demo applicant's, so it receives every reminder.
/// </summary>
public abstract class GradeMonthEndReminderTests<TApp>(TApp app)
    where TApp : RatingsApp
{
    [Fact]
    public async Task GradeJob_GradesEndingOnAMonthsLastDay_RemindedOnTheDayNotTheDayAfter()
    {
        await app.ArrangeGradeAsync(MemberSocialGroup, 3, new DateOnly(2022, 1, 1), new DateOnly(2026, 12, 31));
        await app.ArrangeGradeAsync(MemberServiceCentre, 4, new DateOnly(2023, 9, 1), new DateOnly(2028, 8, 31));

        var sent = new List<(string Day, int? Reminders)>();
        foreach (var day in new[] { "2026-06-29", "2026-06-30", "2026-11-29", "2026-11-30", "2028-02-28", "2028-02-29", "2028-07-30", "2028-07-31" })
        {
            app.MoveTo(DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            sent.Add((day, await app.RunGradeJobAsync()));
        }

        sent.ShouldBe([("2026-06-29", 0), ("2026-06-30", 1), ("2026-11-29", 0), ("2026-11-30", 1), ("2028-02-28", 0), ("2028-02-29", 1), ("2028-07-30", 0), ("2028-07-31", 1)]);
        (await app.NotificationsAsync(DemoApplicant.Email, "Rate.Expiry6Months")).ShouldBe(2);
        (await app.NotificationsAsync(DemoApplicant.Email, "Rate.Expiry1Month")).ShouldBe(2);
    }
}

public abstract class GradeExpiryTests<TApp>(TApp app)
    where TApp : RatingsApp
{
    [Fact]
    public async Task GradeJob_DayAfterTheGradeEnds_TheRegistersGradeReturnsToNone()
    {
        var validUntil = new DateOnly(2026, 12, 14);
        await app.ArrangeGradeAsync(MemberSocialGroup, 3, new DateOnly(2021, 12, 15), validUntil);
        var organizationId = await app.OrganizationIdAsync(MemberSocialGroup);
        app.MoveTo(validUntil);
        await app.RunGradeJobAsync();
        (await app.RegisterGradeAsync(organizationId)).ShouldBe(3);

        app.MoveTo(validUntil.AddDays(1));
        await app.RunGradeJobAsync();

        (await app.RegisterGradeAsync(organizationId)).ShouldBe(0);
        (await app.WithAsync<IOrganizationGrades, GradeRecord?>(g => g.CurrentAsync(organizationId, app.Today, CancellationToken.None))).ShouldBeNull();
    }
}

/// <summary>
/// A review request filed on Monday 2026-12-14 must be answered within 15 working days (民政部令第39号 第二十三条), so in
/// January 2027, a year without a published holiday notice: the date is derived when read from the stored inputs and
/// shown provisional (暂定) to the officer and the organization, with the 2010 measures' 复核委员会 answering.
/// </summary>
public abstract class ReviewDueProvisionalTests<TApp>(TApp app)
    where TApp : RatingsApp
{
    [Fact]
    public async Task RequestReview_FiledInDecember_DueInTheNextYearShownProvisionalToOfficerAndApplicant()
    {
        app.MoveTo(new DateOnly(2026, 12, 14));
        var campaignId = await app.OpenCampaignAsync(RuleSet.Measures2010);
        var id = await app.DecidedAsync(campaignId, MemberSocialGroup);
        (await app.PublishAsync(campaignId)).ShouldSucceed();

        (await app.RequestReviewAsync(id, "请求复核社会评价得分。")).ShouldSucceed();

        var request = (await app.ReviewsAsync(id)).ShouldHaveSingleItem();
        var due = (await app.WithAsync<DecisionService, IReadOnlyDictionary<int, DueDate>>(d => d.DueDatesAsync([request], CancellationToken.None)))[request.Id];
        // 13 working days left in December, 1 January 2027 a statutory holiday (元旦), then Monday 4 and Tuesday 5 January.
        due.ShouldBe(new DueDate(new DateOnly(2027, 1, 5), Provisional: true));
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var line = (await officer.GetDocumentAsync($"/Ratings/Admin/Application/{id}")).QuerySelector("[data-testid=review-due]").ShouldNotBeNull();
        line.TextContent.ShouldContain("2027-01-05");
        line.TextContent.ShouldContain("复核委员会");
        line.QuerySelector("[data-testid=provisional]").ShouldNotBeNull();
        var applicant = await app.SignedInClientAsync(DemoApplicant);
        var pending = (await applicant.GetDocumentAsync($"/Ratings/Application/{id}")).QuerySelector($"[data-testid=review-pending-{request.Id}]").ShouldNotBeNull();
        pending.TextContent.ShouldContain("2027-01-05");
        pending.QuerySelector("[data-testid=provisional]").ShouldNotBeNull();
    }
}

public sealed class ReviewDueProvisionalTestsOnSqlite(RatingsSqliteApp app) : ReviewDueProvisionalTests<RatingsSqliteApp>(app), IClassFixture<RatingsSqliteApp>;

public sealed class ReviewDueProvisionalTestsOnPostgreSql(RatingsPostgreSqlApp app) : ReviewDueProvisionalTests<RatingsPostgreSqlApp>(app), IClassFixture<RatingsPostgreSqlApp>;

public sealed class Measures2010AnnouncementTestsOnSqlite(RatingsSqliteApp app) : Measures2010AnnouncementTests<RatingsSqliteApp>(app), IClassFixture<RatingsSqliteApp>;

public sealed class Measures2010AnnouncementTestsOnPostgreSql(RatingsPostgreSqlApp app) : Measures2010AnnouncementTests<RatingsPostgreSqlApp>(app), IClassFixture<RatingsPostgreSqlApp>;

public sealed class Revision2026AnnouncementTestsOnSqlite(RatingsSqliteApp app) : Revision2026AnnouncementTests<RatingsSqliteApp>(app), IClassFixture<RatingsSqliteApp>;

public sealed class Revision2026AnnouncementTestsOnPostgreSql(RatingsPostgreSqlApp app) : Revision2026AnnouncementTests<RatingsPostgreSqlApp>(app), IClassFixture<RatingsPostgreSqlApp>;

public sealed class GradeReminderTestsOnSqlite(RatingsSqliteApp app) : GradeReminderTests<RatingsSqliteApp>(app), IClassFixture<RatingsSqliteApp>;

public sealed class GradeReminderTestsOnPostgreSql(RatingsPostgreSqlApp app) : GradeReminderTests<RatingsPostgreSqlApp>(app), IClassFixture<RatingsPostgreSqlApp>;

public sealed class GradeMonthEndReminderTestsOnSqlite(RatingsSqliteApp app) : GradeMonthEndReminderTests<RatingsSqliteApp>(app), IClassFixture<RatingsSqliteApp>;

public sealed class GradeMonthEndReminderTestsOnPostgreSql(RatingsPostgreSqlApp app) : GradeMonthEndReminderTests<RatingsPostgreSqlApp>(app), IClassFixture<RatingsPostgreSqlApp>;

public sealed class GradeExpiryTestsOnSqlite(RatingsSqliteApp app) : GradeExpiryTests<RatingsSqliteApp>(app), IClassFixture<RatingsSqliteApp>;

public sealed class GradeExpiryTestsOnPostgreSql(RatingsPostgreSqlApp app) : GradeExpiryTests<RatingsPostgreSqlApp>(app), IClassFixture<RatingsPostgreSqlApp>;
