using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Calendar;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Notices.Contracts;
using Registry.Organizations.Contracts;
using Registry.Ratings.Domain;
using Registry.Ratings.Contracts;

namespace Registry.Ratings.Services;

/// <summary>
/// From scores to grades: the committee's decision, 公示 of the proposed grades, review requests (复核) answered within
/// 15 working days, and the announcement that makes grades effective.
/// </summary>
public sealed class DecisionService(
    DbContext db,
    ScoringService scoring,
    GradeService grades,
    RatingApplicationService applications,
    INoticePublisher notices,
    IOrganizationNotifier organizations,
    ICalendarProvider calendars,
    ITextCatalog catalog,
    IAuditTrail audit,
    ICurrentActor actor,
    ISignOffs signOffs,
    TimeProvider clock)
{
    public const string SourceModule = "Ratings";

    /// <summary>The chain key of the committee's grade decision (one step, 批准, unless the administrator sets more).</summary>
    public const string SignOffChainKey = "Ratings.Decision";

    public const int DefaultSignOffSteps = 1;

    public const string SignOffSubject = nameof(RatingApplication);
    public const int ReviewWorkingDays = 15;

    private static readonly CultureInfo Bureau = CultureInfo.GetCultureInfo("zh-CN");

    public Task<SignOffChain> ChainAsync(CancellationToken cancellationToken) =>
        signOffs.ChainAsync(SignOffChainKey, DefaultSignOffSteps, cancellationToken);

    /// <summary>The sign-off entries of an application, superseded ones included.</summary>
    public Task<IReadOnlyList<SignOffEntry>> SignOffEntriesAsync(RatingApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return signOffs.EntriesAsync(SignOffSubject, application.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    /// <summary>
    /// An internal step before the grade decision (承办 with the 拟办意见, 审核 with the 审核意见), once the panel has scored; the
    /// chain's last step (批准) is the decision itself. One person never takes two kinds of step of one application.
    /// </summary>
    public async Task<OperationResult> SignOffAsync(RatingApplication application, SignOffStep step, string? opinion, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.State != RatingState.Assessment)
        {
            return OperationResult.Fail("", "Rate.Error.WrongState");
        }

        if (!await ScoringCompleteAsync(application, cancellationToken))
        {
            return OperationResult.Fail("", "Rate.Error.ScoringUnfinished", PanelService.MinimumPanel);
        }

        var chain = await ChainAsync(cancellationToken);
        if (chain.IsFinal(step))
        {
            return OperationResult.Fail("", "Rate.Error.SignOffIsDecision");
        }

        db.ExpectVersion(application, seenVersion);
        var recorded = await signOffs.RecordAsync(chain, SignOffSubject, application.Id.ToString(CultureInfo.InvariantCulture), step, opinion, cancellationToken);
        if (!recorded.Succeeded)
        {
            return recorded;
        }

        // Touching the application makes a concurrent step on it fail on the row version instead of passing both.
        application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Records the committee's grade: the one the mean scores earn, or another one with a reason.</summary>
    public async Task<OperationResult> DecideAsync(RatingApplication application, int? grade, string? reason, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (RatingWorkflow.Next(application.State, RatingTrigger.Decide) is null)
        {
            return OperationResult.Fail("", "Rate.Error.WrongState");
        }

        var (sheet, panel) = await scoring.SheetAsync(application, cancellationToken);
        if (!ScoringComplete(panel))
        {
            return OperationResult.Fail("", "Rate.Error.ScoringUnfinished", PanelService.MinimumPanel);
        }

        var campaign = await db.Set<RatingCampaign>().AsNoTracking().SingleAsync(c => c.Id == application.CampaignId, cancellationToken);
        var computed = campaign.Scale.GradeFor(sheet.Total);
        var decided = grade ?? computed;
        if (decided is < 0 or > 5)
        {
            return OperationResult.Fail("Grade", "Rate.Error.Grade");
        }

        if (decided != computed && string.IsNullOrWhiteSpace(reason))
        {
            return OperationResult.Fail("Reason", "Rate.Error.OverrideReason", "Rate.Field.Reason");
        }

        if (TextLimits.RefusedIfTooLong("Reason", "Rate.Field.Reason", reason, TextLimits.Note, out var tooLong))
        {
            return tooLong;
        }

        db.ExpectVersion(application, seenVersion);
        // The decision is the chain's last step (批准): refused until the earlier steps are signed, and by whoever signed one.
        var chain = await ChainAsync(cancellationToken);
        var signed = await signOffs.RecordAsync(chain, SignOffSubject, application.Id.ToString(CultureInfo.InvariantCulture), chain.Steps[^1],
            Truncate(string.IsNullOrWhiteSpace(reason) ? $"{decided}A" : $"{decided}A: {reason.Trim()}", SignOffRules.MaxOpinionLength), cancellationToken);
        if (!signed.Succeeded)
        {
            return signed;
        }

        application.ComputedTotal = sheet.Total;
        application.ComputedGrade = computed;
        application.DecidedGrade = decided;
        application.DecisionReason = reason?.Trim();
        application.DecidedOn = ChinaTime.Today(clock);
        if (applications.Transition(application, RatingTrigger.Decide,
            $"{application.OrganizationName}: total {sheet.Total}, computed {computed}A, decided {decided}A{(decided != computed ? ": " + reason!.Trim() : "")}") is { } wrong)
        {
            return wrong;
        }

        return await db.SaveOrConflictAsync(cancellationToken);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private async Task<bool> ScoringCompleteAsync(RatingApplication application, CancellationToken cancellationToken) =>
        ScoringComplete((await scoring.SheetAsync(application, cancellationToken)).Panel);

    /// <summary>Enough experts submitted and none still scoring.</summary>
    public static bool ScoringComplete(IReadOnlyCollection<PanelMember> panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var seated = panel.Where(p => !p.Recused).ToList();
        return seated.Count(p => p.ScoresSubmittedAt is not null) >= PanelService.MinimumPanel && seated.All(p => p.ScoresSubmittedAt is not null);
    }

    /// <summary>Publishes the campaign's decided grades for 公示 (objections open) and starts each one's publicity period.</summary>
    public async Task<OperationResult> PublishAsync(RatingCampaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var decided = await db.Set<RatingApplication>().Where(a => a.CampaignId == campaign.Id && a.State == RatingState.Decided)
            .OrderByDescending(a => a.DecidedGrade).ThenBy(a => a.OrganizationName).ToListAsync(cancellationToken);
        if (decided.Count == 0)
        {
            return OperationResult.Fail("", "Rate.Error.NothingDecided");
        }

        var today = ChinaTime.Today(clock);
        var end = today.AddDays(campaign.PublicityDays - 1);
        var body = new StringBuilder()
            .AppendLine(Text("Rate.Notice.PublicityLead", campaign.Title, end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).AppendLine()
            .Append("| ").Append(Text("Rate.Notice.Column.Name")).Append(" | ").Append(Text("Rate.Notice.Column.Grade")).AppendLine(" |")
            .AppendLine("| --- | --- |");
        foreach (var application in decided)
        {
            body.Append("| ").Append(application.OrganizationName.Replace("|", "｜", StringComparison.Ordinal)).Append(" | ").Append(GradeText(application.DecidedGrade ?? 0)).AppendLine(" |");
        }

        await using var transaction = await db.BeginOwnTransactionAsync(cancellationToken);
        var noticeId = await notices.PublishAsync(new NoticeDraft(SourceModule, $"publicity-{campaign.Id}-{today:yyyyMMdd}", Text("Rate.Notice.PublicityTitle", campaign.Title),
            NoticeKind.RatingResult, body.ToString(), today, end, AcceptsObjections: true), cancellationToken);
        foreach (var application in decided)
        {
            if (applications.Transition(application, RatingTrigger.Publicize, $"{application.OrganizationName}: {application.DecidedGrade}A until {end:yyyy-MM-dd}") is { } wrong)
            {
                return wrong;
            }

            application.NoticeId = noticeId;
            application.PublicityEndsOn = end;
            await organizations.NotifyAsync(application.OrganizationId, "Rate.Publicized", Values(application, end), RatingLinks.Application(application.Id), cancellationToken);
        }

        audit.Record("ratings.publicized", nameof(RatingCampaign), campaign.Id.ToString(CultureInfo.InvariantCulture), $"{decided.Count} grades until {end:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitOwnAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>
    /// When a review request must be answered in writing: <see cref="ReviewRequest.AnswerWorkingDays"/> working days after
    /// the day it was filed (民政部令第39号 第二十三条: within 15 days; counted locally in working days), derived through
    /// the calendar when read; provisional while a year it crosses has no published holiday notice.
    /// </summary>
    public static DueDate DueOf(WorkingDayCalendar calendar, ReviewRequest request)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(request);
        return calendar.DueAfter(request.FiledOn, request.AnswerWorkingDays);
    }

    /// <summary>The due date of every request given, by request id (<see cref="DueOf"/>).</summary>
    public async Task<IReadOnlyDictionary<int, DueDate>> DueDatesAsync(IEnumerable<ReviewRequest> requests, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        return requests.ToDictionary(r => r.Id, r => DueOf(calendar, r));
    }

    public Task<List<ReviewRequest>> ReviewsAsync(int applicationId, CancellationToken cancellationToken) =>
        db.Set<ReviewRequest>().AsNoTracking().Where(r => r.ApplicationId == applicationId).OrderBy(r => r.FiledAt).ToListAsync(cancellationToken);

    /// <summary>The organization asks for a review during 公示; after it ends the request is refused with the end date.</summary>
    public async Task<OperationResult> RequestReviewAsync(RatingApplication application, string? grounds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var today = ChinaTime.Today(clock);
        if (application.State != RatingState.Publicized || application.PublicityEndsOn is not { } end)
        {
            return OperationResult.Fail("", "Rate.Error.NotInPublicity");
        }

        if (today > end)
        {
            return OperationResult.Fail("", "Rate.Error.PublicityOver", end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (TextLimits.Refused("Grounds", "Rate.Field.Grounds", grounds, TextLimits.Review, out var refused))
        {
            return refused;
        }

        if (await db.Set<ReviewRequest>().AnyAsync(r => r.ApplicationId == application.Id && r.DecidedOn == null, cancellationToken))
        {
            return OperationResult.Fail("", "Rate.Error.ReviewPending");
        }

        // The inputs are stored (filing day, period); the due date is derived through the calendar whenever it is read.
        var request = new ReviewRequest { ApplicationId = application.Id, FiledAt = clock.GetUtcNow().UtcDateTime, FiledOn = today, AnswerWorkingDays = ReviewWorkingDays, FiledBy = actor.Name, Grounds = grounds.Trim() };
        db.Add(request);
        var due = DueOf(await calendars.GetAsync(cancellationToken), request);
        audit.Record("ratings.review-requested", nameof(RatingApplication), RatingApplicationService.Id(application), $"{application.OrganizationName}, answer due {due.Date:yyyy-MM-dd}{(due.Provisional ? " (provisional)" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>The written answer to a review request: the grade upheld or changed.</summary>
    public async Task<OperationResult> DecideReviewAsync(ReviewRequest request, string? decision, int gradeAfterReview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.DecidedOn is not null)
        {
            return OperationResult.Fail("", "Rate.Error.ReviewDecided");
        }

        if (TextLimits.Refused("Decision", "Rate.Field.ReviewDecision", decision, TextLimits.Review, out var refused))
        {
            return refused;
        }

        if (gradeAfterReview is < 0 or > 5)
        {
            return OperationResult.Fail("Grade", "Rate.Error.Grade");
        }

        var application = await db.Set<RatingApplication>().SingleAsync(a => a.Id == request.ApplicationId, cancellationToken);
        request.DecidedOn = ChinaTime.Today(clock);
        request.Decision = decision.Trim();
        request.GradeAfterReview = gradeAfterReview;
        request.DecidedBy = actor.Name;
        if (gradeAfterReview != application.DecidedGrade)
        {
            application.DecisionReason = $"{application.DecisionReason}\n{request.DecidedOn:yyyy-MM-dd}: {request.Decision}".Trim();
            application.DecidedGrade = gradeAfterReview;
        }

        audit.Record("ratings.review-decided", nameof(RatingApplication), RatingApplicationService.Id(application), $"{application.OrganizationName}: {gradeAfterReview}A: {request.Decision}");
        await organizations.NotifyAsync(application.OrganizationId, "Rate.ReviewDecided", Values(application, request.DecidedOn.Value), RatingLinks.Application(application.Id), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>
    /// Announces every grade of the campaign whose 公示 is over and whose reviews are answered: grades become effective
    /// (validity by the rule set) and an announcement notice lists them. Returns how many were announced.
    /// </summary>
    public async Task<(OperationResult Result, int Announced)> AnnounceAsync(RatingCampaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var today = ChinaTime.Today(clock);
        var ready = await db.Set<RatingApplication>()
            .Where(a => a.CampaignId == campaign.Id && a.State == RatingState.Publicized && a.PublicityEndsOn < today)
            .Where(a => !db.Set<ReviewRequest>().Any(r => r.ApplicationId == a.Id && r.DecidedOn == null))
            .OrderByDescending(a => a.DecidedGrade).ThenBy(a => a.OrganizationName).ToListAsync(cancellationToken);
        if (ready.Count == 0)
        {
            return (OperationResult.Fail("", "Rate.Error.NothingToAnnounce"), 0);
        }

        await using var transaction = await db.BeginOwnTransactionAsync(cancellationToken);
        var body = new StringBuilder().AppendLine(Text("Rate.Notice.AnnouncementLead", campaign.Title)).AppendLine()
            .Append("| ").Append(Text("Rate.Notice.Column.Name")).Append(" | ").Append(Text("Rate.Notice.Column.Grade")).AppendLine(" |")
            .AppendLine("| --- | --- |");
        foreach (var application in ready)
        {
            if (applications.Transition(application, RatingTrigger.Announce, $"{application.OrganizationName}: {application.DecidedGrade}A") is { } wrong)
            {
                return (wrong, 0);
            }

            application.AnnouncedOn = today;
            await grades.AwardAsync(application, campaign.RuleSet, today, cancellationToken);
            body.Append("| ").Append(application.OrganizationName.Replace("|", "｜", StringComparison.Ordinal)).Append(" | ").Append(GradeText(application.DecidedGrade ?? 0)).AppendLine(" |");
            await organizations.NotifyAsync(application.OrganizationId, "Rate.Announced", Values(application, today), OrganizationLinks.Profile(application.OrganizationId), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await grades.SyncAsync([.. ready.Select(a => a.OrganizationId)], today, cancellationToken);
        await notices.PublishAsync(new NoticeDraft(SourceModule, $"announcement-{campaign.Id}-{today:yyyyMMdd}", Text("Rate.Notice.AnnouncementTitle", campaign.Title),
            NoticeKind.Announcement, body.ToString()), cancellationToken);
        audit.Record("ratings.announced", nameof(RatingCampaign), campaign.Id.ToString(CultureInfo.InvariantCulture), $"{ready.Count} applications");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitOwnAsync(cancellationToken);
        return (OperationResult.Ok, ready.Count);
    }

    private string GradeText(int grade) => grade == 0 ? Text("Rate.Grade.None") : Text("Rate.Grade.Value", grade);

    private string Text(string key, params object[] args) => string.Format(new Core.Localization.PluralFormat(Bureau), catalog.Find(key, Bureau) ?? key, args);

    private static Dictionary<string, string> Values(RatingApplication application, DateOnly date)
    {
        var values = RatingApplicationService.Values(application);
        values["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return values;
    }
}
