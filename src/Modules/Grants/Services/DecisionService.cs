using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Review;
using Registry.Grants.Domain;
using Registry.Notices.Contracts;
using Registry.Organizations.Contracts;
using Registry.Grants.Contracts;

namespace Registry.Grants.Services;

/// <summary>A reviewed application with its scores (null before any sheet is submitted) and sheets still open.</summary>
public sealed record RankedApplication(GrantApplication Application, ApplicationScores? Scores, int OpenSheets);

/// <summary>The round's results: applications in rank order, the reviewers' profiles, the allocation it would give now.</summary>
public sealed record RoundResults(IReadOnlyList<RankedApplication> Ranked, IReadOnlyList<ReviewerProfile> Reviewers, IReadOnlyList<ReviewerTotal> Totals, AllocationResult Allocation);

/// <summary>
/// From scores to awards: ranking by the round's method, allocation within the budget and category quotas (an officer's
/// cut needs a reason), the shortlist published for 公示 through the notices module, then the final awards.
/// </summary>
public sealed class DecisionService(
    DbContext db,
    INoticePublisher notices,
    IOrganizationNotifier organizations,
    RoundService rounds,
    GrantApplicationService applications,
    ITextCatalog catalog,
    IAuditTrail audit,
    Core.Outbox.IOutbox outbox,
    ISignOffs signOffs,
    TimeProvider clock)
{
    public const string SourceModule = "Grants";

    /// <summary>The chain key of a round's award decision (one step, 批准, unless the administrator sets more).</summary>
    public const string SignOffChainKey = "Grants.Award";

    public const int DefaultSignOffSteps = 1;

    /// <summary>The award is decided per round, so the round is the sign-off's case.</summary>
    public const string SignOffSubject = nameof(GrantRound);

    public Task<SignOffChain> ChainAsync(CancellationToken cancellationToken) =>
        signOffs.ChainAsync(SignOffChainKey, DefaultSignOffSteps, cancellationToken);

    /// <summary>The sign-off entries of a round's award, superseded ones included.</summary>
    public Task<IReadOnlyList<SignOffEntry>> SignOffEntriesAsync(GrantRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        return signOffs.EntriesAsync(SignOffSubject, RoundService.Id(round), cancellationToken);
    }

    /// <summary>
    /// An internal step before the award (承办 with the 拟办意见, 审核 with the 审核意见), once the shortlist is published; the
    /// chain's last step (批准) is the award itself. One person never takes two kinds of step of one round's award.
    /// </summary>
    public async Task<OperationResult> SignOffAsync(GrantRound round, SignOffStep step, string? opinion, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.Stage != RoundStage.Shortlisted)
        {
            return OperationResult.Fail("", "Grant.Error.WrongState");
        }

        var chain = await ChainAsync(cancellationToken);
        if (chain.IsFinal(step))
        {
            return OperationResult.Fail("", "Grant.Error.SignOffIsAward");
        }

        db.ExpectVersion(round, seenVersion);
        var recorded = await signOffs.RecordAsync(chain, SignOffSubject, RoundService.Id(round), step, opinion, cancellationToken);
        if (!recorded.Succeeded)
        {
            return recorded;
        }

        // Touching the round makes a concurrent step on it fail on the row version instead of passing both.
        db.Entry(round).State = EntityState.Modified;
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    private static readonly CultureInfo Bureau = CultureInfo.GetCultureInfo("zh-CN");

    public async Task<RoundResults> ResultsAsync(GrantRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var applications = await db.Set<GrantApplication>().AsNoTracking()
            .Where(a => a.RoundId == round.Id && (a.State == GrantState.Passed || a.State == GrantState.Shortlisted || a.State == GrantState.NotSelected || a.State == GrantState.Awarded || a.State == GrantState.Withdrawn))
            .ToListAsync(cancellationToken);
        var seats = await db.Set<ReviewAssignment>().AsNoTracking().Include(a => a.Scores).Where(a => a.RoundId == round.Id && !a.Recused).ToListAsync(cancellationToken);
        var totals = seats.Where(s => s.SubmittedAt is not null).Select(s => new ReviewerTotal(s.ApplicationId, s.ReviewerUserId, s.Scores.Sum(x => x.Points))).ToList();
        var scores = ScoreAggregation.Aggregate(totals, round.SpreadThreshold).ToDictionary(s => s.ApplicationId);
        var open = seats.Where(s => s.SubmittedAt is null).GroupBy(s => s.ApplicationId).ToDictionary(g => g.Key, g => g.Count());
        var ranked = applications
            .Select(a => new RankedApplication(a, scores.GetValueOrDefault(a.Id), open.GetValueOrDefault(a.Id)))
            .OrderByDescending(r => r.Scores is not null)
            .ThenByDescending(r => r.Scores?.By(round.RankBy))
            .ThenBy(r => r.Application.SubmittedAt)
            .ThenBy(r => r.Application.Id)
            .ToList();
        var allocation = RoundWorkflow.BeforeShortlist(round.Stage) ? Allocation.Allocate(
            [.. ranked.Where(r => r.Scores is not null && r.Application.State != GrantState.Withdrawn).Select(r => new AllocationCandidate(r.Application.Id, r.Application.Category, r.Application.RequestedFen, r.Application.CutToFen))],
            round.BudgetFen, round.Categories)
            : Allocation.Recorded([.. ranked.Where(r => r.Application.AllocatedFen is not null).Select(r => Recorded(r.Application))], round.BudgetFen, round.Categories);
        return new RoundResults(ranked, ScoreAggregation.Profiles(totals), totals, allocation);
    }

    /// <summary>The officer funds less than requested (or nothing), with the reason; null removes the cut.</summary>
    public async Task<OperationResult> CutAsync(GrantApplication application, long? cutToFen, string? reason, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var round = await db.Set<GrantRound>().AsNoTracking().SingleAsync(r => r.Id == application.RoundId, cancellationToken);
        if (application.State != GrantState.Passed || !RoundService.IsEditable(round))
        {
            return OperationResult.Fail("", "Grant.Error.WrongState");
        }

        if (cutToFen is { } cut && (cut < 0 || cut >= application.RequestedFen))
        {
            return OperationResult.Fail("CutTo", "Grant.Error.CutRange", new Money(application.RequestedFen).Format());
        }

        if (cutToFen is not null && (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000))
        {
            return OperationResult.Fail("CutReason", "Validation.Required", "Grant.Field.CutReason");
        }

        db.ExpectVersion(application, seenVersion);
        application.CutToFen = cutToFen;
        application.CutReason = cutToFen is null ? null : reason!.Trim();
        application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("grants.cut", nameof(GrantApplication), GrantApplicationService.Id(application),
            cutToFen is null ? "cut removed" : $"{new Money(application.RequestedFen).Format()} → {new Money(cutToFen.Value).Format()}: {application.CutReason}");
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// Publishes the shortlist (入围) for 公示 with objections open: the allocation in rank order is recorded on each
    /// application, funded ones are shortlisted, the others not selected; each organization is told. Every sheet must be in.
    /// </summary>
    public async Task<OperationResult> PublishShortlistAsync(GrantRound round, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.Stage is RoundStage.Shortlisted or RoundStage.Awarded)
        {
            return OperationResult.Fail("", "Grant.Error.AlreadyPublished");
        }

        if (!RoundWorkflow.CallClosed(round, clock.GetUtcNow().UtcDateTime))
        {
            return OperationResult.Fail("", "Grant.Error.CallStillOpen", ChinaTime.Time(round.ClosesAt));
        }

        var results = await ResultsAsync(round, cancellationToken);
        var pending = await db.Set<GrantApplication>().CountAsync(a => a.RoundId == round.Id && a.State == GrantState.Submitted, cancellationToken);
        if (pending > 0 || results.Ranked.Count == 0 || results.Ranked.Any(r => r.Scores is null || r.OpenSheets > 0))
        {
            return OperationResult.Fail("", "Grant.Error.ReviewUnfinished");
        }

        var lines = results.Allocation.Lines.ToDictionary(l => l.ApplicationId);
        var tracked = await db.Set<GrantApplication>().Where(a => a.RoundId == round.Id && a.State == GrantState.Passed).ToDictionaryAsync(a => a.Id, cancellationToken);
        var today = ChinaTime.Today(clock);
        var end = today.AddDays(round.PublicityDays - 1);
        var shortlisted = new List<GrantApplication>();
        var rank = 0;
        foreach (var row in results.Ranked)
        {
            var application = tracked[row.Application.Id];
            var line = lines[application.Id];
            application.Rank = ++rank;
            application.RankScore = row.Scores!.By(round.RankBy);
            application.AllocatedFen = line.AmountFen;
            application.AllocationNote = line.NotFundedKey;
            if (applications.Transition(application, line.AmountFen > 0 ? GrantTrigger.Shortlist : GrantTrigger.PassOver,
                $"{application.Title}: #{application.Rank}, {new Money(line.AmountFen).Format()}") is { } wrong)
            {
                return wrong;
            }

            if (line.AmountFen > 0)
            {
                shortlisted.Add(application);
            }
        }

        await using var transaction = await db.BeginOwnTransactionAsync(cancellationToken);
        var body = new StringBuilder()
            .AppendLine(Text("Grant.Notice.Lead", round.Name, shortlisted.Count, new Money(results.Allocation.AllocatedFen).Format(), end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).AppendLine()
            .Append("| ").Append(Text("Grant.Notice.Column.Rank")).Append(" | ").Append(Text("Grant.Notice.Column.Title")).Append(" | ").Append(Text("Grant.Notice.Column.Organization"))
            .Append(" | ").Append(Text("Grant.Notice.Column.Category")).Append(" | ").Append(Text("Grant.Notice.Column.Amount")).AppendLine(" |")
            .AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var application in shortlisted)
        {
            body.Append("| ").Append(application.Rank!.Value.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Cell(application.Title)).Append(" | ").Append(Cell(application.OrganizationName))
                .Append(" | ").Append(Cell(application.Category)).Append(" | ").Append(new Money(application.AllocatedFen!.Value).Format()).AppendLine(" |");
        }

        var noticeId = await notices.PublishAsync(new NoticeDraft(SourceModule, $"shortlist-{round.Id}", Text("Grant.Notice.Title", round.Name),
            NoticeKind.VentureShortlist, body.ToString(), today, end, AcceptsObjections: true), cancellationToken);
        db.ExpectVersion(round, seenVersion);
        if (rounds.Transition(round, RoundTrigger.PublishShortlist,
            $"{shortlisted.Count} projects, {new Money(results.Allocation.AllocatedFen).Format()}, 公示 until {end:yyyy-MM-dd}") is { } refused)
        {
            return refused;
        }

        round.ShortlistNoticeId = noticeId;
        round.PublicityEndsOn = end;
        foreach (var application in tracked.Values)
        {
            var values = GrantApplicationService.Values(application);
            values["date"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await organizations.NotifyAsync(application.OrganizationId, application.State == GrantState.Shortlisted ? "Grant.Shortlisted" : "Grant.NotSelected", values,
                GrantLinks.Application(application.Id), cancellationToken);
        }

        var saved = await db.SaveOrConflictAsync(cancellationToken);
        if (saved.Succeeded)
        {
            await transaction.CommitOwnAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>A shortlisted project is not awarded (e.g. an objection was upheld), with the reason; the organization is told.</summary>
    public async Task<OperationResult> WithdrawAsync(GrantApplication application, string? reason, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (GrantWorkflow.Next(application.State, GrantTrigger.Withdraw) is null)
        {
            return OperationResult.Fail("", "Grant.Error.WrongState");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            return OperationResult.Fail("Reason", "Validation.Required", "Grant.Field.WithdrawReason");
        }

        db.ExpectVersion(application, seenVersion);
        application.WithdrawReason = reason.Trim();
        if (applications.Transition(application, GrantTrigger.Withdraw, $"{application.Title}: {application.WithdrawReason}") is { } refused)
        {
            return refused;
        }

        // The award's sign-off was on the shortlist as it stood: with a project withdrawn it starts again.
        await signOffs.SupersedeAsync(SignOffSubject, application.RoundId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        var values = GrantApplicationService.Values(application);
        values["reason"] = application.WithdrawReason;
        await organizations.NotifyAsync(application.OrganizationId, "Grant.Withdrawn", values, GrantLinks.Application(application.Id), cancellationToken);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>After the 公示 period the shortlisted projects are awarded their allocated amounts; each organization is told.</summary>
    public Task<OperationResult> AwardAsync(GrantRound round, long seenVersion, CancellationToken cancellationToken) =>
        AwardAsync(round, seenVersion, null, cancellationToken);

    /// <summary>
    /// The award as the sign-off chain's last step (批准, with the optional <paramref name="opinion"/>): refused until the
    /// earlier steps are signed, and to whoever signed one of them.
    /// </summary>
    public async Task<OperationResult> AwardAsync(GrantRound round, long seenVersion, string? opinion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var today = ChinaTime.Today(clock);
        if (round.Stage != RoundStage.Shortlisted || round.PublicityEndsOn is not { } end)
        {
            return OperationResult.Fail("", "Grant.Error.WrongState");
        }

        if (today <= end)
        {
            return OperationResult.Fail("", "Grant.Error.PublicityRunning", end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var shortlisted = await db.Set<GrantApplication>().Where(a => a.RoundId == round.Id && a.State == GrantState.Shortlisted).ToListAsync(cancellationToken);
        db.ExpectVersion(round, seenVersion);
        var chain = await ChainAsync(cancellationToken);
        var signed = await signOffs.RecordAsync(chain, SignOffSubject, RoundService.Id(round), chain.Steps[^1], opinion, cancellationToken);
        if (!signed.Succeeded)
        {
            return signed;
        }

        if (rounds.Transition(round, RoundTrigger.Award, $"{shortlisted.Count} projects, {new Money(shortlisted.Sum(a => a.AllocatedFen ?? 0)).Format()}") is { } refused)
        {
            return refused;
        }

        foreach (var application in shortlisted)
        {
            if (applications.Transition(application, GrantTrigger.Award, $"{application.Title}: {new Money(application.AllocatedFen ?? 0).Format()}") is { } wrong)
            {
                return wrong;
            }

            application.AwardedFen = application.AllocatedFen;
            application.AwardedOn = today;
            outbox.Publish(GrantAwarded.Topic, new GrantAwarded(application.Id, application.OrganizationId, application.OrganizationName, application.ApplicantUserId, application.Title, round.Name, application.AwardedFen ?? 0, today));
            await organizations.NotifyAsync(application.OrganizationId, "Grant.Awarded", GrantApplicationService.Values(application), GrantLinks.Application(application.Id), cancellationToken);
        }

        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>A published application's line: its amount while shortlisted or awarded; none once withdrawn (the money went back).</summary>
    private static AllocationLine Recorded(GrantApplication application) => application.State switch
    {
        GrantState.Shortlisted or GrantState.Awarded => new AllocationLine(application.Id, application.Category, application.AwardedFen ?? application.AllocatedFen ?? 0, null),
        GrantState.Withdrawn => new AllocationLine(application.Id, application.Category, 0, "Grant.State.Withdrawn"),
        _ => new AllocationLine(application.Id, application.Category, 0, application.AllocationNote ?? "Grant.Allocation.Cut"),
    };

    private static string Cell(string text) => text.Replace("|", "｜", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private string Text(string key, params object[] args) => string.Format(new Core.Localization.PluralFormat(Bureau), catalog.Find(key, Bureau) ?? key, args);
}
