using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Forms;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Contracts;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Organizations;
using static Registry.Web.Tests.Inspections.InspectionsClient;

namespace Registry.Web.Tests.Inspections;

/// <summary>
/// Foundations report by 31 March, other types by 31 May, in one campaign (基金会管理条例 第三十六条); public pages say
/// 未报送 only once a report's own deadline has passed. One timeline on its own app, on each provider.
/// </summary>
public abstract class FoundationDeadlineTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    private const string Foundation = "宁波市海曙区教育发展基金会";

    [Fact]
    public async Task Campaign_FoundationLateAfter31March_OthersOnlyAfter31May_PublicPageSaysNotYetDueUntilThen_Art36()
    {
        await app.EnsureCampaignAsync(2025, OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise, OrganizationCodes.Foundation);
        var foundationId = await app.OrganizationIdAsync(Foundation);
        var socialGroupId = await app.OrganizationIdAsync(OtherSocialGroup);
        (await InspectionCellAsync(foundationId)).ShouldBe("报送中（截止 2026-03-31）");
        (await InspectionCellAsync(socialGroupId)).ShouldBe("报送中（截止 2026-05-31）");

        app.MoveTo(new DateOnly(2026, 3, 31));
        (await app.RunCreditListJobAsync()).ShouldBe(0);

        app.MoveTo(new DateOnly(2026, 4, 1));
        await app.RunCreditListJobAsync();
        (await app.EntriesAsync(foundationId)).ShouldHaveSingleItem().Cause.ShouldBe(EntryCause.LateAnnualReport);
        (await app.EntriesAsync(socialGroupId)).ShouldBeEmpty();
        (await InspectionCellAsync(foundationId)).ShouldBe("未报送");
        (await InspectionCellAsync(socialGroupId)).ShouldBe("报送中（截止 2026-05-31）");

        app.MoveTo(new DateOnly(2026, 6, 1));
        await app.RunCreditListJobAsync();
        (await app.EntriesAsync(socialGroupId)).ShouldHaveSingleItem().Cause.ShouldBe(EntryCause.LateAnnualReport);
        (await app.EntriesAsync(foundationId)).ShouldHaveSingleItem();
        (await InspectionCellAsync(socialGroupId)).ShouldBe("未报送");
    }

    private async Task<string> InspectionCellAsync(int organizationId) =>
        (await app.Client().GetDocumentAsync($"/Organizations/Org/{organizationId}")).QuerySelector("[data-testid=inspection-2025]")!.TextContent.Trim();
}

public abstract class FoundationAuditReportTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    private const string Foundation = "宁波市海曙区教育发展基金会";

    /// <summary>基金会管理条例 第三十六条: a 4A+ foundation on the simplified form still files the CPA audit report.</summary>
    [Fact]
    public async Task SimplifiedFoundationReport_WithoutAuditReport_IsRefused_WithItAccepted_Art36()
    {
        await app.EnsureCampaignAsync(2025, OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise, OrganizationCodes.Foundation);
        var report = await app.ReportAsync(2025, Foundation);
        report.TypeCode.ShouldBe(OrganizationCodes.Foundation);
        // As a 4A grade gives it when the campaign opens (SimplifiedFromGrade 4).
        await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<RegistryDbContext>();
            var stored = await db.Set<AnnualReport>().SingleAsync(r => r.Id == report.Id);
            stored.Simplified = true;
            return await db.SaveChangesAsync();
        });

        (await ActAsync(report.Id, (s, r) => s.SaveDraftAsync(r, Balanced(), r.Version, CancellationToken.None))).Errors.ShouldBeEmpty();
        (await ActAsync(report.Id, (s, r) => s.AttachAsync(r, ReportDocuments.FinancialStatements, new MemoryStream(RegistrationClient.Pdf), "财务报表.pdf", r.Version, CancellationToken.None))).Errors.ShouldBeEmpty();

        var refused = await ActAsync(report.Id, (s, r) => s.SubmitAsync(r, r.Version, CancellationToken.None));
        refused.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Key.ShouldBe("Insp.Error.DocumentMissing"), e => e.Args.ShouldBe(["Insp.Doc.AuditReport"]));

        (await ActAsync(report.Id, (s, r) => s.AttachAsync(r, ReportDocuments.AuditReport, new MemoryStream(RegistrationClient.Pdf), "审计报告.pdf", r.Version, CancellationToken.None))).Errors.ShouldBeEmpty();
        (await ActAsync(report.Id, (s, r) => s.SubmitAsync(r, r.Version, CancellationToken.None))).Errors.ShouldBeEmpty();
        (await app.ReportAsync(2025, Foundation)).State.ShouldBe(ReportState.Submitted);
    }

    [Fact]
    public async Task OpenCampaign_ByOfficerForm_GivesFoundationsTheirOwnDeadline_Art36()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        using var response = await officer.OpenCampaignAsync(2024, new DateOnly(2025, 5, 31), OrganizationCodes.SocialGroup, OrganizationCodes.Foundation);
        await ExpectRedirectAsync(response, "/Inspections/Admin/Campaign/2024");

        var campaign = (await app.WithAsync<CampaignService, InspectionCampaign?>(s => s.FindAsync(2024, CancellationToken.None)))!;
        campaign.DeadlineFor(OrganizationCodes.Foundation).ShouldBe(new DateOnly(2025, 3, 31));
        campaign.DeadlineFor(OrganizationCodes.SocialGroup).ShouldBe(new DateOnly(2025, 5, 31));
        var page = await officer.GetDocumentAsync("/Inspections/Admin/Campaign/2024");
        page.QuerySelector("[data-testid=deadlines]")!.TextContent.ShouldContain("2025-03-31");
    }

    private static ReportContent Balanced() => new()
    {
        WorkSummary = "资助困难学生120名。",
        NextYearPlan = "继续开展助学项目。",
        IncomeDonationsFen = 500_000,
        ExpenseProgrammeFen = 300_000,
        NetAssetsStartFen = 1_000_000,
        NetAssetsEndFen = 1_200_000,
    };

    private Task<OperationResult> ActAsync(int reportId, Func<ReportService, AnnualReport, Task<OperationResult>> action) =>
        app.WithAsync<ReportService, OperationResult>(async service => await action(service, (await service.FindAsync(reportId, CancellationToken.None))!));
}

public sealed class FoundationDeadlineTestsOnSqlite(InspectionsSqliteApp app) : FoundationDeadlineTests<InspectionsSqliteApp>(app), IClassFixture<InspectionsSqliteApp>;

public sealed class FoundationDeadlineTestsOnPostgreSql(InspectionsPostgreSqlApp app) : FoundationDeadlineTests<InspectionsPostgreSqlApp>(app), IClassFixture<InspectionsPostgreSqlApp>;

public sealed class FoundationAuditReportTestsOnSqlite(InspectionsSqliteApp app) : FoundationAuditReportTests<InspectionsSqliteApp>(app), IClassFixture<InspectionsSqliteApp>;

public sealed class FoundationAuditReportTestsOnPostgreSql(InspectionsPostgreSqlApp app) : FoundationAuditReportTests<InspectionsPostgreSqlApp>(app), IClassFixture<InspectionsPostgreSqlApp>;
