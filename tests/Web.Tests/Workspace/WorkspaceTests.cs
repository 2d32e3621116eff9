using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Organizations.Services;
using Registry.Testing;
using Registry.Web.Data;

namespace Registry.Web.Tests.Workspace;

/// <summary>
/// Issue 20, the organization's workspace: obligations of every module with working days left (derived when read), for
/// members only (another organization's member gets 404), and the secret iCalendar feed, read back with Ical.Net.
/// </summary>
public abstract class WorkspaceTests<TApp>(TApp app)
    where TApp : WorkspaceApp
{
    private static readonly DateOnly ReportDeadline = new(2026, 5, 31);

    [Fact]
    public async Task Obligations_MemberOrganizationOfTheTestRecipe_AnnualReportDueWithWorkingDaysLeft()
    {
        var organizationId = await app.OrganizationIdAsync(WorkspaceApp.MemberSocialGroup);

        var obligations = await app.WithAsync<WorkspaceService, IReadOnlyList<ObligationView>>(w => w.ObligationsAsync([organizationId], CancellationToken.None));

        var report = obligations.Single(o => o.Obligation.Key == "inspections.report.2025");
        report.Obligation.DueOn.ShouldBe(ReportDeadline);
        report.Overdue.ShouldBeFalse();
        var calendar = await app.CalendarAsync();
        report.WorkingDaysLeft.ShouldBe(calendar.CountWorkingDays(app.Today, ReportDeadline));
        // Fewer working days than calendar days: weekends and the 清明 and 劳动节 holidays are not counted.
        report.WorkingDaysLeft!.Value.ShouldBeLessThan(ReportDeadline.DayNumber - app.Today.DayNumber - 2 * 12);
    }

    [Fact]
    public async Task Page_Member_ShowsObligationsWithConsequence()
    {
        var organizationId = await app.OrganizationIdAsync(WorkspaceApp.MemberSocialGroup);
        using var client = await app.SignedInClientAsync(WorkspaceApp.DemoApplicant);

        using var response = await client.GetAsync(new Uri($"/Organizations/Workspace/{organizationId}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var item = document.QuerySelector("[data-testid=obligation][data-key='inspections.report.2025']").ShouldNotBeNull();
        item.GetAttribute("data-due").ShouldBe("2026-05-31");
        item.TextContent.ShouldContain("活动异常名录");
        item.TextContent.ShouldContain("2026年6月1日");
        document.QuerySelector("[data-testid=standing]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Page_MemberOfAnotherOrganization_NotFound()
    {
        var organizationId = await app.OrganizationIdAsync(WorkspaceApp.MemberSocialGroup);
        using var client = await app.SignedInClientAsync(WorkspaceApp.OtherApplicant);

        using var page = await client.GetAsync(new Uri($"/Organizations/Workspace/{organizationId}", UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var empty = await client.GetAsync(new Uri("/Organizations/Workspace", UriKind.Relative));
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"workspace-empty\"");
    }

    [Fact]
    public async Task Page_Anonymous_RedirectedToSignIn()
    {
        var organizationId = await app.OrganizationIdAsync(WorkspaceApp.MemberSocialGroup);
        using var client = app.Client();

        using var page = await client.GetAsync(new Uri($"/Organizations/Workspace/{organizationId}", UriKind.Relative));

        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/Account/Login", Case.Insensitive);
    }

    [Fact]
    public async Task Feed_SecretAddress_ParsesWithIcalNetAndRegeneratingEndsTheOldOne()
    {
        var organizationId = await app.OrganizationIdAsync(WorkspaceApp.MemberSocialGroup);
        using var client = await app.SignedInClientAsync(WorkspaceApp.DemoApplicant);
        var page = $"/Organizations/Workspace/{organizationId}";
        var feedUrl = await FeedUrlAsync(client, page);

        using var anonymous = app.Client();
        using var feed = await anonymous.GetAsync(feedUrl);
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var calendar = Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync()).ShouldNotBeNull();
        var report = calendar.Events.Single(e => e.Uid!.StartsWith("inspections.report.2025.", StringComparison.Ordinal));
        report.DtStart!.HasTime.ShouldBeFalse();
        DateOnly.FromDateTime(report.DtStart.Value).ShouldBe(ReportDeadline);
        report.Summary.ShouldBe("提交2025年度报告");
        report.Description!.ShouldContain("活动异常名录");

        using var regenerated = await client.SubmitFormAsync(page, new Dictionary<string, string>(), "main form[method=post]", "RegenerateFeed");
        regenerated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var old = await anonymous.GetAsync(feedUrl);
        old.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var newUrl = await FeedUrlAsync(client, page);
        newUrl.ShouldNotBe(feedUrl);
        using var renewed = await anonymous.GetAsync(newUrl);
        renewed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithAsync<RegistryDbContext, bool>(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.Set<AuditEntry>(), e => e.Action == "organizations.feed-regenerated" && e.EntityId == organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ShouldBeTrue();
    }

    [Fact]
    public async Task Feed_UnknownToken_NotFound()
    {
        using var client = app.Client();

        using var response = await client.GetAsync(new Uri("/Organizations/Workspace/Calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<Uri> FeedUrlAsync(HttpClient client, string page)
    {
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(page, UriKind.Relative)));
        var value = document.QuerySelector("[data-testid=feed-url]")!.GetAttribute("value")!;
        return new Uri(new Uri(value).PathAndQuery, UriKind.Relative);
    }
}

public sealed class WorkspaceTestsOnSqlite(WorkspaceSqliteApp app) : WorkspaceTests<WorkspaceSqliteApp>(app), IClassFixture<WorkspaceSqliteApp>;

public sealed class WorkspaceTestsOnPostgreSql(WorkspacePostgreSqlApp app) : WorkspaceTests<WorkspacePostgreSqlApp>(app), IClassFixture<WorkspacePostgreSqlApp>;
