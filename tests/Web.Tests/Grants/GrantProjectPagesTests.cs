using System.Net;
using Registry.Grants.Domain;
using Registry.Testing;
using Registry.Web.Tests.Ratings;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>Who may open the agreement pages and what the forms refuse, over HTTP, on each provider.</summary>
public abstract class GrantProjectPagesTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    private static string Officer(int id) => $"/Grants/Projects/Admin/Agreement/{id}";

    [Theory]
    [InlineData("/Grants/Projects/Admin")]
    [InlineData("/Grants/Projects/Admin/Agreement/1")]
    public async Task OfficerPages_Applicant_IsForbidden(string url)
    {
        using var response = await (await app.SignedInClientAsync(DemoApplicant)).GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AgreementPage_OtherOrganizationsApplicant_NotFound()
    {
        var id = await app.SignedAgreementAsync("他人协议");

        using var response = await (await app.SignedInClientAsync(TestAccounts.Applicant)).GetAsync(new Uri($"/Grants/Projects/{id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AgreementPage_OwnOrganization_SeesTheTranchesAndItIsListed()
    {
        var id = await app.SignedAgreementAsync("本组织协议");
        var client = await app.SignedInClientAsync(DemoApplicant);

        var page = await client.GetDocumentAsync($"/Grants/Projects/{id}");

        page.QuerySelectorAll("[data-testid=tranche]").Length.ShouldBe(3);
        (await client.GetDocumentAsync("/Grants/Projects")).QuerySelector($"a[href='/Grants/Projects/{id}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task RevisionForm_ApplicantSubmits_AwaitsTheOfficerWithItsDiff()
    {
        var (_, agreement) = await app.CreateAgreementAsync(await app.AwardedAsync("页面优化", 3_000_000, 2_000_000), "请增加活动频次。");
        var client = await app.SignedInClientAsync(DemoApplicant);

        using var response = await client.SubmitFormAsync($"/Grants/Projects/{agreement!.Id}", new Dictionary<string, string>
        {
            ["Form.Lines[0].Requested"] = "25000", ["Form.Lines[1].Requested"] = "5,000.00",
        }, "#revision-form");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var officer = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync(Officer(agreement.Id));
        officer.QuerySelectorAll("[data-testid=change][data-field='Grant.Field.Requested']").Length.ShouldBe(2);
        officer.QuerySelector("[data-testid=accept]").ShouldNotBeNull();
    }

    [Fact]
    public async Task PayForm_Overpayment_RefusedWithTheMessageNothingRecorded()
    {
        var id = await app.SignedAgreementAsync("页面超额");
        var client = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await client.SubmitFormAsync(Officer(id), new Dictionary<string, string> { ["amount"] = "15,000.01", ["reference"] = "HX-9" }, "[data-testid=pay-form-1]");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("¥15,000.00");
        (await app.RecordAsync(id)).Agreement.PaidFen.ShouldBe(0);
    }

    [Fact]
    public async Task PayForm_BlockedTranche_NoFormAndAPostRefused()
    {
        var id = await app.SignedAgreementAsync("页面冻结");
        await app.EvaluatedAsync(id, ReportKind.MidTerm, EvaluationOutcome.Fail);
        var client = await app.SignedInClientAsync(TestAccounts.Officer);
        var page = await client.GetDocumentAsync(Officer(id));
        page.QuerySelector("[data-testid=pay-form-2]").ShouldBeNull();
        var form = page.ReadForm(Officer(id), "[data-testid=pay-form-1]");
        var blocked = (await app.RecordAsync(id)).Agreement.Tranches.Single(t => t.Index == 2).Id;

        using var response = await client.PostFormAsync(form, new Dictionary<string, string> { ["trancheId"] = blocked.ToString(System.Globalization.CultureInfo.InvariantCulture), ["amount"] = "100", ["reference"] = "HX-10" });

        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldNotBeEmpty();
        (await app.RecordAsync(id)).Agreement.PaidFen.ShouldBe(0);
    }

    [Fact]
    public async Task ReplaceFile_NotAPdf_RefusedAndThePreviousFileKept()
    {
        var id = await app.SignedAgreementAsync("页面换文件");
        var before = (await app.RecordAsync(id)).Agreement.SignedFileId;
        var client = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await client.SubmitFormAsync(Officer(id), new Dictionary<string, string>(), "[data-testid=replace-form]",
            files: new Dictionary<string, (string, byte[])> { ["signedFile"] = ("协议.pdf", "<html>not a pdf</html>"u8.ToArray()) });

        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldNotBeEmpty();
        (await app.RecordAsync(id)).Agreement.SignedFileId.ShouldBe(before);
    }

    [Fact]
    public async Task PayForm_PageStaleAfterAnotherPayment_ConflictShownNothingDoubled()
    {
        var id = await app.SignedAgreementAsync("页面并发");
        var client = await app.SignedInClientAsync(TestAccounts.Officer);
        var stale = await client.ReadFormAsync(Officer(id), "[data-testid=pay-form-1]");
        (await app.PayAsync(id, 1, 1_000_000)).ShouldSucceed();

        using var response = await client.PostFormAsync(stale, new Dictionary<string, string> { ["amount"] = "5000", ["reference"] = "HX-11" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldNotBeEmpty();
        (await app.RecordAsync(id)).Agreement.PaidFen.ShouldBe(1_000_000);
    }

    [Fact]
    public async Task OpenDataPage_Anonymous_StatesTheLicenceAndLinksBothFiles()
    {
        var page = await app.Client().GetDocumentAsync("/Grants/OpenData");

        page.QuerySelector("[data-testid=licence]")!.TextContent.ShouldContain("creativecommons.org");
        page.QuerySelector("[data-testid=open-data-json]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=open-data-csv]").ShouldNotBeNull();
    }
}

public sealed class GrantProjectPagesTestsOnSqlite(GrantsSqliteApp app) : GrantProjectPagesTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class GrantProjectPagesTestsOnPostgreSql(GrantsPostgreSqlApp app) : GrantProjectPagesTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
