using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Forms;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Web.Data;
using Registry.Web.Tests.Ratings;
using static Registry.Web.Tests.Grants.GrantSteps;

namespace Registry.Web.Tests.Grants;

/// <summary>Funded projects through the agreement and money services, one scope per step as a request would be.</summary>
internal static class GrantProjectSteps
{
    /// <summary>A small PDF (its leading bytes are what the file store checks).</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    /// <summary>
    /// An application of <see cref="GrantsApp.MemberServiceCentre"/> in a new round, submitted and then marked awarded
    /// (the review and 公示 are part 1's, tested there); returns the application id.
    /// </summary>
    public static async Task<int> AwardedAsync(this GrantsApp app, string title, long requestedFen = 3_000_000, long matchingFen = 2_000_000)
    {
        var id = await app.SubmittedAsync(await app.OpenRoundAsync(), GrantsApp.MemberServiceCentre, Project(title, requestedFen, matchingFen));
        await app.WithAsync<RegistryDbContext, int>(async db =>
        {
            var application = await db.Set<GrantApplication>().SingleAsync(a => a.Id == id);
            application.State = GrantState.Awarded;
            application.AllocatedFen = requestedFen;
            application.AwardedFen = requestedFen;
            application.AwardedOn = app.Today;
            return await db.SaveChangesAsync();
        });
        return id;
    }

    public static Task<(OperationResult Result, GrantAgreement? Agreement)> CreateAgreementAsync(this GrantsApp app, int applicationId, string? revisionRequest = null) =>
        app.InScopeAsync(async s => await s.GetRequiredService<GrantAgreementService>().CreateAsync(
            (await s.GetRequiredService<GrantApplicationService>().FindAsync(applicationId, CancellationToken.None))!, revisionRequest, CancellationToken.None));

    public static Task<OperationResult> SignAsync(this GrantsApp app, int agreementId, byte[]? content = null, string fileName = "资助协议.pdf") =>
        app.OnAgreementAsync(agreementId, (s, r) => s.GetRequiredService<GrantAgreementService>().SignAsync(r.Agreement, app.Today, new MemoryStream(content ?? Pdf), fileName, r.Agreement.Version, CancellationToken.None));

    /// <summary>Awarded, agreement drawn up and signed today; returns the agreement id.</summary>
    public static async Task<int> SignedAgreementAsync(this GrantsApp app, string title, long requestedFen = 3_000_000)
    {
        var (result, agreement) = await app.CreateAgreementAsync(await app.AwardedAsync(title, requestedFen, matchingFen: requestedFen));
        result.ShouldSucceed();
        (await app.SignAsync(agreement!.Id)).ShouldSucceed();
        return agreement.Id;
    }

    public static Task<OperationResult> OnAgreementAsync(this GrantsApp app, int agreementId, Func<IServiceProvider, AgreementRecord, Task<OperationResult>> step) =>
        app.InScopeAsync(async s => await step(s, (await s.GetRequiredService<GrantAgreementService>().FileAsync(agreementId, CancellationToken.None))!));

    public static Task<AgreementRecord> RecordAsync(this GrantsApp app, int agreementId) =>
        app.WithAsync<GrantAgreementService, AgreementRecord>(async a => (await a.FileAsync(agreementId, CancellationToken.None))!);

    /// <summary>Pays on tranche <paramref name="index"/> (1-based), dated today.</summary>
    public static Task<OperationResult> PayAsync(this GrantsApp app, int agreementId, int index, long amountFen, string reference = "HX-2026-001") =>
        app.OnAgreementAsync(agreementId, (s, r) => s.GetRequiredService<GrantMoneyService>().RecordPaymentAsync(
            r, r.Agreement.Tranches.Single(t => t.Index == index).Id, amountFen, app.Today, reference, r.Agreement.Version, CancellationToken.None));

    /// <summary>Records an evaluation's outcome as the progress reports would (the report evaluated).</summary>
    public static Task<int> EvaluatedAsync(this GrantsApp app, int agreementId, ReportKind kind, EvaluationOutcome outcome) =>
        app.WithAsync<RegistryDbContext, int>(async db =>
        {
            var agreement = await db.Set<GrantAgreement>().SingleAsync(a => a.Id == agreementId);
            var report = await db.Set<ProgressReport>().SingleOrDefaultAsync(r => r.AgreementId == agreementId && r.Kind == kind);
            if (report is null)
            {
                report = new ProgressReport { AgreementId = agreementId, ApplicationId = agreement.ApplicationId, OrganizationId = agreement.OrganizationId, Kind = kind, DueFrom = app.Today };
                db.Add(report);
            }

            report.State = ReportState.Evaluated;
            report.Outcome = outcome;
            return await db.SaveChangesAsync();
        });
}
