using System.Net;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;
using Registry.Testing;
using static Registry.Web.Tests.Inspections.InspectionsClient;

namespace Registry.Web.Tests.Inspections;

/// <summary>
/// Issue 20's fill once (一次填报，多处复用): the annual report opens pre-filled from last year's report (else the register),
/// every pre-filled field marked with its source until changed or confirmed, and filed only once confirmed; on each provider.
/// </summary>
public abstract class ReportPrefillTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    [Fact]
    public async Task NewReport_OpensWithLastYearsFiguresMarked_SubmitRefusedUntilConfirmed_ChangedFieldsLoseTheirMark()
    {
        var applicant = await app.SignedInClientAsync(DemoApplicant);
        await app.EnsureCampaignAsync(2024, OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise);
        var lastYear = (await app.ReportAsync(2024, MemberSocialGroup)).Id;

        // 2024 opens with the register's membership (1260 individual, 12 unit members), marked 登记信息.
        var opened = await applicant.GetDocumentAsync($"/Inspections/Report/Edit/{lastYear}");
        opened.QuerySelector("input[name='Input.UnitMembers']")!.GetAttribute("value").ShouldBe("12");
        opened.QuerySelector("[data-testid=prefilled-UnitMembers]")!.GetAttribute("data-source").ShouldBe(nameof(PrefillSource.Register));
        opened.QuerySelector("[data-testid=prefilled-UnitMembers]")!.TextContent.ShouldContain("登记信息");
        opened.QuerySelector("[data-testid=prefilled-Volunteers]").ShouldBeNull();
        var filed = BalancedReport();
        filed["Input.FullTimeStaff"] = "5";
        filed["Input.Volunteers"] = "80";
        filed["Input.PartyOrganization"] = nameof(PartyOrganization.Independent);
        filed["Input.PartyMembers"] = "9";
        using (var submitted = await applicant.PostReportAsync(lastYear, "Submit", filed, withDocuments: true))
        {
            await ExpectRedirectAsync(submitted, $"/Inspections/Report/{lastYear}");
        }

        await app.EnsureCampaignAsync(2025, OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise);
        var id = (await app.ReportAsync(2025, MemberSocialGroup)).Id;
        var form = await applicant.GetDocumentAsync($"/Inspections/Report/Edit/{id}");
        form.QuerySelector("[data-testid=prefill-notice]").ShouldNotBeNull();
        form.QuerySelector("input[name='Input.Volunteers']")!.GetAttribute("value").ShouldBe("80");
        form.QuerySelector("[data-testid=amount-NetAssetsStartFen]")!.GetAttribute("value").ShouldBe("12000.00");
        form.QuerySelector("[data-testid=prefilled-Volunteers]")!.TextContent.ShouldContain("上年年报");
        form.QuerySelector("[data-testid=prefilled-NetAssetsStartFen]")!.GetAttribute("data-source").ShouldBe(nameof(PrefillSource.PreviousReport));
        form.QuerySelector("[data-testid=prefilled-PartyOrganization]").ShouldNotBeNull();
        form.QuerySelector("[data-testid=confirm-prefill-People]").ShouldNotBeNull();
        form.QuerySelector("[data-testid=confirm-prefill-NetAssets]").ShouldNotBeNull();
        // Opening the form stores nothing: the report is still not started.
        (await app.ReportAsync(2025, MemberSocialGroup)).State.ShouldBe(ReportState.NotStarted);

        // This year's figures: more volunteers; the opening net assets kept as pre-filled (¥12,000 + ¥5,000 − ¥3,000).
        var thisYear = new Dictionary<string, string>
        {
            ["Input.WorkSummary"] = "全年开展为老志愿服务40场。",
            ["Input.NextYearPlan"] = "扩大助餐服务覆盖面。",
            ["Input.Volunteers"] = "95",
            ["Input.Amounts[IncomeDonationsFen]"] = "3000.00",
            ["Input.Amounts[IncomeServicesFen]"] = "2000",
            ["Input.Amounts[ExpenseProgrammeFen]"] = "2500.00",
            ["Input.Amounts[ExpenseAdministrativeFen]"] = "500.00",
            ["Input.Amounts[NetAssetsEndFen]"] = "14000.00",
        };
        using (var refused = await applicant.PostReportAsync(id, "Submit", thisYear, withDocuments: true))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var errors = await ErrorsAsync(refused);
            errors.ShouldContain("请核对“人员情况”中的预填数据");
            errors.ShouldContain("请核对“期初净资产”中的预填数据");
        }

        // The draft is kept, the changed field is the applicant's own, the rest stays marked.
        var draft = await app.ReportAsync(2025, MemberSocialGroup);
        draft.State.ShouldBe(ReportState.Draft);
        draft.Content.Volunteers.ShouldBe(95);
        ReportPrefill.Read(draft.PrefillJson).Select(f => f.Field).ShouldBe(["IndividualMembers", "UnitMembers", "FullTimeStaff", "PartyOrganization", "PartyMembers", "NetAssetsStartFen"], ignoreOrder: true);
        var resumed = await applicant.GetDocumentAsync($"/Inspections/Report/Edit/{id}");
        resumed.QuerySelector("[data-testid=prefilled-Volunteers]").ShouldBeNull();
        resumed.QuerySelector("[data-testid=prefilled-PartyMembers]").ShouldNotBeNull();

        using (var confirmedPeopleOnly = await applicant.PostReportAsync(id, "Submit", new Dictionary<string, string> { ["Input.ConfirmPeople"] = "true" }))
        {
            var errors = await ErrorsAsync(confirmedPeopleOnly);
            errors.ShouldNotContain("人员情况");
            errors.ShouldContain("期初净资产");
        }

        using (var submitted = await applicant.PostReportAsync(id, "Submit", new Dictionary<string, string> { ["Input.ConfirmNetAssets"] = "true" }))
        {
            await ExpectRedirectAsync(submitted, $"/Inspections/Report/{id}");
        }

        var report = await app.ReportAsync(2025, MemberSocialGroup);
        (report.State, report.PrefillJson, report.Content.NetAssetsStartFen, report.Content.PartyMembers).ShouldBe((ReportState.Submitted, (string?)null, 1_200_000L, 9));
    }

    [Fact]
    public async Task PrefilledForm_OtherOrganizationsApplicant_NotFound_Officer_Forbidden()
    {
        await app.EnsureCampaignAsync(2025, OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise);
        var id = (await app.ReportAsync(2025, MemberSocialGroup)).Id;

        using var stranger = await (await app.SignedInClientAsync(TestAccounts.Applicant)).GetAsync(new Uri($"/Inspections/Report/Edit/{id}", UriKind.Relative));
        using var officer = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetAsync(new Uri($"/Inspections/Report/Edit/{id}", UriKind.Relative));

        stranger.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        officer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class ReportPrefillTestsOnSqlite(InspectionsSqliteApp app) : ReportPrefillTests<InspectionsSqliteApp>(app), IClassFixture<InspectionsSqliteApp>;

public sealed class ReportPrefillTestsOnPostgreSql(InspectionsPostgreSqlApp app) : ReportPrefillTests<InspectionsPostgreSqlApp>(app), IClassFixture<InspectionsPostgreSqlApp>;
