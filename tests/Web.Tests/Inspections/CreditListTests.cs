using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Contracts;
using Registry.Testing;
using static Registry.Web.Tests.Inspections.InspectionsClient;

namespace Registry.Web.Tests.Inspections;

/// <summary>
/// The credit lists' time rules, driven by <see cref="CreditListJob"/> on a fake clock. Each class is one timeline on its
/// own app (the clock only moves forward), on each provider.
/// </summary>
public abstract class LateReportListingTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    [Fact]
    public async Task MissedDeadline_ListedOnceAsAbnormal_PublicUntilItExpiresSixMonthsLater()
    {
        await app.EnsureCampaignAsync(2025, OrganizationCodes.SocialGroup);
        var organizationId = await app.OrganizationIdAsync(OtherSocialGroup);
        app.MoveTo(new DateOnly(2026, 6, 1));

        (await app.RunCreditListJobAsync()).ShouldNotBeNull().ShouldBeGreaterThan(0);
        (await app.RunCreditListJobAsync()).ShouldBe(0);

        var entry = (await app.EntriesAsync(organizationId)).ShouldHaveSingleItem();
        (entry.List, entry.Cause, entry.Year, entry.EnteredOn, entry.Automatic).ShouldBe((CreditList.Abnormal, EntryCause.LateAnnualReport, (int?)2025, new DateOnly(2026, 6, 1), true));
        (await app.StandingAsync(organizationId)).ShouldBe(CreditStanding.Abnormal);
        var listed = await app.Client().GetDocumentAsync("/Inspections/CreditLists");
        listed.QuerySelector("[data-testid=credit-entries]")!.TextContent.ShouldContain(OtherSocialGroup);

        app.MoveTo(new DateOnly(2026, 12, 1));
        await app.RunCreditListJobAsync();

        entry = (await app.EntriesAsync(organizationId)).ShouldHaveSingleItem();
        (entry.ExitedOn, entry.ExitCause).ShouldBe((new DateOnly(2026, 12, 1), ExitCause.Expired));
        (await app.StandingAsync(organizationId)).ShouldBe(CreditStanding.Good);
        var after = await app.Client().GetDocumentAsync("/Inspections/CreditLists");
        after.QuerySelector("[data-testid=no-entries]").ShouldNotBeNull();
    }
}

public abstract class SeriousListTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    [Fact]
    public async Task UnreachableForTwoYears_MovesToTheSeriousList_AndLeavesAfterTwoCleanYears()
    {
        var organizationId = await app.OrganizationIdAsync(OtherSocialGroup);
        var enteredOn = app.Today;
        var entered = await app.WithAsync<CreditListService, Registry.Core.Forms.OperationResult>(s =>
            s.EnterAsync(new EntryDecision(organizationId, EntryCause.Unreachable, null, "海民社异〔2026〕1号", enteredOn), CancellationToken.None));
        entered.Errors.ShouldBeEmpty();
        (await app.StandingAsync(organizationId)).ShouldBe(CreditStanding.Abnormal);

        app.MoveTo(enteredOn.AddYears(2).AddDays(-1));
        (await app.RunCreditListJobAsync()).ShouldBe(0);

        app.MoveTo(enteredOn.AddYears(2));
        (await app.RunCreditListJobAsync()).ShouldBe(1);
        (await app.RunCreditListJobAsync()).ShouldBe(0);

        var entries = await app.EntriesAsync(organizationId);
        entries.Count.ShouldBe(2);
        (entries[0].ExitedOn, entries[0].ExitCause).ShouldBe((enteredOn.AddYears(2), ExitCause.MovedToSerious));
        (entries[1].List, entries[1].Cause, entries[1].EnteredOn, entries[1].FromEntryId, entries[1].IsCurrent)
            .ShouldBe((CreditList.Serious, EntryCause.ProlongedAbnormal, enteredOn.AddYears(2), (int?)entries[0].Id, true));
        (await app.StandingAsync(organizationId)).ShouldBe(CreditStanding.Serious);

        app.MoveTo(enteredOn.AddYears(4));
        (await app.RunCreditListJobAsync()).ShouldBe(1);

        var serious = (await app.EntriesAsync(organizationId))[1];
        (serious.ExitedOn, serious.ExitCause).ShouldBe((enteredOn.AddYears(4), ExitCause.CleanTwoYears));
        (await app.StandingAsync(organizationId)).ShouldBe(CreditStanding.Good);
    }
}

public abstract class UnfinishedRectificationTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    [Fact]
    public async Task OverdueRectification_ListedUntilTheOfficerVerifiesIt()
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
        (entry.ExitRequestedOn, entry.IsCurrent).ShouldBe(((DateOnly?)due.AddDays(1), true));
        entry.ExitDueOn.ShouldNotBeNull().ShouldBeGreaterThan(due.AddDays(1));

        await ActAsync(report.Id, (s, r) => s.VerifyRectificationAsync(r, accepted: true, null, r.Version, CancellationToken.None));

        entry = (await app.EntriesAsync(report.OrganizationId)).Single();
        (entry.ExitedOn, entry.ExitCause).ShouldBe(((DateOnly?)due.AddDays(1), (ExitCause?)ExitCause.Rectified));
        (await app.StandingAsync(report.OrganizationId)).ShouldBe(CreditStanding.Good);
    }

    private async Task ActAsync(int reportId, Func<ReportService, AnnualReport, Task<Registry.Core.Forms.OperationResult>> action)
    {
        var result = await app.WithAsync<ReportService, Registry.Core.Forms.OperationResult>(async service => await action(service, (await service.FindAsync(reportId, CancellationToken.None))!));
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Key)));
    }
}

public sealed class LateReportListingTestsOnSqlite(InspectionsSqliteApp app) : LateReportListingTests<InspectionsSqliteApp>(app), IClassFixture<InspectionsSqliteApp>;

public sealed class LateReportListingTestsOnPostgreSql(InspectionsPostgreSqlApp app) : LateReportListingTests<InspectionsPostgreSqlApp>(app), IClassFixture<InspectionsPostgreSqlApp>;

public sealed class SeriousListTestsOnSqlite(InspectionsSqliteApp app) : SeriousListTests<InspectionsSqliteApp>(app), IClassFixture<InspectionsSqliteApp>;

public sealed class SeriousListTestsOnPostgreSql(InspectionsPostgreSqlApp app) : SeriousListTests<InspectionsPostgreSqlApp>(app), IClassFixture<InspectionsPostgreSqlApp>;

public sealed class UnfinishedRectificationTestsOnSqlite(InspectionsSqliteApp app) : UnfinishedRectificationTests<InspectionsSqliteApp>(app), IClassFixture<InspectionsSqliteApp>;

public sealed class UnfinishedRectificationTestsOnPostgreSql(InspectionsPostgreSqlApp app) : UnfinishedRectificationTests<InspectionsPostgreSqlApp>(app), IClassFixture<InspectionsPostgreSqlApp>;
