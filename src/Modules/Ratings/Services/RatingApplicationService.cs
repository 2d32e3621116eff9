using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Files;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Ratings.Domain;
using Registry.Ratings.Contracts;
using Registry.Supervision.Contracts;

namespace Registry.Ratings.Services;

/// <summary>Eligibility settings of every campaign (section <c>Registry:Ratings:Eligibility</c>).</summary>
public sealed class RatingEligibilityOptions
{
    public const string Section = "Registry:Ratings:Eligibility";

    /// <summary>
    /// Years before applying within which a penalty decision bars a rating (0: not checked). Two by default: the two
    /// working years a rating looks back on (参加评估满两个年度), where the 2010 measures look back only on the last one.
    /// </summary>
    public int PenaltyYears { get; set; } = 2;
}

/// <summary>A self-assessed indicator: points claimed and a note.</summary>
public sealed record SelfScore(decimal Points, string Note);

/// <summary>The organization's side of an application (start, self-assessment, evidence, submission) and the officer's eligibility decision.</summary>
public sealed class RatingApplicationService(
    DbContext db,
    IOrganizationRegister register,
    IOrganizationStandings standings,
    IPenaltyRecords penalties,
    IAnnualReportFacts reports,
    Microsoft.Extensions.Options.IOptions<RatingEligibilityOptions> eligibility,
    IFileStore files,
    GradeService grades,
    INotifier notifier,
    IAuditTrail audit,
    ICurrentActor actor,
    TimeProvider clock)
{
    public Task<RatingApplication?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<RatingApplication>().Include(a => a.Evidence).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<RatingCampaign> CampaignOfAsync(RatingApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return db.Set<RatingCampaign>().AsNoTracking().SingleAsync(c => c.Id == application.CampaignId, cancellationToken);
    }

    public async Task<RubricDefinition> RubricOfAsync(RatingApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return (await db.Set<Rubric>().AsNoTracking().SingleAsync(r => r.Id == application.RubricId, cancellationToken)).Definition;
    }

    public static IReadOnlyDictionary<string, SelfScore> ReadSelfAssessment(RatingApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return JsonSerializer.Deserialize<Dictionary<string, SelfScore>>(application.SelfAssessmentJson, RubricDefinition.Json) ?? [];
    }

    /// <summary>
    /// The 基本情况 as the sources give it today (register, latest filed annual report, grade held), through the register's
    /// and the inspections' contracts.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, StatedFact>> PrefillFactsAsync(RatingApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var today = ChinaTime.Today(clock);
        var held = await grades.CurrentEntityAsync(application.OrganizationId, today, cancellationToken);
        return RatingFacts.Prefill(application.OrganizationType, await register.FactsAsync(application.OrganizationId, cancellationToken),
            await reports.LatestAsync(application.OrganizationId, cancellationToken), held?.Grade ?? 0);
    }

    /// <summary>The 基本情况 to show: as saved, or (never saved) pre-filled from the sources.</summary>
    public async Task<IReadOnlyDictionary<string, StatedFact>> FactsAsync(RatingApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var stored = RatingFacts.Read(application.FactsJson);
        return stored.Count > 0 || application.State != RatingState.Draft ? stored : await PrefillFactsAsync(application, cancellationToken);
    }

    /// <summary>
    /// Saves the typed 基本情况 of a draft (blank allowed), each value with its source: kept when unchanged, the source's
    /// when equal to the pre-fill, else the applicant's. Invalid values are refused per field and nothing is saved.
    /// </summary>
    public async Task<OperationResult> SaveFactsAsync(RatingApplication application, IReadOnlyDictionary<string, string?> typed, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.State != RatingState.Draft)
        {
            return OperationResult.Fail("", "Rate.Error.NotEditable");
        }

        var (facts, errors) = RatingFacts.Merge(application.OrganizationType, typed, RatingFacts.Read(application.FactsJson), await PrefillFactsAsync(application, cancellationToken));
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var json = RatingFacts.Write(facts);
        if (json == application.FactsJson)
        {
            return OperationResult.Ok;
        }

        db.ExpectVersion(application, seenVersion);
        application.FactsJson = json;
        application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Starts (or returns) the organization's application in a campaign whose window is open.</summary>
    public async Task<(OperationResult Result, RatingApplication? Application)> StartAsync(int campaignId, int organizationId, CancellationToken cancellationToken)
    {
        var campaign = await db.Set<RatingCampaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        var today = ChinaTime.Today(clock);
        if (campaign is null || !campaign.IsOpenOn(today))
        {
            return (OperationResult.Fail("", "Rate.Error.WindowClosed"), null);
        }

        if (await db.Set<RatingApplication>().SingleOrDefaultAsync(a => a.CampaignId == campaignId && a.OrganizationId == organizationId, cancellationToken) is { } existing)
        {
            return (OperationResult.Ok, existing);
        }

        var organization = await register.FindAsync(organizationId, cancellationToken);
        if (organization is null || !campaign.Rubrics.TryGetValue(organization.TypeCode, out var rubricId))
        {
            return (OperationResult.Fail("", "Rate.Error.NoRubricForType"), null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var application = new RatingApplication
        {
            CampaignId = campaignId,
            OrganizationId = organizationId,
            OrganizationName = organization.Name,
            OrganizationType = organization.TypeCode,
            RubricId = rubricId,
            ApplicantUserId = actor.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(application);
        audit.Record("ratings.application-started", nameof(RatingApplication), "new", $"{organization.Name} in {campaign.Title}");
        await db.SaveChangesAsync(cancellationToken);
        return (OperationResult.Ok, application);
    }

    /// <summary>Saves the self-assessment (a draft: incomplete is fine, out of range is not).</summary>
    public async Task<OperationResult> SaveSelfAssessmentAsync(RatingApplication application, IReadOnlyDictionary<string, SelfScore> scores, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(scores);
        if (application.State != RatingState.Draft)
        {
            return OperationResult.Fail("", "Rate.Error.NotEditable");
        }

        var rubric = await RubricOfAsync(application, cancellationToken);
        var errors = ScoreErrors(rubric, scores.ToDictionary(s => s.Key, s => s.Value.Points));
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        db.ExpectVersion(application, seenVersion);
        application.SelfAssessmentJson = JsonSerializer.Serialize(scores.Where(s => rubric.Find(s.Key) is not null || s.Key == RubricDefinition.BonusCode).ToDictionary(), RubricDefinition.Json);
        application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Points outside 0 … max (or 0 … bonus cap) for any indicator.</summary>
    public static IReadOnlyList<FormError> ScoreErrors(RubricDefinition rubric, IReadOnlyDictionary<string, decimal> points)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(points);
        var errors = new List<FormError>();
        foreach (var (code, value) in points)
        {
            var max = code == RubricDefinition.BonusCode ? rubric.BonusCap : rubric.Find(code)?.Max;
            if (max is null)
            {
                errors.Add(new FormError(code, "Rate.Error.UnknownIndicator", code));
            }
            else if (value < 0 || value > max || decimal.Round(value, 1) != value)
            {
                errors.Add(new FormError(code, "Rate.Error.PointsRange", code, max.Value.ToString("0.#", CultureInfo.InvariantCulture)));
            }
        }

        return errors;
    }

    public async Task<OperationResult> AttachEvidenceAsync(RatingApplication application, string indicatorCode, Stream content, string fileName, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.State != RatingState.Draft)
        {
            return OperationResult.Fail("", "Rate.Error.NotEditable");
        }

        var upload = await files.SaveForOrganizationAsync(content, fileName, application.OrganizationId, cancellationToken);
        if (!upload.Succeeded)
        {
            return OperationResult.Fail("", upload.ErrorKey!);
        }

        db.ExpectVersion(application, seenVersion);
        application.Evidence.Add(new RatingEvidence { FileId = upload.File!.Id, FileName = upload.File.FileName, IndicatorCode = indicatorCode, UploadedAt = clock.GetUtcNow().UtcDateTime });
        application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// Submits within the window; the eligibility checks are run and kept for the officer. Under the 2010 rules the
    /// applicant must declare no penalty and no investigation (民政部令第39号 第七条(三)(四)): the register keeps no record of
    /// either, so without the declaration the application is refused here rather than screened out later.
    /// </summary>
    public async Task<OperationResult> SubmitAsync(RatingApplication application, ApplicantDeclaration declaration, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (RatingWorkflow.Next(application.State, RatingTrigger.Submit) is null)
        {
            return OperationResult.Fail("", "Rate.Error.NotEditable");
        }

        var campaign = await CampaignOfAsync(application, cancellationToken);
        var today = ChinaTime.Today(clock);
        if (!campaign.IsOpenOn(today))
        {
            return OperationResult.Fail("", "Rate.Error.WindowClosed");
        }

        var rubric = await RubricOfAsync(application, cancellationToken);
        var self = ReadSelfAssessment(application);
        var missing = rubric.Indicators.Where(i => !self.ContainsKey(i.Code)).Select(i => i.Code).ToList();
        if (missing.Count > 0)
        {
            return OperationResult.Fail("", "Rate.Error.SelfAssessmentIncomplete", missing.Count);
        }

        if (application.Evidence.Count == 0)
        {
            return OperationResult.Fail("", "Rate.Error.NoEvidence");
        }

        ArgumentNullException.ThrowIfNull(declaration);
        if (campaign.RuleSet == RuleSet.Measures2010 && !(declaration.NoPenalty && declaration.NotUnderInvestigation))
        {
            return OperationResult.Fail(declaration.NoPenalty ? "NotUnderInvestigation" : "NoPenalty", "Rate.Error.DeclarationRequired");
        }

        db.ExpectVersion(application, seenVersion);
        // What is submitted is stored: an application submitted without its form ever saved states the pre-filled facts.
        if (RatingFacts.Read(application.FactsJson).Count == 0)
        {
            application.FactsJson = RatingFacts.Write(await PrefillFactsAsync(application, cancellationToken));
        }

        application.DeclaredNoPenalty = declaration.NoPenalty;
        application.DeclaredNotUnderInvestigation = declaration.NotUnderInvestigation;
        var current = await grades.CurrentEntityAsync(application.OrganizationId, today, cancellationToken);
        application.SimplifiedFieldAssessment = current is not null && RatingRules.Reevaluation(campaign.RuleSet, campaign.Policy, current, today) == ReevaluationWindow.Simplified;
        application.EligibilityJson = JsonSerializer.Serialize(await CheckAsync(campaign, application.OrganizationId, declaration, today, cancellationToken));
        if (Transition(application, RatingTrigger.Submit, application.OrganizationName) is { } wrong)
        {
            return wrong;
        }

        application.SubmittedAt = application.UpdatedAt;
        await notifier.NotifyPermissionHoldersAsync(RatingsPermissions.Manage, "Rate.Submitted", Values(application), RatingLinks.AdminApplication(application.Id), cancellationToken);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>The eligibility checks for an organization on a day, through the register's and the inspections' contracts.</summary>
    public async Task<IReadOnlyList<EligibilityCheck>> CheckAsync(RatingCampaign campaign, int organizationId, ApplicantDeclaration declaration, DateOnly on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var organization = await register.FindAsync(organizationId, cancellationToken) ?? throw new InvalidOperationException($"organization {organizationId} not found");
        var standing = await standings.GetAsync(organizationId, cancellationToken);
        var history = await penalties.HistoryAsync(organizationId, cancellationToken);
        return RatingRules.Check(campaign.RuleSet, campaign.Policy, organization, standing, await grades.CurrentEntityAsync(organizationId, on, cancellationToken), declaration, on,
            history, eligibility.Value.PenaltyYears);
    }

    public static IReadOnlyList<EligibilityCheck> ReadChecks(RatingApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return JsonSerializer.Deserialize<List<EligibilityCheck>>(application.EligibilityJson) ?? [];
    }

    /// <summary>The officer confirms the application eligible or not; going against the checks needs a recorded reason.</summary>
    public async Task<OperationResult> DecideEligibilityAsync(RatingApplication application, bool eligible, string? note, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (RatingWorkflow.Next(application.State, eligible ? RatingTrigger.ConfirmEligible : RatingTrigger.RuleIneligible) is null)
        {
            return OperationResult.Fail("", "Rate.Error.WrongState");
        }

        var checksPass = ReadChecks(application).All(c => c.Passed);
        var overridden = eligible != checksPass;
        if ((overridden || !eligible) && string.IsNullOrWhiteSpace(note))
        {
            return OperationResult.Fail("Note", overridden ? "Rate.Error.OverrideReason" : "Validation.Required", "Rate.Field.EligibilityNote");
        }

        if (TextLimits.RefusedIfTooLong("Note", "Rate.Field.EligibilityNote", note, TextLimits.Note, out var tooLong))
        {
            return tooLong;
        }

        db.ExpectVersion(application, seenVersion);
        if (Transition(application, eligible ? RatingTrigger.ConfirmEligible : RatingTrigger.RuleIneligible,
            $"{application.OrganizationName}{(overridden ? " (override)" : "")}: {note}") is { } wrong)
        {
            return wrong;
        }

        application.EligibilityOverridden = overridden;
        application.EligibilityNote = note?.Trim();
        application.EligibilityBy = actor.Name;
        if (application.ApplicantUserId is { } applicant)
        {
            await notifier.NotifyUserAsync(applicant, eligible ? "Rate.Eligible" : "Rate.Ineligible", Values(application), RatingLinks.Application(application.Id), cancellationToken);
        }

        return await db.SaveOrConflictAsync(cancellationToken);
    }


    /// <summary>
    /// The one way an application changes state: through <see cref="RatingWorkflow"/>, recording the audit entry on the
    /// tracked application; saved by the caller. Returns the refusal, or null when done.
    /// </summary>
    public OperationResult? Transition(RatingApplication application, RatingTrigger trigger, string detail)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (RatingWorkflow.Next(application.State, trigger) is not { } to)
        {
            return OperationResult.Fail("", "Rate.Error.WrongState");
        }

        application.State = to;
        application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(trigger switch
        {
            RatingTrigger.Submit => "ratings.application-submitted",
            RatingTrigger.ConfirmEligible => "ratings.eligible",
            RatingTrigger.RuleIneligible => "ratings.ineligible",
            RatingTrigger.Decide => "ratings.decided",
            RatingTrigger.Publicize => "ratings.application-publicized",
            _ => "ratings.application-announced",
        }, nameof(RatingApplication), Id(application), detail);
        return null;
    }

    internal static string Id(RatingApplication application) => application.Id.ToString(CultureInfo.InvariantCulture);

    internal static Dictionary<string, string> Values(RatingApplication application) => new()
    {
        ["organization"] = application.OrganizationName,
        ["grade"] = (application.DecidedGrade ?? application.ComputedGrade ?? 0).ToString(CultureInfo.InvariantCulture),
    };
}
