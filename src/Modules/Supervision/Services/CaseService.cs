using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Calendar;
using Registry.Core.Data;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Outbox;
using Registry.Core.Security;
using Registry.Organizations.Contracts;
using Registry.Supervision.Contracts;
using Registry.Supervision.Domain;

namespace Registry.Supervision.Services;

/// <summary>What opens a case (立案, 行政处罚法 第五十四条).</summary>
public sealed record CaseFiling(int OrganizationId, CaseSource Source, int? SourceId, string Cause, string? LegalBasis, string? Facts);

/// <summary>What an officer records with a step: measures (notice, decision), an extension's days and approver, reasoning, a note.</summary>
public sealed record CaseStepInput(PenaltyMeasures? Measures = null, int? Days = null, string? ApprovedBy = null, string? Note = null, bool HearingWaived = false);

/// <summary>
/// Penalty cases: filing, the steps through <see cref="CaseWorkflow"/> with the guards that need dates and amounts, and
/// the decision, which draws its number and announces <see cref="PenaltyDecided"/> in the same transaction. Audited.
/// </summary>
public sealed class CaseService(
    DbContext db,
    IOrganizationRegister register,
    ICalendarProvider calendars,
    CaseOptions options,
    IMoneyLimits money,
    IAuditTrail audit,
    ICurrentActor actor,
    ISequences sequences,
    IOutbox outbox,
    TimeProvider clock)
{
    public const string AuditEntity = "PenaltyCase";

    /// <summary>Field name under <c>Registry:Money:Max</c> bounding fines and confiscated amounts.</summary>
    public const string MoneyFieldName = "SupervisionPenalty";

    public Task<PenaltyCase?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<PenaltyCase>().Include(c => c.Events).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public void Forget() => db.ChangeTracker.Clear();

    public async Task<CaseDeadlines> DeadlinesAsync(PenaltyCase penaltyCase, CancellationToken cancellationToken, DateOnly? asOf = null) =>
        CaseClock.Compute(await calendars.GetAsync(cancellationToken), options, penaltyCase, asOf ?? ChinaTime.Today(clock));

    public long MaxFen => money.MaxFor(MoneyFieldName).Fen;

    /// <summary>Opens a case (立案) against a registered organization; the case number is drawn inside the transaction.</summary>
    public async Task<(PenaltyCase? Case, OperationResult Result)> FileAsync(CaseFiling filing, CancellationToken cancellationToken, DateOnly? on = null)
    {
        ArgumentNullException.ThrowIfNull(filing);
        var errors = new List<FormError>();
        if (string.IsNullOrWhiteSpace(filing.Cause))
        {
            errors.Add(new FormError("Cause", "Validation.Required", "Sup.Field.Cause"));
        }
        else if (filing.Cause.Trim().Length > PenaltyCase.MaxShort)
        {
            errors.Add(new FormError("Cause", "Validation.MaxLength", "Sup.Field.Cause", PenaltyCase.MaxShort));
        }

        if (filing.Facts is { Length: > PenaltyCase.MaxText })
        {
            errors.Add(new FormError("Facts", "Validation.MaxLength", "Sup.Field.Facts", PenaltyCase.MaxText));
        }

        if (filing.LegalBasis is { Length: > PenaltyCase.MaxShort })
        {
            errors.Add(new FormError("LegalBasis", "Validation.MaxLength", "Sup.Field.LegalBasis", PenaltyCase.MaxShort));
        }

        if (!Enum.IsDefined(filing.Source))
        {
            errors.Add(new FormError("Source", "Validation.Required", "Sup.Field.Source"));
        }

        var organization = await register.FindAsync(filing.OrganizationId, cancellationToken);
        if (organization is null)
        {
            errors.Add(new FormError("OrganizationId", "Sup.Error.UnknownOrganization"));
        }
        else if (organization.Status != OrganizationCodes.Active)
        {
            errors.Add(new FormError("OrganizationId", "Sup.Error.NotActive", organization.Name));
        }

        if (errors.Count > 0)
        {
            return (null, new OperationResult(errors));
        }

        var today = on ?? ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        PenaltyCase? filed = null;
        await using (var transaction = await db.BeginOwnTransactionAsync(cancellationToken))
        {
            var number = await sequences.NextAsync($"supervision:case:{today.Year}", cancellationToken);
            filed = new PenaltyCase
            {
                CaseNumber = string.Create(CultureInfo.InvariantCulture, $"AJ-{today.Year}-{number:0000}"),
                OrganizationId = organization!.Id,
                OrganizationName = organization.Name,
                CreditCode = organization.CreditCode ?? organization.FilingNumber,
                Source = filing.Source,
                SourceId = filing.SourceId,
                Cause = filing.Cause.Trim(),
                LegalBasis = Trim(filing.LegalBasis),
                Facts = Trim(filing.Facts),
                State = CaseState.Filed,
                FiledOn = today,
                Officer = actor.Name,
            };
            filed.Events.Add(new CaseEvent { Kind = CaseEventKind.Filed, On = today, At = now, Actor = actor.Name });
            db.Add(filed);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("supervision.case.filed", AuditEntity, Id(filed), $"{filed.CaseNumber} {filed.OrganizationName}: {filed.Cause}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitOwnAsync(cancellationToken);
        }

        return (filed, OperationResult.Ok);
    }

    /// <summary>
    /// An officer's step. Guards: the notice needs valid proposed measures; a hearing may be asked for only when the
    /// measures qualify (第六十三条) and within 5 working days of the notice (第六十四条(一)); the decision needs valid
    /// measures no heavier than the notice (第四十五条), and when a hearing applies, the hearing held, waived, or its window
    /// passed (第六十二条); an extension needs its approver and 1–<see cref="CaseOptions.MaxExtension"/> days.
    /// </summary>
    /// <remarks><paramref name="on"/> is for the demo recipe and tests that replay steps taken in the past.</remarks>
    public async Task<OperationResult> StepAsync(PenaltyCase penaltyCase, CaseTrigger trigger, CaseStepInput input, long seenVersion, CancellationToken cancellationToken, DateOnly? on = null)
    {
        ArgumentNullException.ThrowIfNull(penaltyCase);
        ArgumentNullException.ThrowIfNull(input);
        var today = on ?? ChinaTime.Today(clock);
        if (CaseWorkflow.Next(penaltyCase.State, trigger) is not { } next)
        {
            return OperationResult.Fail("", "Sup.Error.NotAllowed", $"Sup.Trigger.{trigger}", $"Sup.CaseState.{penaltyCase.State}");
        }

        var deadlines = await DeadlinesAsync(penaltyCase, cancellationToken, today);
        if (Guard(penaltyCase, trigger, input, deadlines, today) is { } refused)
        {
            return refused;
        }

        db.ExpectVersion(penaltyCase, seenVersion);

        // The decision number is drawn inside the transaction that saves it (ISequences), so a refused save gives it back.
        await using var transaction = trigger == CaseTrigger.Decide ? await db.BeginOwnTransactionAsync(cancellationToken) : null;
        var now = on is { } past ? past.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc) : clock.GetUtcNow().UtcDateTime;
        var step = new CaseEvent
        {
            Kind = Enum.Parse<CaseEventKind>(trigger.ToString()),
            On = today,
            At = now,
            Actor = actor.Name,
            Days = trigger == CaseTrigger.Extend ? input.Days : null,
            ApprovedBy = trigger == CaseTrigger.Extend ? Trim(input.ApprovedBy) : null,
            Note = Trim(input.Note),
        };
        penaltyCase.Events.Add(step);
        penaltyCase.State = next;
        switch (trigger)
        {
            case CaseTrigger.Notify:
                penaltyCase.Proposed = input.Measures!.Copy();
                penaltyCase.HearingWaived = false;
                break;
            case CaseTrigger.Decide:
                await DecideAsync(penaltyCase, input, today, cancellationToken);
                break;
            default:
                if (trigger == CaseTrigger.RequestHearing)
                {
                    penaltyCase.HearingWaived = false;
                }

                break;
        }

        if (trigger == CaseTrigger.Notify && input.HearingWaived)
        {
            penaltyCase.HearingWaived = true;
        }

        audit.Record($"supervision.case.{trigger.ToString().ToLowerInvariant()}", AuditEntity, Id(penaltyCase), $"{penaltyCase.CaseNumber}: {penaltyCase.State}{(step.Days is { } d ? $" +{d}" : "")}{(penaltyCase.DecisionNumber is { } n && trigger == CaseTrigger.Decide ? " " + n : "")}");
        var saved = await db.SaveOrConflictAsync(cancellationToken);
        if (saved.Succeeded)
        {
            await transaction.CommitOwnAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>Records that the party waived the hearing it was told of (so the decision need not wait for the window).</summary>
    public async Task<OperationResult> WaiveHearingAsync(PenaltyCase penaltyCase, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(penaltyCase);
        if (penaltyCase.State != CaseState.Notified)
        {
            return OperationResult.Fail("", "Sup.Error.NotAllowed", "Sup.Action.WaiveHearing", $"Sup.CaseState.{penaltyCase.State}");
        }

        db.ExpectVersion(penaltyCase, seenVersion);
        penaltyCase.HearingWaived = true;
        audit.Record("supervision.case.hearingwaived", AuditEntity, Id(penaltyCase), penaltyCase.CaseNumber);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    private OperationResult? Guard(PenaltyCase penaltyCase, CaseTrigger trigger, CaseStepInput input, CaseDeadlines deadlines, DateOnly today)
    {
        if (input.Note is { Length: > PenaltyCase.MaxText })
        {
            return OperationResult.Fail("Note", "Validation.MaxLength", "Sup.Field.Note", PenaltyCase.MaxText);
        }

        switch (trigger)
        {
            case CaseTrigger.Notify or CaseTrigger.Decide:
                if (input.Measures is null)
                {
                    return OperationResult.Fail("Measures", "Sup.Error.NoMeasure");
                }

                if (PenaltyRules.Problems(input.Measures, MaxFen) is { Count: > 0 } problems)
                {
                    return new OperationResult([.. problems.Select(p => new FormError("Measures", p))]);
                }

                if (trigger == CaseTrigger.Notify)
                {
                    return null;
                }

                if (PenaltyRules.IsHeavier(input.Measures, penaltyCase.Proposed))
                {
                    return OperationResult.Fail("Measures", "Sup.Error.HeavierThanNotice");
                }

                if (penaltyCase.State == CaseState.Notified && !penaltyCase.HearingWaived && deadlines.HearingRequestDue is { } window && today <= window.Date)
                {
                    return OperationResult.Fail("", "Sup.Error.HearingWindowOpen", window.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                if (string.IsNullOrWhiteSpace(input.Note))
                {
                    return OperationResult.Fail("Note", "Validation.Required", "Sup.Field.Reasoning");
                }

                return null;
            case CaseTrigger.RequestHearing:
                if (!PenaltyRules.QualifiesForHearing(penaltyCase.Proposed, options))
                {
                    return OperationResult.Fail("", "Sup.Error.NoHearingRight");
                }

                return deadlines.HearingRequestDue is { } due && today > due.Date
                    ? OperationResult.Fail("", "Sup.Error.HearingRequestLate", due.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    : null;
            case CaseTrigger.Extend:
                if (string.IsNullOrWhiteSpace(input.ApprovedBy))
                {
                    return OperationResult.Fail("ApprovedBy", "Validation.Required", "Sup.Field.ApprovedBy");
                }

                return input.Days is not { } days || days < 1 || days > options.MaxExtension
                    ? OperationResult.Fail("Days", "Sup.Error.ExtensionDays", options.MaxExtension)
                    : null;
            case CaseTrigger.Dismiss:
                return string.IsNullOrWhiteSpace(input.Note) ? OperationResult.Fail("Note", "Validation.Required", "Sup.Field.Reasoning") : null;
            default:
                return null;
        }
    }

    private async Task DecideAsync(PenaltyCase penaltyCase, CaseStepInput input, DateOnly today, CancellationToken cancellationToken)
    {
        var number = await sequences.NextAsync($"supervision:decision:{today.Year}", cancellationToken);
        penaltyCase.Decided = input.Measures!.Copy();
        penaltyCase.DecidedOn = today;
        penaltyCase.DecisionReasoning = Trim(input.Note);
        penaltyCase.DecisionNumber = string.Create(CultureInfo.InvariantCulture, $"{options.DecisionNumberPrefix}〔{today.Year}〕{number}号");
        outbox.Publish(PenaltyDecided.Topic, new PenaltyDecided(
            penaltyCase.Id, penaltyCase.OrganizationId, penaltyCase.DecisionNumber, today,
            [.. penaltyCase.Decided.Kinds().Select(k => k.ToString())], penaltyCase.Decided.FineFen));
    }

    internal static string Id(PenaltyCase penaltyCase) => penaltyCase.Id.ToString(CultureInfo.InvariantCulture);

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
