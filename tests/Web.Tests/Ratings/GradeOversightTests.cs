using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Outbox;
using Registry.Ratings.Domain;
using Registry.Testing;
using Registry.Web.Data;

namespace Registry.Web.Tests.Ratings;

/// <summary>
/// Grades during their validity: proposals raised by the inspections module's "result recorded" event (written straight
/// into the change feed, as that module publishes it) and decided by an officer, and the 2026 follow-up draw; over HTTP
/// where an officer acts, on each provider.
/// </summary>
public abstract class GradeOversightTests<TApp>(TApp app)
    where TApp : RatingsApp
{
    private const string ConsumerName = "ratings.grade-proposals";

    /// <summary>
    /// 民政部令第39号: a 4A holder (grade awarded under the 2010 measures) whose 2025 inspection was 不合格 gets one
    /// cancellation proposal, however often the event arrives or is replayed from an older checkpoint; the officer accepts
    /// it on the proposals page and the grade ends, audited.
    /// </summary>
    [Fact]
    public async Task ResultRecorded_UnqualifiedTwiceAndReplayed_OneProposalWhichTheOfficerAccepts()
    {
        const string name = "宁波市海曙区餐饮行业协会";
        var organizationId = await app.OrganizationIdAsync(name);
        await app.ArrangeGradeAsync(name, 4, new DateOnly(2024, 1, 10), new DateOnly(2029, 1, 9));

        var first = await WriteResultRecordedAsync(organizationId, 2025, "Unqualified");
        var repeated = await WriteResultRecordedAsync(organizationId, 2025, "Unqualified");
        await DispatchThroughAsync(repeated);
        await RewindCheckpointAsync(first - 1);
        await DispatchThroughAsync(repeated);

        var proposal = (await ProposalsAsync(organizationId)).ShouldHaveSingleItem();
        (proposal.Kind, proposal.Cause, proposal.InspectionYear, proposal.CurrentGrade, proposal.ProposedGrade, proposal.State, proposal.SourceMessageId)
            .ShouldBe((ProposalKind.Downgrade, ProposalCause.Unqualified, 2025, 4, 0, ProposalState.Open, first));

        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var form = $"form[data-proposal='{proposal.Id}']";
        using var response = await officer.SubmitFormAsync("/Ratings/Admin/Proposals",
            new Dictionary<string, string> { ["Decision.Reason"] = "2025年度年检不合格，取消评估等级。" }, form, handler: "Accept");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ProposalsAsync(organizationId)).Single().State.ShouldBe(ProposalState.Accepted);
        (await app.RegisterGradeAsync(organizationId)).ShouldBe(0);
        (await app.GradesAsync(organizationId)).Single().EndedOn.ShouldBe(app.Today);
        (await AuditAsync("ratings.proposal-accepted")).ShouldContain(s => s.Contains(name, StringComparison.Ordinal));
    }

    /// <summary>基本合格 in 2025 after 基本合格 in 2024 proposes one grade lower; a dismissal needs a reason and leaves the grade.</summary>
    [Fact]
    public async Task ResultRecorded_BasicallyQualifiedSecondYear_ProposesOneLowerAndADismissalKeepsTheGrade()
    {
        // The test recipe's inspection results: 宁波市海曙区家庭教育研究会 was 基本合格 in 2024.
        const string name = "宁波市海曙区家庭教育研究会";
        var organizationId = await app.OrganizationIdAsync(name);
        await app.ArrangeGradeAsync(name, 3, new DateOnly(2023, 6, 1), new DateOnly(2028, 5, 31));
        await DispatchThroughAsync(await WriteResultRecordedAsync(organizationId, 2025, "BasicallyQualified"));
        var proposal = (await ProposalsAsync(organizationId)).ShouldHaveSingleItem();
        (proposal.Cause, proposal.ProposedGrade).ShouldBe((ProposalCause.BasicallyQualifiedTwice, 2));
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var form = $"form[data-proposal='{proposal.Id}']";

        using var blank = await officer.SubmitFormAsync("/Ratings/Admin/Proposals", new Dictionary<string, string> { ["Decision.Reason"] = " " }, form, handler: "Dismiss");
        using var dismissed = await officer.SubmitFormAsync("/Ratings/Admin/Proposals", new Dictionary<string, string> { ["Decision.Reason"] = "2024年度问题已整改完毕，维持等级。" }, form, handler: "Dismiss");

        blank.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await blank.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("请填写理由。");
        dismissed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ProposalsAsync(organizationId)).Single().State.ShouldBe(ProposalState.Dismissed);
        (await app.RegisterGradeAsync(organizationId)).ShouldBe(3);
        (await AuditAsync("ratings.proposal-dismissed")).ShouldContain(s => s.Contains(name, StringComparison.Ordinal));
    }

    /// <summary>A qualified result, or an organization without a grade, raises nothing.</summary>
    [Fact]
    public async Task ResultRecorded_QualifiedOrNoGrade_NoProposal()
    {
        var graded = await app.OrganizationIdAsync("宁波市海曙区物业管理协会");
        await app.ArrangeGradeAsync("宁波市海曙区物业管理协会", 5, new DateOnly(2024, 1, 10), new DateOnly(2029, 1, 9));
        var ungraded = await app.OrganizationIdAsync("宁波市海曙区民宿联合会");

        await WriteResultRecordedAsync(graded, 2025, "Qualified");
        await DispatchThroughAsync(await WriteResultRecordedAsync(ungraded, 2025, "Unqualified"));

        (await ProposalsAsync(graded)).ShouldBeEmpty();
        (await ProposalsAsync(ungraded)).ShouldBeEmpty();
    }

    /// <summary>2026 revision: the officer draws a share of the 4A+ holders with a published seed; the page recomputes the draw.</summary>
    [Fact]
    public async Task FollowUpDraw_WithASeed_RecordedReproducibleAndEachDrawnOrganizationUnderEvaluation()
    {
        foreach (var name in new[] { "宁波市海曙区志愿者协会", "宁波市海曙区青少年发展促进会", "宁波市海曙区社会组织联合会" })
        {
            await app.ArrangeGradeAsync(name, 4, new DateOnly(2027, 1, 1).AddYears(-1), new DateOnly(2030, 12, 31));
        }

        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        using var response = await officer.SubmitFormAsync("/Ratings/Admin/Evaluations",
            new Dictionary<string, string> { ["Draw.SharePercent"] = "50", ["Draw.Seed"] = "海曙2026跟踪评估" }, "form[data-testid=draw-form]");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var draw = (await app.WithAsync<RegistryDbContext, List<FollowUpDraw>>(db => db.Set<FollowUpDraw>().AsNoTracking().Where(d => d.Seed == "海曙2026跟踪评估").ToListAsync())).ShouldHaveSingleItem();
        draw.PoolIds.Count.ShouldBeGreaterThanOrEqualTo(3);
        draw.SelectedIds.Count.ShouldBe(FollowUpDrawRules.CountFor(draw.PoolIds.Count, 5000));
        draw.SelectedIds.ShouldBe(FollowUpDrawRules.Select(draw.PoolIds, "海曙2026跟踪评估", 5000));
        var evaluations = await app.WithAsync<RegistryDbContext, List<GradeEvaluation>>(db => db.Set<GradeEvaluation>().AsNoTracking().Where(e => e.DrawId == draw.Id).ToListAsync());
        evaluations.Select(e => e.OrganizationId).Order().ShouldBe(draw.SelectedIds);
        var page = await officer.GetDocumentAsync("/Ratings/Admin/Evaluations");
        page.QuerySelector("[data-testid=draw-verified]").ShouldNotBeNull();
        (await AuditAsync("ratings.follow-up-drawn")).ShouldContain(s => s.Contains("海曙2026跟踪评估", StringComparison.Ordinal));
    }

    /// <summary>Writes the event as the inspections module publishes it (topic and JSON shape), as of now.</summary>
    private Task<long> WriteResultRecordedAsync(int organizationId, int year, string result) => app.WithAsync<RegistryDbContext, long>(async db =>
    {
        var message = new OutboxMessage
        {
            Topic = "inspections.result-recorded",
            Payload = string.Create(CultureInfo.InvariantCulture, $$"""{"organizationId":{{organizationId}},"year":{{year}},"result":"{{result}}"}"""),
            OccurredAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });

    /// <summary>Runs the change-feed dispatcher until the proposals' checkpoint passed <paramref name="messageId"/>.</summary>
    private Task DispatchThroughAsync(long messageId) => app.DispatchThroughAsync(ConsumerName, messageId);

    /// <summary>A crash between the work and the checkpoint: the consumer reads these messages again.</summary>
    private Task<int> RewindCheckpointAsync(long lastId) => app.WithAsync<RegistryDbContext, int>(db =>
        db.Set<OutboxCheckpoint>().Where(c => c.Consumer == ConsumerName).ExecuteUpdateAsync(c => c.SetProperty(x => x.LastId, lastId)));

    private Task<List<GradeProposal>> ProposalsAsync(int organizationId) =>
        app.WithAsync<RegistryDbContext, List<GradeProposal>>(db => db.Set<GradeProposal>().AsNoTracking().Where(p => p.OrganizationId == organizationId).ToListAsync());

    private Task<List<string>> AuditAsync(string action) =>
        app.WithAsync<RegistryDbContext, List<string>>(db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.Action == action).Select(a => a.Summary).ToListAsync());
}

public sealed class GradeOversightTestsOnSqlite(RatingsSqliteApp app) : GradeOversightTests<RatingsSqliteApp>(app), IClassFixture<RatingsSqliteApp>;

public sealed class GradeOversightTestsOnPostgreSql(RatingsPostgreSqlApp app) : GradeOversightTests<RatingsPostgreSqlApp>(app), IClassFixture<RatingsPostgreSqlApp>;
