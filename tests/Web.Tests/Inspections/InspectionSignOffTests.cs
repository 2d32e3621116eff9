using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Review;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Contracts;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;
using static Registry.Web.Tests.Inspections.InspectionsClient;

namespace Registry.Web.Tests.Inspections;

/// <summary>
/// Issue 19's internal sign-off (承办 → 批准) on the annual-inspection result and on an officer's credit-list decisions,
/// two steps set on the settings screen; on each provider. Its own app: the chains set here would change every other
/// test's decision.
/// </summary>
public abstract class InspectionSignOffTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    private const int Year = 2025;

    [Fact]
    public async Task Result_TwoStepChain_RefusedUntilHandled_NotBySameOfficer_ThenRecordedWithTheHistory()
    {
        await SetChainsAsync();
        await app.EnsureCampaignAsync(Year, OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise);
        var id = (await app.ReportAsync(Year, MemberServiceCentre)).Id;
        await (await app.SignedInClientAsync(DemoApplicant)).SubmitBalancedReportAsync(id);
        var page = $"/Inspections/Admin/Report/{id}";
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var officer2 = await app.SignedInClientAsync(TestAccounts.Officer2);

        // Only the 承办 form is offered; a result posted anyway is refused with what is missing.
        var first = await officer.GetDocumentAsync(page);
        first.QuerySelector("[data-testid=sign-off-form]").ShouldNotBeNull();
        first.QuerySelector("[data-testid=result-form]").ShouldBeNull();
        var signForm = first.ReadForm(page, "form[data-testid=sign-off-form]");
        using (var early = await officer.PostFormAsync(signForm, new Dictionary<string, string> { ["Result"] = nameof(InspectionResult.Qualified) }, "Result"))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ErrorsAsync(early)).ShouldContain("内部审批尚未完成：须先签署“承办”，才能作出年检结论。");
        }

        (await app.ReportAsync(Year, MemberServiceCentre)).State.ShouldBe(ReportState.Submitted);
        using (var blank = await officer.PostFormAsync(signForm, new Dictionary<string, string> { ["Opinion"] = "" }))
        {
            (await ErrorsAsync(blank)).ShouldContain("请填写拟办意见");
        }

        using (var stale = await officer.PostFormAsync(signForm, new Dictionary<string, string> { ["Opinion"] = "材料齐全", ["Version"] = "0" }))
        {
            stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await StepsAsync(ReportService.SignOffSubject, id)).ShouldBeEmpty();
        using (var handled = await officer.PostFormAsync(signForm, new Dictionary<string, string> { ["Opinion"] = "材料齐全，财务数据平衡，拟定为合格。" }))
        {
            await ExpectRedirectAsync(handled, page);
        }

        var fields = new Dictionary<string, string> { ["Result"] = nameof(InspectionResult.Qualified) };
        using (var samePerson = await officer.SubmitFormAsync(page, fields, "form[data-testid=result-form]"))
        {
            (await ErrorsAsync(samePerson)).ShouldContain("同一案件中您已签署“承办”，不能再签署“批准”");
        }

        (await app.ReportAsync(Year, MemberServiceCentre)).State.ShouldBe(ReportState.Submitted);
        using (var decided = await officer2.SubmitFormAsync(page, fields, "form[data-testid=result-form]"))
        {
            await ExpectRedirectAsync(decided, page);
        }

        var report = await app.ReportAsync(Year, MemberServiceCentre);
        (report.State, report.Result).ShouldBe((ReportState.Concluded, (InspectionResult?)InspectionResult.Qualified));
        var steps = await StepsAsync(ReportService.SignOffSubject, id);
        steps.Select(s => s.Step).ShouldBe([SignOffStep.Handle, SignOffStep.Approve]);
        steps.Select(s => s.UserId).Distinct().Count().ShouldBe(2);
        steps[1].Opinion.ShouldBe("合格");
        var audited = await app.InScopeAsync(services => services.GetRequiredService<RegistryDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == nameof(AnnualReport) && a.EntityId == id.ToString(CultureInfo.InvariantCulture))
            .Select(a => a.Action).ToListAsync());
        audited.Where(a => a.StartsWith("signoff.", StringComparison.Ordinal)).ShouldBe(["signoff.handle", "signoff.approve"], ignoreOrder: true);
        (await officer.GetDocumentAsync(page)).QuerySelectorAll("[data-testid=sign-offs] li").Length.ShouldBe(2);
    }

    [Fact]
    public async Task CreditList_TwoStepChain_ListingAndExit_RefusedUntilHandled_ThenDecidedByAnother()
    {
        await SetChainsAsync();
        var organizationId = await app.OrganizationIdAsync(OtherSocialGroup);
        var code = (await app.WithAsync<IOrganizationRegister, OrganizationSummary?>(r => r.FindAsync(organizationId, CancellationToken.None)))!.CreditCode!;
        const string Lists = "/Inspections/Admin/CreditLists";
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var officer2 = await app.SignedInClientAsync(TestAccounts.Officer2);
        var officer3 = await app.SignedInClientAsync(TestAccounts.Officer3);
        var listing = new Dictionary<string, string> { ["Entry.Code"] = code, ["Entry.Cause"] = nameof(EntryCause.Unreachable), ["Entry.Decision"] = "海民社异〔2026〕9号" };

        using (var early = await officer.SubmitFormAsync(Lists, listing, "form[data-testid=enter-form]"))
        {
            (await ErrorsAsync(early)).ShouldContain("内部审批尚未完成：须先签署“承办”，才能作出列入或移出决定。");
        }

        (await app.EntriesAsync(organizationId)).ShouldBeEmpty();
        using (var proposed = await officer.SubmitFormAsync(Lists, new Dictionary<string, string>(listing) { ["Opinion"] = "经实地核查，登记住所无法取得联系，拟列入活动异常名录。" }, "form[data-testid=enter-form]", "ProposeEntry"))
        {
            await ExpectRedirectAsync(proposed, Lists);
        }

        (await officer.GetDocumentAsync(Lists)).QuerySelector("[data-testid=listing-proposals]")!.TextContent.ShouldContain(OtherSocialGroup);
        using (var samePerson = await officer.SubmitFormAsync(Lists, listing, "form[data-testid=enter-form]"))
        {
            (await ErrorsAsync(samePerson)).ShouldContain("同一案件中您已签署“承办”，不能再签署“批准”");
        }

        using (var listed = await officer2.SubmitFormAsync(Lists, listing, "form[data-testid=enter-form]"))
        {
            await ExpectRedirectAsync(listed, Lists);
        }

        var entry = (await app.EntriesAsync(organizationId)).ShouldHaveSingleItem();
        (entry.Cause, entry.IsCurrent, entry.Automatic).ShouldBe((EntryCause.Unreachable, true, false));
        (await app.StandingAsync(organizationId)).ShouldBe(CreditStanding.Abnormal);
        (await StepsAsync(CreditListService.ListingSubject, CreditListService.ListingCase(organizationId, EntryCause.Unreachable, 1))).Select(s => s.Step)
            .ShouldBe([SignOffStep.Handle, SignOffStep.Approve]);
        (await officer.GetDocumentAsync(Lists)).QuerySelector("[data-testid=listing-proposals]")!.TextContent.ShouldNotContain(OtherSocialGroup);

        // The exit: only the 承办 form on its row; the decision posted anyway is refused.
        var page = await officer2.GetDocumentAsync(Lists);
        page.QuerySelector($"form[data-testid=exit-form-{entry.Id}]").ShouldBeNull();
        var signExit = page.ReadForm(Lists, $"form[data-testid=sign-exit-form-{entry.Id}]");
        var exit = new Dictionary<string, string>
        {
            ["Exit.EntryId"] = entry.Id.ToString(CultureInfo.InvariantCulture),
            ["Exit.Version"] = entry.Version.ToString(CultureInfo.InvariantCulture),
            ["Exit.Cause"] = nameof(ExitCause.Corrected),
            ["Exit.Decision"] = "海民社更〔2026〕2号",
        };
        using (var earlyExit = await officer2.PostFormAsync(signExit, exit, "Exit"))
        {
            (await ErrorsAsync(earlyExit)).ShouldContain("内部审批尚未完成：须先签署“承办”，才能作出列入或移出决定。");
        }

        using (var handled = await officer3.SubmitFormAsync(Lists, new Dictionary<string, string> { ["Opinion"] = "住所已恢复联系，原列入有误，拟予更正移出。" }, $"form[data-testid=sign-exit-form-{entry.Id}]"))
        {
            await ExpectRedirectAsync(handled, Lists);
        }

        entry = (await app.EntriesAsync(organizationId)).Single();
        exit["Exit.Version"] = entry.Version.ToString(CultureInfo.InvariantCulture);
        using (var samePerson = await officer3.SubmitFormAsync(Lists, exit, $"form[data-testid=exit-form-{entry.Id}]"))
        {
            (await ErrorsAsync(samePerson)).ShouldContain("同一案件中您已签署“承办”，不能再签署“批准”");
        }

        using (var exited = await officer.SubmitFormAsync(Lists, exit, $"form[data-testid=exit-form-{entry.Id}]"))
        {
            await ExpectRedirectAsync(exited, Lists);
        }

        (await app.EntriesAsync(organizationId)).Single().ExitCause.ShouldBe(ExitCause.Corrected);
        (await app.StandingAsync(organizationId)).ShouldBe(CreditStanding.Good);
        (await StepsAsync(CreditListService.ExitSubject, entry.Id.ToString(CultureInfo.InvariantCulture))).Select(s => s.Step)
            .ShouldBe([SignOffStep.Handle, SignOffStep.Approve]);
    }

    [Fact]
    public async Task SignOff_Applicant_IsForbiddenAndSignsNothing()
    {
        await app.EnsureCampaignAsync(Year, OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise);
        var report = await app.ReportAsync(Year, MemberSocialGroup);
        var applicant = await app.SignedInClientAsync(DemoApplicant);
        var form = await applicant.FormTokenForAsync($"/Inspections/Admin/Report/{report.Id}");

        using var response = await applicant.PostFormAsync(form, new Dictionary<string, string> { ["Opinion"] = "同意", ["step"] = "Handle", ["Version"] = report.Version.ToString(CultureInfo.InvariantCulture) }, "SignOff");
        using var listing = await applicant.PostFormAsync(form with { Action = "/Inspections/Admin/CreditLists" }, new Dictionary<string, string> { ["Opinion"] = "同意", ["Entry.Code"] = "x" }, "ProposeEntry");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        listing.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await StepsAsync(ReportService.SignOffSubject, report.Id)).ShouldBeEmpty();
    }

    private async Task SetChainsAsync()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        using var saved = await admin.SubmitFormAsync("/Admin/Settings/Section/sign-off-chains",
            new Dictionary<string, string> { ["Values[Inspections.Result]"] = "2", ["Values[Inspections.CreditList]"] = "2" }, "form[data-testid=settings-form]");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private Task<List<SignOffEntry>> StepsAsync(string subject, int id) => StepsAsync(subject, id.ToString(CultureInfo.InvariantCulture));

    private Task<List<SignOffEntry>> StepsAsync(string subject, string id) =>
        app.InScopeAsync(services => services.GetRequiredService<RegistryDbContext>().Set<SignOffEntry>().AsNoTracking()
            .Where(e => e.SubjectType == subject && e.SubjectId == id).OrderBy(e => e.Id).ToListAsync());
}

public sealed class InspectionSignOffSqliteApp() : InspectionsApp(DatabaseKind.Sqlite, "test-register.recipe.json");

public sealed class InspectionSignOffPostgreSqlApp() : InspectionsApp(DatabaseKind.PostgreSql, "test-register.recipe.json");

public sealed class InspectionSignOffTestsOnSqlite(InspectionSignOffSqliteApp app) : InspectionSignOffTests<InspectionSignOffSqliteApp>(app), IClassFixture<InspectionSignOffSqliteApp>;

public sealed class InspectionSignOffTestsOnPostgreSql(InspectionSignOffPostgreSqlApp app) : InspectionSignOffTests<InspectionSignOffPostgreSqlApp>(app), IClassFixture<InspectionSignOffPostgreSqlApp>;
