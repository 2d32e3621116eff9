using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Outbox;
using Registry.Inspections.Contracts;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Contracts;
using Registry.Testing;
using Registry.Web.Data;
using static Registry.Web.Tests.Inspections.InspectionsClient;

namespace Registry.Web.Tests.Inspections;

/// <summary>
/// The credit lists' time rules (社会组织信用信息管理办法, 民政部令第60号), driven by <see cref="CreditListJob"/> on a fake
/// clock. Each class is one timeline on its own app (the clock only moves forward), on each provider.
/// </summary>
public abstract class LateReportNeverFiledTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    /// <summary>
    /// 第十条(一): listed after the deadline; 第十三条: a late report has an obligation, so it does not expire after 6
    /// months; 第十四条(一): two years on the abnormal list without filing moves it to the serious list.
    /// </summary>
    [Fact]
    public async Task LateReportNeverFiled_ListedNotExpiredAfterSixMonths_MovedToSeriousAfterTwoYears_Art10Art13Art14()
    {
        await app.EnsureCampaignAsync(2025, OrganizationCodes.SocialGroup);
        var organizationId = await app.OrganizationIdAsync(OtherSocialGroup);
        app.MoveTo(new DateOnly(2026, 5, 31));
        (await app.RunCreditListJobAsync()).ShouldBe(0);

        app.MoveTo(new DateOnly(2026, 6, 1));
        (await app.RunCreditListJobAsync()).ShouldNotBeNull().ShouldBeGreaterThan(0);
        (await app.RunCreditListJobAsync()).ShouldBe(0);

        var entry = (await app.EntriesAsync(organizationId)).ShouldHaveSingleItem();
        (entry.List, entry.Cause, entry.Year, entry.EnteredOn, entry.Automatic).ShouldBe((CreditList.Abnormal, EntryCause.LateAnnualReport, (int?)2025, new DateOnly(2026, 6, 1), true));
        (await app.StandingAsync(organizationId)).ShouldBe(CreditStanding.Abnormal);

        // Six months and more: still listed, because the report was never filed.
        app.MoveTo(new DateOnly(2026, 12, 2));
        await app.RunCreditListJobAsync();
        (await app.EntriesAsync(organizationId)).ShouldHaveSingleItem().IsCurrent.ShouldBeTrue();
        (await app.StandingAsync(organizationId)).ShouldBe(CreditStanding.Abnormal);
        var listed = await app.Client().GetDocumentAsync("/Inspections/CreditLists");
        listed.QuerySelector("[data-testid=credit-entries]")!.TextContent.ShouldContain(OtherSocialGroup);
        (await app.WithAsync<IOrganizationStandings, OrganizationStanding>(s => s.GetAsync(organizationId, CancellationToken.None))).OnAbnormalList.ShouldBeTrue();

        app.MoveTo(new DateOnly(2028, 5, 31));
        await app.RunCreditListJobAsync();
        (await app.EntriesAsync(organizationId)).ShouldHaveSingleItem().IsCurrent.ShouldBeTrue();

        app.MoveTo(new DateOnly(2028, 6, 1));
        await app.RunCreditListJobAsync();

        var entries = await app.EntriesAsync(organizationId);
        entries.Count.ShouldBe(2);
        (entries[0].ExitedOn, entries[0].ExitCause).ShouldBe((new DateOnly(2028, 6, 1), ExitCause.MovedToSerious));
        (entries[1].List, entries[1].Cause, entries[1].EnteredOn, entries[1].FromEntryId, entries[1].IsCurrent)
            .ShouldBe((CreditList.Serious, EntryCause.ProlongedAbnormal, new DateOnly(2028, 6, 1), (int?)entries[0].Id, true));
        (await app.StandingAsync(organizationId)).ShouldBe(CreditStanding.Serious);
        var standing = await app.WithAsync<IOrganizationStandings, OrganizationStanding>(s => s.GetAsync(organizationId, CancellationToken.None));
        (standing.OnAbnormalList, standing.OnSeriousList).ShouldBe((false, true));

        // 第十六条: no automatic exit from the serious list, however long.
        app.MoveTo(new DateOnly(2030, 6, 2));
        await app.RunCreditListJobAsync();
        (await app.EntriesAsync(organizationId))[1].IsCurrent.ShouldBeTrue();
    }
}

public abstract class LateReportFiledTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    /// <summary>第十三条: filed late (the application), verified by the officer's result: off the list within 5 working days of the verification.</summary>
    [Fact]
    public async Task LateReportFiledAndVerified_LeavesWithinFiveWorkingDaysOfVerification_Art13()
    {
        await app.EnsureCampaignAsync(2025, OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise);
        var report = await app.ReportAsync(2025, MemberSocialGroup);
        app.MoveTo(new DateOnly(2026, 6, 1));
        await app.RunCreditListJobAsync();
        (await app.EntriesAsync(report.OrganizationId)).ShouldHaveSingleItem().Cause.ShouldBe(EntryCause.LateAnnualReport);

        await (await app.SignedInClientAsync(DemoApplicant)).SubmitBalancedReportAsync(report.Id);
        var applied = (await app.EntriesAsync(report.OrganizationId)).Single();
        (applied.ExitRequestedOn, applied.FulfilmentVerifiedOn, applied.IsCurrent).ShouldBe(((DateOnly?)new DateOnly(2026, 6, 1), (DateOnly?)null, true));
        (await app.ReportAsync(2025, MemberSocialGroup)).SubmittedLate.ShouldBeTrue();

        // Tuesday 2026-06-02: the officer reviews the report, which verifies the obligation; 5 working days end on Tuesday 2026-06-09.
        app.MoveTo(new DateOnly(2026, 6, 2));
        var result = await app.WithAsync<ReportService, Registry.Core.Forms.OperationResult>(async s =>
        {
            var submitted = (await s.FindAsync(report.Id, CancellationToken.None))!;
            return await s.RecordResultAsync(submitted, new ResultDecision(InspectionResult.Qualified, null, null, null), submitted.Version, CancellationToken.None);
        });
        result.Errors.ShouldBeEmpty();
        (await app.EntriesAsync(report.OrganizationId)).Single().FulfilmentVerifiedOn.ShouldBe(new DateOnly(2026, 6, 2));

        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var queue = await officer.GetDocumentAsync("/Inspections/Admin/CreditLists");
        queue.QuerySelector($"[data-testid=exit-due-{applied.Id}]")!.TextContent.ShouldContain("2026-06-09");

        app.MoveTo(new DateOnly(2026, 6, 8));
        await app.RunCreditListJobAsync();
        (await app.EntriesAsync(report.OrganizationId)).Single().IsCurrent.ShouldBeTrue();

        app.MoveTo(new DateOnly(2026, 6, 9));
        (await app.RunCreditListJobAsync()).ShouldBe(1);
        var ended = (await app.EntriesAsync(report.OrganizationId)).Single();
        (ended.ExitedOn, ended.ExitCause).ShouldBe(((DateOnly?)new DateOnly(2026, 6, 9), (ExitCause?)ExitCause.Rectified));
        (await app.StandingAsync(report.OrganizationId)).ShouldBe(CreditStanding.Good);
    }
}

public abstract class UnfinishedRectificationTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    /// <summary>第十条(三) listed when overdue; 第十三条 the officer verifies the rectification and takes it off by decision.</summary>
    [Fact]
    public async Task OverdueRectification_ListedUntilVerified_ThenTheOfficerTakesItOff_Art10Art13()
    {
        await app.EnsureCampaignAsync(2025, OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise);
        var report = await app.ReportAsync(2025, MemberServiceCentre);
        await (await app.SignedInClientAsync(DemoApplicant)).SubmitBalancedReportAsync(report.Id);
        var due = app.Today.AddDays(30);
        await ActAsync(report.Id, (s, r) => s.RecordResultAsync(r, new ResultDecision(InspectionResult.Unqualified, "未按章程召开会员大会。", "召开会员大会并报送会议纪要。", due), r.Version, CancellationToken.None));

        app.MoveTo(due.AddDays(1));
        await app.RunCreditListJobAsync();

        var entry = (await app.EntriesAsync(report.OrganizationId)).ShouldHaveSingleItem();
        (entry.List, entry.Cause, entry.Year, entry.EnteredOn).ShouldBe((CreditList.Abnormal, EntryCause.UnfinishedRectification, (int?)2025, due.AddDays(1)));
        (await app.StandingAsync(report.OrganizationId)).ShouldBe(CreditStanding.Abnormal);

        await ActAsync(report.Id, (s, r) => s.SubmitRectificationAsync(r, "已于4月召开会员大会，纪要附后。", r.Version, CancellationToken.None));
        entry = (await app.EntriesAsync(report.OrganizationId)).Single();
        (entry.ExitRequestedOn, entry.FulfilmentVerifiedOn, entry.IsCurrent).ShouldBe(((DateOnly?)due.AddDays(1), (DateOnly?)null, true));

        await ActAsync(report.Id, (s, r) => s.VerifyRectificationAsync(r, accepted: true, null, r.Version, CancellationToken.None));
        entry = (await app.EntriesAsync(report.OrganizationId)).Single();
        (entry.FulfilmentVerifiedOn, entry.IsCurrent).ShouldBe(((DateOnly?)due.AddDays(1), true));

        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var form = await officer.ReadFormAsync("/Inspections/Admin/CreditLists", $"form[data-testid=exit-form-{entry.Id}]");
        using var response = await officer.PostFormAsync(form, new Dictionary<string, string> { ["Exit.Cause"] = "Rectified", ["Exit.Decision"] = "海民社移〔2026〕4号" });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, await ErrorsAsync(response));

        entry = (await app.EntriesAsync(report.OrganizationId)).Single();
        (entry.ExitedOn, entry.ExitCause).ShouldBe(((DateOnly?)due.AddDays(1), (ExitCause?)ExitCause.Rectified));
        (await app.StandingAsync(report.OrganizationId)).ShouldBe(CreditStanding.Good);
    }

    /// <summary>第十三条: a cause with nothing to fulfil ends after 6 months by itself, and not a day before; the officer cannot "rectify" it.</summary>
    [Fact]
    public async Task WarningEntry_ExpiresSixMonthsLater_NotBefore_AndCannotBeRectified_Art13()
    {
        var organizationId = await app.OrganizationIdAsync(OtherSocialGroup);
        var enteredOn = app.Today;
        var entered = await app.WithAsync<CreditListService, Registry.Core.Forms.OperationResult>(s =>
            s.EnterAsync(new EntryDecision(organizationId, EntryCause.WarningOrSmallFine, null, "海民社异〔2026〕7号", enteredOn), CancellationToken.None));
        entered.Errors.ShouldBeEmpty();
        var entry = (await app.EntriesAsync(organizationId)).Single(e => e.Cause == EntryCause.WarningOrSmallFine);

        var refused = await app.WithAsync<CreditListService, Registry.Core.Forms.OperationResult>(async s =>
            await s.ExitAsync((await s.FindAsync(entry.Id, CancellationToken.None))!, ExitCause.Rectified, "海民社移〔2026〕7号", enteredOn, entry.Version, CancellationToken.None));
        refused.Errors.ShouldHaveSingleItem().Key.ShouldBe("Insp.Error.NothingToFulfil");

        app.MoveTo(enteredOn.AddMonths(6).AddDays(-1));
        await app.RunCreditListJobAsync();
        (await app.EntriesAsync(organizationId)).Single(e => e.Id == entry.Id).IsCurrent.ShouldBeTrue();

        app.MoveTo(enteredOn.AddMonths(6));
        await app.RunCreditListJobAsync();
        var ended = (await app.EntriesAsync(organizationId)).Single(e => e.Id == entry.Id);
        (ended.ExitedOn, ended.ExitCause).ShouldBe(((DateOnly?)enteredOn.AddMonths(6), (ExitCause?)ExitCause.Expired));
    }

    private async Task ActAsync(int reportId, Func<ReportService, AnnualReport, Task<Registry.Core.Forms.OperationResult>> action)
    {
        var result = await app.WithAsync<ReportService, Registry.Core.Forms.OperationResult>(async service => await action(service, (await service.FindAsync(reportId, CancellationToken.None))!));
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Key)));
    }
}

public abstract class SeriousListTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    /// <summary>第十四条(一) moves up after two years; 第十六条 leaves only on application (the officer's decision) from two years on.</summary>
    [Fact]
    public async Task UnreachableForTwoYears_MovesToTheSeriousList_LeavesOnlyOnApplicationAfterTwoYears_Art14Art16()
    {
        var organizationId = await app.OrganizationIdAsync(OtherSocialGroup);
        var enteredOn = app.Today;
        var entered = await app.WithAsync<CreditListService, Registry.Core.Forms.OperationResult>(s =>
            s.EnterAsync(new EntryDecision(organizationId, EntryCause.Unreachable, null, "海民社异〔2026〕1号", enteredOn), CancellationToken.None));
        entered.Errors.ShouldBeEmpty();

        app.MoveTo(enteredOn.AddYears(2).AddDays(-1));
        (await app.RunCreditListJobAsync()).ShouldBe(0);

        app.MoveTo(enteredOn.AddYears(2));
        (await app.RunCreditListJobAsync()).ShouldBe(1);
        (await app.RunCreditListJobAsync()).ShouldBe(0);
        var serious = (await app.EntriesAsync(organizationId))[1];
        (serious.List, serious.Cause, serious.IsCurrent).ShouldBe((CreditList.Serious, EntryCause.ProlongedAbnormal, true));

        app.MoveTo(enteredOn.AddYears(4));
        (await app.RunCreditListJobAsync()).ShouldBe(0);
        (await ExitAsync(serious.Id, enteredOn.AddYears(4).AddDays(-1))).Errors.ShouldHaveSingleItem().Key.ShouldBe("Insp.Error.SeriousTooEarly");
        (await ExitAsync(serious.Id, enteredOn.AddYears(4))).Errors.ShouldBeEmpty();

        serious = (await app.EntriesAsync(organizationId))[1];
        (serious.ExitedOn, serious.ExitCause).ShouldBe(((DateOnly?)enteredOn.AddYears(4), (ExitCause?)ExitCause.CleanTwoYears));
        (await app.StandingAsync(organizationId)).ShouldBe(CreditStanding.Good);
    }

    private async Task<Registry.Core.Forms.OperationResult> ExitAsync(int entryId, DateOnly on) =>
        await app.WithAsync<CreditListService, Registry.Core.Forms.OperationResult>(async s =>
        {
            var entry = (await s.FindAsync(entryId, CancellationToken.None))!;
            return await s.ExitAsync(entry, ExitCause.CleanTwoYears, "海民社移〔2030〕1号", on, entry.Version, CancellationToken.None);
        });
}

public abstract class RevokedRegistrationTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    /// <summary>第十四条(七): a revoked registration is listed as seriously untrustworthy; 第十六条: it leaves only on deregistration.</summary>
    [Fact]
    public async Task RevokedRegistration_OnTheSeriousList_LeavesOnlyOnDeregistration_Art14Art16()
    {
        var organizationId = await app.OrganizationIdAsync(OtherSocialGroup);
        await SetStatusAsync(organizationId, Registry.Organizations.Domain.OrganizationStatus.Revoked);
        await FeedRevocationsAsync();
        await FeedRevocationsAsync();

        var entry = (await app.EntriesAsync(organizationId)).ShouldHaveSingleItem();
        (entry.List, entry.Cause, entry.EnteredOn, entry.IsCurrent).ShouldBe((CreditList.Serious, EntryCause.RegistrationRevoked, app.Today, true));
        (await app.StandingAsync(organizationId)).ShouldBe(CreditStanding.Serious);
        (await app.WithAsync<IOrganizationStandings, OrganizationStanding>(s => s.GetAsync(organizationId, CancellationToken.None))).OnSeriousList.ShouldBeTrue();
        var listed = await app.Client().GetDocumentAsync("/Inspections/CreditLists");
        listed.QuerySelector("[data-testid=credit-entries]")!.TextContent.ShouldContain(OtherSocialGroup);

        var refused = await app.WithAsync<CreditListService, Registry.Core.Forms.OperationResult>(async s =>
            await s.ExitAsync((await s.FindAsync(entry.Id, CancellationToken.None))!, ExitCause.CleanTwoYears, "海民社移〔2029〕1号", app.Today, entry.Version, CancellationToken.None));
        refused.Errors.ShouldHaveSingleItem().Key.ShouldBe("Insp.Error.RevokedLeavesOnDeregistration");

        await SetStatusAsync(organizationId, Registry.Organizations.Domain.OrganizationStatus.Deregistered);
        await app.RunCreditListJobAsync();
        var ended = (await app.EntriesAsync(organizationId)).Single();
        (ended.ExitedOn, ended.ExitCause).ShouldBe(((DateOnly?)app.Today, (ExitCause?)ExitCause.Deregistered));
        (await app.StandingAsync(organizationId)).ShouldBe(CreditStanding.Good);
    }

    /// <summary>As an officer's change of status would: the register row and its change-feed event, in one save.</summary>
    private Task<int> SetStatusAsync(int organizationId, Registry.Organizations.Domain.OrganizationStatus status) =>
        app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<RegistryDbContext>();
            var organization = await db.Set<Registry.Organizations.Domain.Organization>().SingleAsync(o => o.Id == organizationId);
            organization.Status = status;
            organization.StatusChangedOn = app.Today;
            services.GetRequiredService<IOutbox>().Publish(OrganizationEvents.Changed, new OrganizationChanged(organizationId));
            return await db.SaveChangesAsync();
        });

    /// <summary>Hands the register's events to the inspections' consumer, as the dispatcher does (the fake clock holds it still).</summary>
    private Task<int> FeedRevocationsAsync() =>
        app.InScopeAsync(async services =>
        {
            var consumer = services.GetServices<IOutboxConsumer>().Single(c => c.Name == "inspections.revoked-registrations");
            var messages = await services.GetRequiredService<RegistryDbContext>().Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Topic == OrganizationEvents.Changed).OrderBy(m => m.Id).ToListAsync();
            foreach (var message in messages.Where(m => consumer.Accepts(m.Topic)))
            {
                await consumer.HandleAsync(message, CancellationToken.None);
            }

            return messages.Count;
        });
}

public sealed class LateReportNeverFiledTestsOnSqlite(InspectionsSqliteApp app) : LateReportNeverFiledTests<InspectionsSqliteApp>(app), IClassFixture<InspectionsSqliteApp>;

public sealed class LateReportNeverFiledTestsOnPostgreSql(InspectionsPostgreSqlApp app) : LateReportNeverFiledTests<InspectionsPostgreSqlApp>(app), IClassFixture<InspectionsPostgreSqlApp>;

public sealed class LateReportFiledTestsOnSqlite(InspectionsSqliteApp app) : LateReportFiledTests<InspectionsSqliteApp>(app), IClassFixture<InspectionsSqliteApp>;

public sealed class LateReportFiledTestsOnPostgreSql(InspectionsPostgreSqlApp app) : LateReportFiledTests<InspectionsPostgreSqlApp>(app), IClassFixture<InspectionsPostgreSqlApp>;

public sealed class SeriousListTestsOnSqlite(InspectionsSqliteApp app) : SeriousListTests<InspectionsSqliteApp>(app), IClassFixture<InspectionsSqliteApp>;

public sealed class SeriousListTestsOnPostgreSql(InspectionsPostgreSqlApp app) : SeriousListTests<InspectionsPostgreSqlApp>(app), IClassFixture<InspectionsPostgreSqlApp>;

public sealed class UnfinishedRectificationTestsOnSqlite(InspectionsSqliteApp app) : UnfinishedRectificationTests<InspectionsSqliteApp>(app), IClassFixture<InspectionsSqliteApp>;

public sealed class UnfinishedRectificationTestsOnPostgreSql(InspectionsPostgreSqlApp app) : UnfinishedRectificationTests<InspectionsPostgreSqlApp>(app), IClassFixture<InspectionsPostgreSqlApp>;

public sealed class RevokedRegistrationTestsOnSqlite(InspectionsSqliteApp app) : RevokedRegistrationTests<InspectionsSqliteApp>(app), IClassFixture<InspectionsSqliteApp>;

public sealed class RevokedRegistrationTestsOnPostgreSql(InspectionsPostgreSqlApp app) : RevokedRegistrationTests<InspectionsPostgreSqlApp>(app), IClassFixture<InspectionsPostgreSqlApp>;
