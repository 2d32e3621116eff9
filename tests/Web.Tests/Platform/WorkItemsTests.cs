using AngleSharp.Html.Dom;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;
using Registry.Web.Tests.Notices;
using Registry.Web.Tests.Organizations;

namespace Registry.Web.Tests.Platform;

/// <summary>
/// Issue 25 item 12: each role is shown only what it can open, and the back-office 工作台 lists the user's to-dos, each
/// count linking to the list of exactly those.
/// </summary>
public abstract class WorkItemsTests<TApp>(TApp app)
    where TApp : AppFixture
{
    [Fact]
    public async Task Dashboard_OfficerWithASubmission_CountsItUnderToAcceptAndLinksToTheSameList()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var id = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(id, "NameApproval", RegistrationClient.NameApproval(RegistrationTests<TApp>.UniqueName("养老服务中心")));
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        var item = Item(await officer.GetDocumentAsync("/Admin"), "Org.Work.ToAccept");

        item.Count.ShouldBeGreaterThanOrEqualTo(1);
        item.Url.ShouldBe("/Organizations/Admin/Applications?state=Submitted");
        (await officer.GetDocumentAsync(item.Url)).StatedTotal().ShouldBe(item.Count);
    }

    [Fact]
    public async Task Dashboard_Officer_DueSoonAndOverdueCountsMatchTheirLists()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var page = await officer.GetDocumentAsync("/Admin");

        foreach (var key in new[] { "Org.Work.DueSoon", "Org.Work.Overdue" })
        {
            var item = Item(page, key);
            (await officer.GetDocumentAsync(item.Url)).StatedTotal().ShouldBe(item.Count, key);
        }
    }

    [Fact]
    public async Task Dashboard_OfficerWithAnObjection_CountsItUnderToAnswerAndLinksToTheOpenOnes()
    {
        var id = await app.PublishWithPeriodAsync(NoticeClient.Unique("海曙区社会组织评估结果公示"), -1, 3);
        using (var response = await app.Client().SubmitFormAsync($"/Notices/{id}", NoticeClient.Objection($"todo-{Guid.NewGuid():N}@example.cn")))
        {
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, await NoticeClient.ErrorsAsync(response));
        }

        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var item = Item(await officer.GetDocumentAsync("/Admin"), "Notices.Work.OpenObjections");

        item.Count.ShouldBeGreaterThanOrEqualTo(1);
        (await officer.GetDocumentAsync(item.Url)).StatedTotal().ShouldBe(item.Count);
    }

    [Fact]
    public async Task Dashboard_Reviewer_LinksToTheirScoreSheetsAndNothingOfTheOfficers()
    {
        var reviewer = await app.SignedInClientAsync(TestAccounts.Reviewer);
        var page = await reviewer.GetDocumentAsync("/Admin");

        Item(page, "Rate.Work.SheetsDue").Url.ShouldBe("/Ratings/Review");
        Item(page, "Grant.Work.SheetsDue").Url.ShouldBe("/Grants/Review");
        page.QuerySelectorAll("[data-testid=work-item]").Select(i => i.GetAttribute("data-label")!).ShouldAllBe(k => !k.StartsWith("Org.", StringComparison.Ordinal) && !k.StartsWith("Notices.", StringComparison.Ordinal));
        foreach (var link in page.QuerySelectorAll("[data-testid=work-item] a").Select(a => a.GetAttribute("href")!))
        {
            using var response = await reviewer.GetAsync(new Uri(link, UriKind.Relative));
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, link);
        }
    }

    [Theory]
    [InlineData("officer", false)]
    [InlineData("reviewer", false)]
    [InlineData("applicant", true)]
    public async Task ChangeGuide_ForRole_ShowsMyApplicationsOnlyToApplicants(string role, bool shown)
    {
        var client = await app.SignedInClientAsync(role switch { "officer" => TestAccounts.Officer, "reviewer" => TestAccounts.Reviewer, _ => TestAccounts.Applicant });

        var page = await client.GetDocumentAsync("/Organizations/Guide/Change");

        (page.QuerySelector("[data-testid=my-applications]") is not null).ShouldBe(shown);
    }

    [Fact]
    public async Task EstablishmentGuide_Officer_IsToldStaffCannotApplyInsteadOfAStartButton()
    {
        var page = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync("/Organizations/Guide/Establishment");

        page.QuerySelector("[data-testid=start-application]").ShouldBeNull();
        page.QuerySelector("[data-testid=applicants-only]").ShouldNotBeNull();
    }

    private static (int Count, string Url) Item(IHtmlDocument page, string key)
    {
        var item = page.QuerySelector($"[data-testid=work-item][data-label='{key}']") ?? throw new ShouldAssertException($"No to-do {key} on the dashboard.");
        return (int.Parse(item.QuerySelector("[data-testid=work-count]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture), item.QuerySelector("a")!.GetAttribute("href")!);
    }
}

public sealed class WorkItemsTestsOnSqlite(SqliteApp app) : WorkItemsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class WorkItemsTestsOnPostgreSql(PostgreSqlApp app) : WorkItemsTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
