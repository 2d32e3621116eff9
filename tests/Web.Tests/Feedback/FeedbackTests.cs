using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Localization;
using Registry.Core.Mail;
using Registry.Core.Notifications;
using Registry.Core.Outbox;
using Registry.Core.Security;
using Registry.Feedback.Contracts;
using Registry.Feedback.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Feedback;

/// <summary>
/// The test-feedback recipe: the demo applicant acts for 老年协会, member@test.local for 阳光养老服务中心; 2024 inspection
/// ratings of known counts, an overdue 2026 差评, nothing rated in 2025. The clock stands at 2 March 2026.
/// </summary>
public abstract class FeedbackApp(DatabaseKind kind) : ClockedApp(kind, "test-feedback.recipe.json", new Dictionary<string, string?>())
{
    public const string ConsumerName = "feedback.completed-services";

    public const string MemberOrganization = "宁波市海曙区老年协会";

    public static readonly (string Email, string Password) Applicant = ("applicant@demo.local", "Demo-applicant-2026");

    public static readonly (string Email, string Password) OtherMember = ("member@test.local", "Test-member-2026");

    public Task<string> UserIdAsync(string email) =>
        WithAsync<UserManager<RegistryUser>, string>(async users => (await users.FindByEmailAsync(email))!.Id);

    /// <summary>Writes an event into the change feed as its module publishes it, as of now.</summary>
    public Task<long> WriteEventAsync(string topic, string payload) => WithAsync<RegistryDbContext, long>(async db =>
    {
        var message = new OutboxMessage { Topic = topic, Payload = payload, OccurredAt = Clock.GetUtcNow().UtcDateTime };
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });

    /// <summary>Runs the dispatcher until the feedback checkpoint passed <paramref name="messageId"/>.</summary>
    public Task DispatchThroughAsync(long messageId) => DispatchThroughAsync(ConsumerName, messageId);

    public Task<List<CompletedService>> ServicesAsync(string sourceKey) =>
        WithAsync<RegistryDbContext, List<CompletedService>>(db => db.Set<CompletedService>().AsNoTracking().Include(s => s.Rating).Where(s => s.SourceKey == sourceKey).ToListAsync());

    public Task<int> NotificationsAsync(string email, string templateName) => InScopeAsync(async s =>
    {
        var user = (await s.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(email))!;
        var title = s.GetRequiredService<ITextCatalog>().Find($"Notify.{templateName}.Title", CultureInfo.GetCultureInfo(user.PreferredCulture))!;
        var prefix = title.Split('{')[0];
        return await s.GetRequiredService<RegistryDbContext>().Set<Notification>().CountAsync(n => n.UserId == user.Id && n.Title.StartsWith(prefix));
    });

    public Task<int> MailsAsync(string email, string subjectPart) =>
        WithAsync<RegistryDbContext, int>(db => db.Set<MailMessage>().CountAsync(m => m.To == email && m.Subject.Contains(subjectPart)));

    public Task<List<string>> AuditAsync(string action) =>
        WithAsync<RegistryDbContext, List<string>>(db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.Action == action).Select(a => a.Summary).ToListAsync());
}

public sealed class SqliteFeedbackApp() : FeedbackApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlFeedbackApp() : FeedbackApp(DatabaseKind.PostgreSql);

public abstract class FeedbackTests<TApp>(TApp app)
    where TApp : FeedbackApp
{
    /// <summary>A grade awarded (published twice) gives the organization one service to rate; its member rates it once, anyone else gets 404.</summary>
    [Fact]
    public async Task GradeAwarded_Replayed_OneServiceRatedOnceByTheMemberOnly()
    {
        var organizationId = await app.OrganizationIdAsync(FeedbackApp.MemberOrganization);
        var payload = string.Create(CultureInfo.InvariantCulture,
            $$"""{"ApplicationId":9101,"OrganizationId":{{organizationId}},"OrganizationName":"{{FeedbackApp.MemberOrganization}}","Grade":4,"AwardedOn":"2026-03-02","ValidFrom":"2027-01-01","ValidUntil":"2031-12-31"}""");
        await app.WriteEventAsync("ratings.grade-awarded", payload);
        await app.DispatchThroughAsync(await app.WriteEventAsync("ratings.grade-awarded", payload));

        var service = (await app.ServicesAsync("rating/9101")).ShouldHaveSingleItem();
        (service.Kind, service.OrganizationId, service.Subject, service.CompletedOn).ShouldBe((ServiceKind.Rating, (int?)organizationId, "4A", new DateOnly(2026, 3, 2)));
        (await app.NotificationsAsync(FeedbackApp.Applicant.Email, "Fb.ServiceCompleted")).ShouldBeGreaterThanOrEqualTo(1);

        var applicant = await app.SignedInClientAsync(FeedbackApp.Applicant);
        (await applicant.GetDocumentAsync(FeedbackLinks.My)).QuerySelector($"[data-service='{service.Id}'] [data-testid=rate-link]").ShouldNotBeNull();
        (await applicant.GetDocumentAsync($"/Organizations/Workspace/{organizationId}")).QuerySelector("[data-testid=rating-prompt]").ShouldNotBeNull("the workspace prompts its member to rate");
        var other = await app.SignedInClientAsync(FeedbackApp.OtherMember);
        using (var refused = await other.GetAsync(FeedbackLinks.Service(service.Id)))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var form = await applicant.ReadFormAsync(FeedbackLinks.Service(service.Id), "form[data-testid=rate-form]");
        var fields = new Dictionary<string, string> { ["Input.Level"] = "Satisfied", ["Input.Comment"] = "评估过程规范。" };
        using var first = await applicant.PostFormAsync(form, fields);
        using var second = await applicant.PostFormAsync(form, fields);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("只能评价一次");
        var rated = (await app.ServicesAsync("rating/9101")).Single().Rating.ShouldNotBeNull();
        (rated.Level, rated.FollowUp, rated.Comment).ShouldBe((SatisfactionLevel.Satisfied, (FollowUpState?)null, "评估过程规范。"));
        (await app.AuditAsync("feedback.rated")).ShouldContain(s => s.Contains("4A", StringComparison.Ordinal));
    }

    /// <summary>Acceptance and 补正 complete nothing; an anonymous disclosure request has no account to rate with.</summary>
    [Fact]
    public async Task Events_WithNothingToRate_RecordNothing()
    {
        var applicantId = await app.UserIdAsync(FeedbackApp.Applicant.Email);
        await app.WriteEventAsync("organizations.registration-decided",
            $$"""{"ApplicationId":9201,"ReceiptNumber":"DJ-9201","Kind":"Establishment","Trigger":"Accept","Title":"宁波市海曙区测试服务中心","OrganizationId":null,"ApplicantUserId":"{{applicantId}}","ReceivedOn":"2026-03-02","AcceptedOn":"2026-03-02","DecidedOn":"2026-03-02","Note":null}""");
        await app.DispatchThroughAsync(await app.WriteEventAsync("disclosure.request-answered",
            """{"RequestId":9202,"ReceiptNumber":"GK-9202","ApplicantUserId":null,"ApplicantName":"匿名","ReceivedOn":"2026-02-02","AnsweredOn":"2026-03-02","Description":"x","Paragraphs":[]}"""));

        (await app.ServicesAsync("registration/9201/Accept")).ShouldBeEmpty();
        (await app.ServicesAsync("disclosure/9202")).ShouldBeEmpty();
    }

    /// <summary>
    /// A 差评 of a registration decision needs a reason, opens a follow-up due 15 working days later for the officers (in-app
    /// and mail); the officer answers, the applicant reads the answer (told in-app and by mail) and accepts it; all audited.
    /// </summary>
    [Fact]
    public async Task BadRating_OpensFollowUp_OfficerAnswers_ApplicantSeesAndCloses()
    {
        var organizationId = await app.OrganizationIdAsync(FeedbackApp.MemberOrganization);
        var applicantId = await app.UserIdAsync(FeedbackApp.Applicant.Email);
        await app.DispatchThroughAsync(await app.WriteEventAsync("organizations.registration-decided", string.Create(CultureInfo.InvariantCulture,
            $$"""{"ApplicationId":9301,"ReceiptNumber":"DJ-9301","Kind":"Change","Trigger":"Approve","Title":"变更登记（住所）","OrganizationId":{{organizationId}},"ApplicantUserId":"{{applicantId}}","ReceivedOn":"2026-02-02","AcceptedOn":"2026-02-03","DecidedOn":"2026-03-02","Note":null}""")));
        var service = (await app.ServicesAsync("registration/9301/Approve")).ShouldHaveSingleItem();
        var applicant = await app.SignedInClientAsync(FeedbackApp.Applicant);

        using var noReason = await applicant.SubmitFormAsync(FeedbackLinks.Service(service.Id), new Dictionary<string, string> { ["Input.Level"] = "Dissatisfied" }, "form[data-testid=rate-form]");
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noReason.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("至少选择一项原因");
        var form = await applicant.ReadFormAsync(FeedbackLinks.Service(service.Id), "form[data-testid=rate-form]");
        using var rated = await applicant.PostFormAsync(form, new Dictionary<string, string> { ["Input.Level"] = "Dissatisfied", ["Input.Reasons"] = "服务态度", ["Input.Comment"] = "窗口答复不耐心。" });
        rated.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var rating = (await app.ServicesAsync("registration/9301/Approve")).Single().Rating.ShouldNotBeNull();
        (rating.FollowUp, rating.FollowUpStartedOn, rating.Reasons).ShouldBe(((FollowUpState?)FollowUpState.Open, (DateOnly?)new DateOnly(2026, 3, 2), "服务态度"));
        (await app.NotificationsAsync(TestAccounts.Officer.Email, "Fb.FollowUpOpened")).ShouldBeGreaterThanOrEqualTo(1);
        (await app.MailsAsync(TestAccounts.Officer.Email, "收到差评")).ShouldBeGreaterThanOrEqualTo(1);

        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var list = await officer.GetDocumentAsync(FeedbackLinks.AdminRatingsOf("Registration", 2, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), bad: true));
        var row = list.QuerySelector($"[data-rating='{rating.Id}']").ShouldNotBeNull();
        row.TextContent.ShouldContain("2026-03-23");
        var detail = FeedbackLinks.AdminRating(rating.Id);
        using var blank = await officer.SubmitFormAsync(detail, new Dictionary<string, string> { ["answer"] = " " }, "form[data-trigger=Answer]");
        blank.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await blank.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("整改答复");
        using var answered = await officer.SubmitFormAsync(detail, new Dictionary<string, string> { ["answer"] = "已对窗口人员进行培训，并电话回访致歉。" }, "form[data-trigger=Answer]");
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await applicant.GetDocumentAsync(FeedbackLinks.Service(service.Id));
        page.QuerySelector("[data-testid=follow-up-answer]")!.TextContent.ShouldContain("已对窗口人员进行培训");
        (await app.NotificationsAsync(FeedbackApp.Applicant.Email, "Fb.FollowUpAnswered")).ShouldBe(1);
        (await app.MailsAsync(FeedbackApp.Applicant.Email, "整改答复")).ShouldBe(1);
        using var closed = await applicant.SubmitFormAsync(FeedbackLinks.Service(service.Id), new Dictionary<string, string>(), "form[data-trigger=Close]");
        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ServicesAsync("registration/9301/Approve")).Single().Rating!.FollowUp.ShouldBe(FollowUpState.Closed);
        (await app.AuditAsync("feedback.follow-up.answer")).ShouldContain(s => s.Contains("变更登记", StringComparison.Ordinal));
        (await app.AuditAsync("feedback.follow-up.close")).ShouldContain(s => s.Contains("变更登记", StringComparison.Ordinal));

        // Leadership reads the follow-up but takes no step.
        var leader = await app.SignedInClientAsync(TestAccounts.Leader);
        (await leader.GetAsync(detail)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The recipe's 2026 差评 is open past its due day: the overdue filter lists it with its marker.</summary>
    [Fact]
    public async Task OfficerList_OverdueFilter_ListsTheLateFollowUp()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        var page = await officer.GetDocumentAsync(FeedbackLinks.AdminRatingsOf(null, null, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), overdue: true));

        page.QuerySelector("[data-testid=list-total]")!.GetAttribute("data-total").ShouldBe("1");
        page.QuerySelector("[data-testid=rating-row] [data-testid=overdue]").ShouldNotBeNull();
    }

    /// <summary>The public page counts 2024's inspection ratings per level with the satisfaction rate; 2025 has none and says so.</summary>
    [Fact]
    public async Task PublicStatistics_PerServiceAndYear_CountsRateAndEmptyState()
    {
        var page = await app.Client().GetDocumentAsync(FeedbackLinks.StatisticsOf(2024));
        var row = page.QuerySelector("[data-testid=statistics] tr[data-kind=Inspection]").ShouldNotBeNull();

        row.GetAttribute("data-total").ShouldBe("4");
        row.QuerySelector("[data-level=VerySatisfied]")!.TextContent.ShouldBe("2");
        row.QuerySelector("[data-level=Dissatisfied]")!.TextContent.ShouldBe("1");
        row.QuerySelector("[data-testid=rate]")!.TextContent.ShouldBe("75.0%");
        (await app.Client().GetDocumentAsync(FeedbackLinks.StatisticsOf(2025))).QuerySelector("[data-testid=statistics-empty]").ShouldNotBeNull();
    }

    /// <summary>The dashboard's figures (contract) match the officers' list each links to.</summary>
    [Fact]
    public async Task Figures_Of2024_MatchTheListsTheyLinkTo()
    {
        var (first, last) = (new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        var figures = await app.WithAsync<ISatisfactionFigures, IReadOnlyList<SatisfactionFigure>>(f => f.ByKindAsync(first, last, CancellationToken.None));
        var inspection = figures.Single(f => f.Kind == "Inspection");
        (inspection.Total, inspection.ByStars[5], inspection.ByStars[2], inspection.RatePercent).ShouldBe((4, 2, 1, (decimal?)75.0m));
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        var list = await officer.GetDocumentAsync(FeedbackLinks.AdminRatingsOf("Inspection", 5, first, last));

        list.QuerySelector("[data-testid=list-total]")!.GetAttribute("data-total").ShouldBe("2");

        // The bureau's dashboard shows the same figures, each linked to the ratings it counts.
        var dashboard = await officer.GetDocumentAsync("/Reports?year=2024");
        var cell = dashboard.QuerySelector("[data-testid=cell-satisfaction-Inspection-Stars5] a")!;
        cell.TextContent.Trim().ShouldBe("2");
        cell.GetAttribute("href").ShouldBe(FeedbackLinks.AdminRatingsOf("Inspection", 5, first, last));
        dashboard.QuerySelector("[data-testid=cell-satisfaction-Inspection-Rate]")!.TextContent.ShouldContain("75");
    }

    [Theory]
    [InlineData("/Feedback/My")]
    [InlineData("/Feedback/Admin")]
    public async Task Pages_Anonymous_SentToSignIn(string url)
    {
        using var response = await app.Client().GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("Login", Case.Insensitive);
    }

    [Fact]
    public async Task OfficerPages_Applicant_Forbidden_LeaderReads()
    {
        var applicant = await app.SignedInClientAsync(FeedbackApp.Applicant);
        var leader = await app.SignedInClientAsync(TestAccounts.Leader);

        (await applicant.GetAsync(FeedbackLinks.AdminRatings)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await leader.GetAsync(FeedbackLinks.AdminRatings)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Client().GetAsync(FeedbackLinks.Statistics)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class FeedbackTestsOnSqlite(SqliteFeedbackApp app) : FeedbackTests<SqliteFeedbackApp>(app), IClassFixture<SqliteFeedbackApp>;

public sealed class FeedbackTestsOnPostgreSql(PostgreSqlFeedbackApp app) : FeedbackTests<PostgreSqlFeedbackApp>(app), IClassFixture<PostgreSqlFeedbackApp>;
