using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Registry.Organizations.Contracts;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;
using Registry.Testing;
using static Registry.Web.Tests.Ratings.RatingsApp;

namespace Registry.Web.Tests.Ratings;

/// <summary>
/// Fill once (#20): the rating application's 基本情况 opens pre-filled from the register and the latest annual report
/// (test-ratings gives the association a 2025 report), each value with its source; the applicant's changes are stored as
/// theirs beside the pre-filled value; the officer sees what was submitted. Over HTTP, on each provider.
/// </summary>
public abstract class RatingFactsTests<TApp>(TApp app)
    where TApp : RatingsApp
{
    private const string Form = "form[data-testid=self-assessment]";

    [Fact]
    public async Task ApplicationForm_SocialGroupWithA2025Report_PrefilledWithSources()
    {
        var id = await StartedAsync(MemberSocialGroup);
        var register = await RegisterFactsAsync(MemberSocialGroup);

        var page = await (await app.SignedInClientAsync(DemoApplicant)).GetDocumentAsync($"/Ratings/Application/{id}");

        string Input(string code) => page.QuerySelector($"[data-testid=fact-input-{code}]").ShouldNotBeNull().GetAttribute("value") ?? "";
        string Source(string code) => page.QuerySelector($"[data-testid=fact-source-{code}]").ShouldNotBeNull().TextContent.Trim();
        Input(RatingFacts.FoundedOn).ShouldBe(register.FoundedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Source(RatingFacts.FoundedOn).ShouldBe("来自登记信息");
        Input(RatingFacts.IndividualMembers).ShouldBe("1260");
        Source(RatingFacts.IndividualMembers).ShouldBe("来自2025年度年报");
        Input(RatingFacts.FullTimeStaff).ShouldBe("5");
        Input(RatingFacts.Volunteers).ShouldBe("67");
        Input(RatingFacts.Income).ShouldBe("145600.00");
        Input(RatingFacts.Expenditure).ShouldBe("126800.00");
        Source(RatingFacts.Expenditure).ShouldBe("来自2025年度年报");
        Source(RatingFacts.CurrentGrade).ShouldBe("来自等级评估记录");
        page.QuerySelector("[data-testid=facts] legend")!.TextContent.ShouldBe("基本情况");
        page.QuerySelector($"label[for=fact-{RatingFacts.Volunteers}]")!.TextContent.ShouldBe("志愿者人数");
    }

    [Fact]
    public async Task ApplicationForm_ServiceCentreWithoutAReport_RegisterOnlyNoMembersRestBlank()
    {
        var id = await StartedAsync(MemberServiceCentre);

        var page = await (await app.SignedInClientAsync(DemoApplicant)).GetDocumentAsync($"/Ratings/Application/{id}");

        page.QuerySelector($"[data-testid=fact-source-{RatingFacts.FoundedOn}]")!.TextContent.Trim().ShouldBe("来自登记信息");
        page.QuerySelector($"[data-testid=fact-input-{RatingFacts.IndividualMembers}]").ShouldBeNull("a 民办非企业单位 has no members");
        page.QuerySelector($"[data-testid=fact-input-{RatingFacts.Volunteers}]")!.GetAttribute("value").ShouldBeNullOrEmpty();
        page.QuerySelector($"[data-testid=fact-source-{RatingFacts.Volunteers}]").ShouldBeNull("nothing to pre-fill it from");
    }

    [Fact]
    public async Task SaveThenSubmit_OneValueChanged_StoredAsTheApplicantsOthersKeepTheirSourcesOfficerSeesBoth()
    {
        var id = await app.DraftApplicationAsync(await app.OpenCampaignAsync(RuleSet.Measures2010), MemberSocialGroup);
        var applicant = await app.SignedInClientAsync(DemoApplicant);

        using (var saved = await applicant.SubmitFormAsync($"/Ratings/Application/{id}", new Dictionary<string, string> { [$"FactInputs[{RatingFacts.Volunteers}]"] = "80" }, Form, "Save"))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var stored = RatingFacts.Read((await app.ApplicationAsync(id)).FactsJson);
        stored[RatingFacts.Volunteers].ShouldBe(new StatedFact("80", FactSource.Applicant, null, "67"));
        stored[RatingFacts.IndividualMembers].ShouldBe(new StatedFact("1260", FactSource.AnnualReport, 2025));
        stored[RatingFacts.FoundedOn].Source.ShouldBe(FactSource.Register);
        var reopened = await applicant.GetDocumentAsync($"/Ratings/Application/{id}");
        reopened.QuerySelector($"[data-testid=fact-input-{RatingFacts.Volunteers}]")!.GetAttribute("value").ShouldBe("80");
        reopened.QuerySelector($"[data-testid=fact-edited-{RatingFacts.Volunteers}]")!.TextContent.ShouldContain("67");

        (await app.SubmitDraftAsync(id, RatingSteps.Declared)).ShouldSucceed();

        RatingFacts.Read((await app.ApplicationAsync(id)).FactsJson).ShouldBe(stored, ignoreOrder: true, "what was saved is what was submitted");
        var file = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync($"/Ratings/Admin/Application/{id}");
        file.QuerySelector($"[data-testid=fact-value-{RatingFacts.Volunteers}]")!.TextContent.ShouldBe("80");
        file.QuerySelector($"[data-testid=fact-edited-{RatingFacts.Volunteers}]")!.TextContent.ShouldContain("67");
        file.QuerySelector($"[data-testid=fact-value-{RatingFacts.Income}]")!.TextContent.ShouldBe("¥145,600.00");
        file.QuerySelector($"[data-testid=fact-source-{RatingFacts.Income}]")!.TextContent.ShouldContain("来自2025年度年报");
        var summary = await applicant.GetDocumentAsync($"/Ratings/Application/{id}");
        summary.QuerySelector($"[data-testid=fact-value-{RatingFacts.Volunteers}]")!.TextContent.ShouldBe("80");
    }

    [Fact]
    public async Task Save_InvalidAmount_RefusedWithTheFieldsLabelAndNothingStored()
    {
        var id = await StartedAsync(MemberSocialGroup);
        var applicant = await app.SignedInClientAsync(DemoApplicant);

        using var response = await applicant.SubmitFormAsync($"/Ratings/Application/{id}", new Dictionary<string, string> { [$"FactInputs[{RatingFacts.Income}]"] = "一万" }, Form, "Save");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.QuerySelector($"[data-testid=fact-error-{RatingFacts.Income}]")!.TextContent.ShouldContain("“上年度收入”请填写不小于 0 的金额");
        page.QuerySelector($"[data-testid=fact-input-{RatingFacts.Income}]")!.GetAttribute("value").ShouldBe("一万", "the typed value is shown back");
        RatingFacts.Read((await app.ApplicationAsync(id)).FactsJson).ShouldBeEmpty();
    }

    [Fact]
    public async Task Submit_FormNeverSaved_StoresThePrefilledFacts()
    {
        var id = await app.SubmitApplicationAsync(await app.OpenCampaignAsync(RuleSet.Measures2010), MemberSocialGroup);

        var stored = RatingFacts.Read((await app.ApplicationAsync(id)).FactsJson);

        stored[RatingFacts.FoundedOn].Source.ShouldBe(FactSource.Register);
        stored[RatingFacts.Volunteers].ShouldBe(new StatedFact("67", FactSource.AnnualReport, 2025));
    }

    [Fact]
    public async Task ApplicationForm_ApplicantOfAnotherOrganization_NotFound()
    {
        var id = await StartedAsync(MemberSocialGroup);
        var stranger = await app.SignedInClientAsync(TestAccounts.Applicant);

        using var response = await stranger.GetAsync(new Uri($"/Ratings/Application/{id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("1260");
    }

    /// <summary>A fresh campaign and the organization's application in it, never saved.</summary>
    private async Task<int> StartedAsync(string organizationName)
    {
        var campaignId = await app.OpenCampaignAsync(RuleSet.Measures2010);
        var organizationId = await app.OrganizationIdAsync(organizationName);
        return await app.WithAsync<RatingApplicationService, int>(async applications =>
        {
            var (result, application) = await applications.StartAsync(campaignId, organizationId, CancellationToken.None);
            result.ShouldSucceed();
            return application!.Id;
        });
    }

    private async Task<RegisterFacts> RegisterFactsAsync(string organizationName)
    {
        var organizationId = await app.OrganizationIdAsync(organizationName);
        return (await app.WithAsync<IOrganizationRegister, RegisterFacts?>(register => register.FactsAsync(organizationId, CancellationToken.None)))!;
    }
}

public sealed class RatingFactsTestsOnSqlite(RatingsSqliteApp app) : RatingFactsTests<RatingsSqliteApp>(app), IClassFixture<RatingsSqliteApp>;

public sealed class RatingFactsTestsOnPostgreSql(RatingsPostgreSqlApp app) : RatingFactsTests<RatingsPostgreSqlApp>(app), IClassFixture<RatingsPostgreSqlApp>;
