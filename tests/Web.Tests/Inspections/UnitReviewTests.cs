using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Mail;
using Registry.Core.Notifications;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;
using Registry.Testing;
using Registry.Web.Data;
using static Registry.Web.Tests.Inspections.InspectionsClient;

namespace Registry.Web.Tests.Inspections;

/// <summary>
/// Issue 19, the supervising unit's 初审 of annual reports over HTTP on each provider: a report of an organization with a
/// unit goes to the unit first, the unit agrees (the bureau sees its opinion) or returns it (the applicant sees the reason,
/// corrects and files again); another unit does not find it; a directly registered organization goes straight to the
/// bureau; past the unit's deadline the report is marked overdue for the unit and the bureau.
/// </summary>
public abstract class UnitReviewTests<TApp>(TApp app)
    where TApp : UnitReviewApp
{
    private const int Year = 2025;

    [Fact]
    public async Task Submit_OrganizationWithAUnit_GoesToUnitReviewAndTheUnitIsTold()
    {
        var id = await app.ReportIdAsync(UnitReviewApp.Supervised[0]);
        var applicant = await app.SignedInClientAsync(DemoApplicant);

        await applicant.SubmitBalancedReportAsync(id);

        var report = await app.ReportAsync(Year, UnitReviewApp.Supervised[0]);
        (report.State, report.UnitName, report.UnitOutcome).ShouldBe((ReportState.UnitReview, UnitReviewApp.UnitA, (UnitReviewOutcome?)null));
        (await app.MailSubjectsToAsync(TestAccounts.Supervisor.Email)).ShouldContain(s => s.Contains(UnitReviewApp.Supervised[0], StringComparison.Ordinal));
        (await app.NoticeLinksOfAsync(TestAccounts.Supervisor.Email)).ShouldContain($"/Inspections/Unit/Report/{id}");
        (await app.AuditCountAsync("inspections.report-submitted-to-unit", id)).ShouldBe(1);

        var supervisor = await app.SignedInClientAsync(TestAccounts.Supervisor);
        var list = await supervisor.GetDocumentAsync("/Inspections/Unit");
        list.QuerySelector($"[data-testid=unit-report-{id}]").ShouldNotBeNull();
        // The bureau cannot decide before the unit: no result form, the unit named.
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var adminPage = await officer.GetDocumentAsync($"/Inspections/Admin/Report/{id}");
        adminPage.QuerySelector("[data-testid=with-unit]")!.TextContent.ShouldContain(UnitReviewApp.UnitA);
        adminPage.QuerySelector("[data-testid=result-form]").ShouldBeNull();
        // The applicant follows the steps.
        var mine = await applicant.GetDocumentAsync($"/Inspections/Report/{id}");
        mine.QuerySelector("[data-step=UnitReview]")!.GetAttribute("data-status").ShouldBe(nameof(ReportStepStatus.Current));
    }

    [Fact]
    public async Task UnitAgrees_WithAnOpinion_BureauReviewsItAndSeesTheOpinion()
    {
        var id = await app.ReportIdAsync(UnitReviewApp.Supervised[1]);
        var applicant = await app.SignedInClientAsync(DemoApplicant);
        await applicant.SubmitBalancedReportAsync(id);
        var supervisor = await app.SignedInClientAsync(TestAccounts.Supervisor);
        const string opinion = "经审核，该会2025年度活动符合章程，同意报送。";

        using (var agreed = await supervisor.SubmitFormAsync($"/Inspections/Unit/Report/{id}", new Dictionary<string, string> { ["Opinion"] = opinion }, "form[data-testid=unit-review-form]", handler: "Agree"))
        {
            await ExpectRedirectAsync(agreed, $"/Inspections/Unit/Report/{id}");
        }

        var report = await app.ReportAsync(Year, UnitReviewApp.Supervised[1]);
        (report.State, report.UnitOutcome, report.UnitOpinion).ShouldBe((ReportState.Submitted, UnitReviewOutcome.Agreed, opinion));
        (await app.AuditCountAsync("inspections.unit-review-agreed", id)).ShouldBe(1);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var adminPage = await officer.GetDocumentAsync($"/Inspections/Admin/Report/{id}");
        adminPage.QuerySelector("[data-testid=unit-opinion-text]")!.TextContent.Trim().ShouldBe(opinion);
        adminPage.QuerySelector("[data-testid=result-form]").ShouldNotBeNull();
        // The applicant sees the step done, not the opinion's text.
        var mine = await applicant.GetDocumentAsync($"/Inspections/Report/{id}");
        mine.QuerySelector("[data-step=UnitReview]")!.GetAttribute("data-status").ShouldBe(nameof(ReportStepStatus.Done));
        mine.QuerySelector("[data-step=BureauReview]")!.GetAttribute("data-status").ShouldBe(nameof(ReportStepStatus.Current));
        mine.Body!.TextContent.ShouldNotContain(opinion);
        // Answered: no longer waiting, listed under answered.
        (await supervisor.GetDocumentAsync("/Inspections/Unit")).QuerySelector($"[data-testid=unit-report-{id}]").ShouldBeNull();
        (await supervisor.GetDocumentAsync("/Inspections/Unit?show=Answered")).QuerySelector($"[data-testid=unit-report-{id}]").ShouldNotBeNull();
    }

    [Fact]
    public async Task UnitReturns_OpinionRequired_ApplicantSeesTheReasonCorrectsAndFilesAgain()
    {
        var id = await app.ReportIdAsync(UnitReviewApp.Supervised[2]);
        var applicant = await app.SignedInClientAsync(DemoApplicant);
        await applicant.SubmitBalancedReportAsync(id);
        var supervisor = await app.SignedInClientAsync(TestAccounts.Supervisor);

        using (var refused = await supervisor.SubmitFormAsync($"/Inspections/Unit/Report/{id}", new Dictionary<string, string> { ["Opinion"] = " " }, "form[data-testid=unit-review-form]", handler: "Return"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ErrorsAsync(refused)).ShouldContain("初审意见");
        }

        (await app.ReportAsync(Year, UnitReviewApp.Supervised[2])).State.ShouldBe(ReportState.UnitReview);
        const string reason = "工作报告未写明换届选举情况，请补充后重新报送。";
        using (var returned = await supervisor.SubmitFormAsync($"/Inspections/Unit/Report/{id}", new Dictionary<string, string> { ["Opinion"] = reason }, "form[data-testid=unit-review-form]", handler: "Return"))
        {
            await ExpectRedirectAsync(returned, $"/Inspections/Unit/Report/{id}");
        }

        var report = await app.ReportAsync(Year, UnitReviewApp.Supervised[2]);
        (report.State, report.UnitOutcome, report.ReturnNote).ShouldBe((ReportState.Returned, UnitReviewOutcome.Returned, reason));
        (await app.AuditCountAsync("inspections.unit-review-returned", id)).ShouldBe(1);
        (await app.MailSubjectsToAsync(DemoApplicant.Email)).ShouldContain("2025年度报告被业务主管单位退回");
        var mine = await applicant.GetDocumentAsync($"/Inspections/Report/{id}");
        mine.QuerySelector("[data-testid=return-note]")!.TextContent.ShouldContain(reason);
        mine.QuerySelector("[data-step=UnitReview]")!.GetAttribute("data-status").ShouldBe(nameof(ReportStepStatus.Returned));
        (await applicant.GetDocumentAsync($"/Inspections/Report/Edit/{id}")).QuerySelector("[data-testid=return-note]")!.TextContent.ShouldContain("业务主管单位退回修改");

        var corrected = BalancedReport();
        corrected["Input.WorkSummary"] += "2025年12月完成换届选举。";
        using (var again = await applicant.PostReportAsync(id, "Submit", corrected))
        {
            await ExpectRedirectAsync(again, $"/Inspections/Report/{id}");
        }

        var refiled = await app.ReportAsync(Year, UnitReviewApp.Supervised[2]);
        (refiled.State, refiled.UnitOutcome, refiled.ReturnNote).ShouldBe((ReportState.UnitReview, (UnitReviewOutcome?)null, (string?)null));
    }

    [Fact]
    public async Task OtherUnit_ReportOfAnotherUnitsOrganization_IsNotFoundAndUnchanged()
    {
        var id = await app.ReportIdAsync(UnitReviewApp.Supervised[3]);
        var applicant = await app.SignedInClientAsync(DemoApplicant);
        await applicant.SubmitBalancedReportAsync(id);
        var before = await app.ReportAsync(Year, UnitReviewApp.Supervised[3]);
        var other = await app.SignedInClientAsync(TestAccounts.Supervisor2);

        using (var page = await other.GetAsync(new Uri($"/Inspections/Unit/Report/{id}", UriKind.Relative)))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var form = await other.FormTokenForAsync($"/Inspections/Unit/Report/{id}");
        using (var posted = await other.PostFormAsync(form, new Dictionary<string, string> { ["Opinion"] = "同意。", ["Version"] = before.Version.ToString(CultureInfo.InvariantCulture) }, "Agree"))
        {
            posted.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await app.ReportAsync(Year, UnitReviewApp.Supervised[3])).Version.ShouldBe(before.Version);
        (await other.GetDocumentAsync("/Inspections/Unit?show=All")).QuerySelector($"[data-testid=unit-report-{id}]").ShouldBeNull();
        // Nor can the organization's own applicant or an officer act as the unit.
        using var applicantPage = await applicant.GetAsync(new Uri($"/Inspections/Unit/Report/{id}", UriKind.Relative));
        applicantPage.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Submit_DirectlyRegisteredOrganization_SkipsTheUnit()
    {
        var id = await app.ReportIdAsync(UnitReviewApp.Direct);
        var applicant = await app.SignedInClientAsync(DemoApplicant);

        await applicant.SubmitBalancedReportAsync(id);

        var report = await app.ReportAsync(Year, UnitReviewApp.Direct);
        (report.State, report.UnitId, report.UnitName).ShouldBe((ReportState.Submitted, (int?)null, (string?)null));
        var mine = await applicant.GetDocumentAsync($"/Inspections/Report/{id}");
        mine.QuerySelector("[data-step=UnitReview]").ShouldBeNull();
        mine.QuerySelector("[data-step=BureauReview]")!.GetAttribute("data-status").ShouldBe(nameof(ReportStepStatus.Current));
    }

    [Fact]
    public async Task Deadline_PassedWithoutAnAnswer_MarkedOverdueForTheUnitAndTheBureauAndNotPassedOn()
    {
        var id = await app.ReportIdAsync(UnitReviewApp.Supervised[4]);
        var applicant = await app.SignedInClientAsync(DemoApplicant);
        await applicant.SubmitBalancedReportAsync(id);
        var supervisor = await app.SignedInClientAsync(TestAccounts.Supervisor);
        var page = await supervisor.GetDocumentAsync($"/Inspections/Unit/Report/{id}");
        page.QuerySelector("[data-testid=overdue]").ShouldBeNull();
        var due = DateOnly.ParseExact(page.QuerySelector("[data-testid=unit-due]")!.TextContent.Trim()[^10..], "yyyy-MM-dd", CultureInfo.InvariantCulture);

        app.MoveTo(due.AddDays(1));
        // A month on, the sign-ins of the morning have expired: sign in again.
        supervisor = await app.SignedInClientAsync(TestAccounts.Supervisor);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        (await supervisor.GetDocumentAsync($"/Inspections/Unit/Report/{id}")).QuerySelector("[data-testid=overdue]").ShouldNotBeNull();
        (await supervisor.GetDocumentAsync("/Inspections/Unit?overdue=true")).QuerySelector($"[data-testid=unit-report-{id}] [data-testid=overdue]").ShouldNotBeNull();
        (await officer.GetDocumentAsync($"/Inspections/Admin/Report/{id}")).QuerySelector("[data-testid=with-unit] [data-testid=overdue]").ShouldNotBeNull();
        (await officer.GetDocumentAsync($"/Inspections/Admin/Campaign/{Year}?state=UnitReview")).QuerySelector($"[data-testid=unit-overdue-{id}]").ShouldNotBeNull();
        // Overdue is a marker, not a decision: the report stays with the unit.
        (await app.ReportAsync(Year, UnitReviewApp.Supervised[4])).State.ShouldBe(ReportState.UnitReview);
    }

    [Fact]
    public async Task Settings_DeadlineSavedThroughTheRecipeStep_MovesTheDueDate()
    {
        var id = await app.ReportIdAsync(UnitReviewApp.Supervised[5]);
        var applicant = await app.SignedInClientAsync(DemoApplicant);
        await applicant.SubmitBalancedReportAsync(id);
        var supervisor = await app.SignedInClientAsync(TestAccounts.Supervisor);
        try
        {
            await app.RunStepAsync("""{ "name": "settings-section", "section": "unit-review", "values": { "Deadline": "04-30" } }""");

            var page = await supervisor.GetDocumentAsync($"/Inspections/Unit/Report/{id}");
            page.QuerySelector("[data-testid=unit-due]")!.TextContent.ShouldContain("2026-04-30");
            await Should.ThrowAsync<RecipeFailedException>(() => app.RunStepAsync("""{ "name": "settings-section", "section": "unit-review", "values": { "Deadline": "02-29" } }"""));
        }
        finally
        {
            await app.RunStepAsync("""{ "name": "settings-section", "section": "unit-review", "values": { "Deadline": "03-31" } }""");
        }
    }

    [Fact]
    public async Task UnitDesk_NothingWaitingForTheOtherUnit_ShowsTheEmptyState()
    {
        var other = await app.SignedInClientAsync(TestAccounts.Supervisor2);

        var page = await other.GetDocumentAsync("/Inspections/Unit");

        page.QuerySelector("[data-testid=unit-empty]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=unit-name]")!.TextContent.ShouldContain(UnitReviewApp.UnitB);
    }
}

/// <summary>
/// The demo register (test-register recipe) plus organizations supervised by the test recipe's 海曙区测试主管局甲 (one
/// per test) and a directly registered one, all acted for by the demo applicant, with the 2025 campaign opened after them.
/// </summary>
public abstract class UnitReviewApp(DatabaseKind kind) : InspectionsApp(kind, "test-register.recipe.json")
{
    public const string UnitA = "海曙区测试主管局甲";

    public const string UnitB = "海曙区测试主管局乙";

    public static readonly IReadOnlyList<string> Supervised = [.. Enumerable.Range(1, 6).Select(n => $"宁波市海曙区初审测试{n}号研究会")];

    public const string Direct = "宁波市海曙区初审测试直接登记慈善服务中心";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var unitA = await db.Set<SupervisingUnit>().Where(u => u.Name == UnitA).Select(u => u.Id).SingleAsync();
            Organization Make(string name, int? unitId, OrganizationType type) => new()
            {
                Name = name,
                NormalizedName = name,
                Type = type,
                Status = OrganizationStatus.Active,
                Street = "鼓楼街道",
                District = "海曙区",
                SupervisingUnit = unitId is null ? null : UnitA,
                SupervisingUnitId = unitId,
                LegalRepresentative = "测试",
                FoundedOn = new DateOnly(2020, 1, 1),
            };
            var organizations = Supervised.Select(n => Make(n, unitA, OrganizationType.SocialGroup)).Append(Make(Direct, null, OrganizationType.PrivateNonEnterprise)).ToList();
            db.AddRange(organizations);
            await db.SaveChangesAsync();
            var applicant = await scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(DemoApplicant.Email);
            var register = scope.ServiceProvider.GetRequiredService<IOrganizationRegister>();
            foreach (var organization in organizations)
            {
                await register.AddMemberAsync(organization.Id, applicant!.Id, isOrgAdmin: true, CancellationToken.None);
            }
        }

        await EnsureCampaignAsync(2025, OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise);
    }

    public async Task<int> ReportIdAsync(string organizationName) => (await ReportAsync(2025, organizationName)).Id;

    public Task<List<string>> MailSubjectsToAsync(string email) =>
        WithAsync<RegistryDbContext, List<string>>(db => db.Set<MailMessage>().AsNoTracking().Where(m => m.To == email).Select(m => m.Subject).ToListAsync());

    public Task<List<string?>> NoticeLinksOfAsync(string email) => InScopeAsync(async s =>
    {
        var user = await s.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(email);
        return await s.GetRequiredService<RegistryDbContext>().Set<Notification>().AsNoTracking().Where(n => n.UserId == user!.Id).Select(n => n.Link).ToListAsync();
    });

    public Task<int> AuditCountAsync(string action, int reportId) =>
        WithAsync<RegistryDbContext, int>(db => db.Set<AuditEntry>().CountAsync(a => a.Action == action && a.EntityId == reportId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Runs one recipe step, as the recipe runner would from a file; throws what the runner throws on a refused step.</summary>
    public async Task RunStepAsync(string step)
    {
        var file = Path.Combine(Path.GetTempPath(), $"unit-review-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(file, $$"""{ "name": "unit-review-test-{{Guid.NewGuid():N}}", "steps": [ {{step}} ] }""");
        try
        {
            await using var scope = Scope();
            await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(file, CancellationToken.None);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class UnitReviewSqliteApp() : UnitReviewApp(DatabaseKind.Sqlite);

public sealed class UnitReviewPostgreSqlApp() : UnitReviewApp(DatabaseKind.PostgreSql);

public sealed class UnitReviewTestsOnSqlite(UnitReviewSqliteApp app) : UnitReviewTests<UnitReviewSqliteApp>(app), IClassFixture<UnitReviewSqliteApp>;

public sealed class UnitReviewTestsOnPostgreSql(UnitReviewPostgreSqlApp app) : UnitReviewTests<UnitReviewPostgreSqlApp>(app), IClassFixture<UnitReviewPostgreSqlApp>;
