using Registry.Core.Calendar;
using Registry.Core.Forms;

namespace Registry.Grants.Domain;

/// <summary>
/// What the organization fills in on a report; a draft may be partial. <see cref="IndicatorActuals"/> follows the
/// report's indicators in order; <see cref="LineActualFen"/> is keyed by the approved line's position.
/// </summary>
public sealed record ProgressInput(string Narrative, int? BeneficiariesReached, IReadOnlyList<string> IndicatorActuals, IReadOnlyDictionary<int, long> LineActualFen);

/// <summary>An evaluation's decision as the officer records it.</summary>
public sealed record OutcomeInput(EvaluationOutcome? Outcome, string? Conditions, string? Reason, long? RefundFen);

/// <summary>
/// The rules of progress reports: due dates (mid-term at the project's midpoint, final a number of working days after
/// its end), the shape of a draft, what a submission needs, and what an outcome needs.
/// </summary>
public static class ProgressRules
{
    public const int NarrativeMax = 8000;
    public const int ActualMax = 200;
    public const int ReasonMax = 2000;

    /// <summary>The most a line may report as spent (¥10 million): beyond it the figure is a typing slip.</summary>
    public const long LineMaxFen = 1_000_000_000;

    /// <summary>The mid-term report is due at the project's midpoint (rounded down to a day).</summary>
    public static DateOnly MidTermDue(DateOnly startOn, DateOnly endOn) => startOn.AddDays((endOn.DayNumber - startOn.DayNumber) / 2);

    /// <summary>The final report is due <paramref name="workingDays"/> working days after the project's last day (provisional where the calendar is).</summary>
    public static DueDate FinalDue(WorkingDayCalendar calendar, DateOnly endOn, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.DueAfter(endOn, workingDays);
    }

    /// <summary>
    /// A new draft report of the agreement: the indicators and budget lines of its plan in force copied, nothing achieved
    /// yet; its deadline as inputs (the mid-term's midpoint; the final's project end and <paramref name="finalWorkingDays"/>).
    /// </summary>
    public static ProgressReport NewReport(GrantAgreement agreement, ReportKind kind, int finalWorkingDays, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var plan = agreement.Plan;
        return new ProgressReport
        {
            AgreementId = agreement.Id,
            ApplicationId = agreement.ApplicationId,
            OrganizationId = agreement.OrganizationId,
            Kind = kind,
            DueFrom = kind == ReportKind.Final ? agreement.EndOn : MidTermDue(agreement.StartOn, agreement.EndOn),
            DueWorkingDays = kind == ReportKind.Final ? finalWorkingDays : 0,
            Indicators = [.. plan.Indicators.Select(i => new IndicatorAchievement(i.Kind, i.Name, i.Target))],
            Budget = [.. plan.Lines.Select((l, i) => new BudgetExecution(i, l.Item, checked(l.RequestedFen + l.MatchingFen)))],
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>What makes even a draft unsaveable: too long, negative, unknown lines, a different number of indicators.</summary>
    public static List<FormError> ShapeErrors(ProgressReport report, ProgressInput input)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FormError>();
        if (input.Narrative.Length > NarrativeMax)
        {
            errors.Add(new FormError("Narrative", "Validation.MaxLength", "Grant.Progress.Field.Narrative", NarrativeMax));
        }

        if (input.BeneficiariesReached < 0)
        {
            errors.Add(new FormError("BeneficiariesReached", "Grant.Progress.Error.Negative", "Grant.Progress.Field.BeneficiariesReached"));
        }

        if (input.IndicatorActuals.Count != report.Indicators.Count)
        {
            errors.Add(new FormError("", "Grant.Progress.Error.IndicatorsChanged"));
        }

        for (var i = 0; i < input.IndicatorActuals.Count; i++)
        {
            if (input.IndicatorActuals[i].Length > ActualMax)
            {
                errors.Add(new FormError($"Actuals[{i}]", "Validation.MaxLength", "Grant.Progress.Field.Actual", ActualMax));
            }
        }

        var positions = report.Budget.Select(l => l.Position).ToHashSet();
        foreach (var (position, fen) in input.LineActualFen)
        {
            if (!positions.Contains(position))
            {
                errors.Add(new FormError("", "Grant.Progress.Error.UnknownLine", position + 1));
            }
            else if (fen is < 0 or > LineMaxFen)
            {
                errors.Add(new FormError($"Spent[{position}]", "Grant.Progress.Error.LineAmount", position + 1));
            }
        }

        return errors;
    }

    /// <summary>Copies the input onto the report (after <see cref="ShapeErrors"/> found nothing).</summary>
    public static void Apply(ProgressReport report, ProgressInput input)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(input);
        report.Narrative = input.Narrative.Trim();
        report.BeneficiariesReached = input.BeneficiariesReached;
        report.Indicators = [.. report.Indicators.Select((indicator, i) => indicator with { Actual = i < input.IndicatorActuals.Count ? input.IndicatorActuals[i].Trim() : indicator.Actual })];
        report.Budget = [.. report.Budget.Select(l => l with { ActualFen = input.LineActualFen.TryGetValue(l.Position, out var fen) ? fen : null })];
    }

    /// <summary>
    /// What a submission needs: the project started (a final report: ended), the narrative, beneficiaries reached, every
    /// indicator's actual and every approved line's spending; a final report only after the mid-term was evaluated.
    /// </summary>
    public static List<FormError> SubmitErrors(ProgressReport report, DateOnly today, DateOnly startOn, DateOnly endOn, ProgressReport? midTerm)
    {
        ArgumentNullException.ThrowIfNull(report);
        var errors = new List<FormError>();
        if (!report.IsEditable)
        {
            errors.Add(new FormError("", "Grant.Progress.Error.NotEditable"));
            return errors;
        }

        if (today < startOn)
        {
            errors.Add(new FormError("", "Grant.Progress.Error.NotStarted", startOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }
        else if (report.Kind == ReportKind.Final && today <= endOn)
        {
            errors.Add(new FormError("", "Grant.Progress.Error.NotEnded", endOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (report.Kind == ReportKind.Final && midTerm is not { State: ReportState.Evaluated })
        {
            errors.Add(new FormError("", "Grant.Progress.Error.MidTermFirst"));
        }

        if (string.IsNullOrWhiteSpace(report.Narrative))
        {
            errors.Add(new FormError("Narrative", "Validation.Required", "Grant.Progress.Field.Narrative"));
        }

        if (report.BeneficiariesReached is null)
        {
            errors.Add(new FormError("BeneficiariesReached", "Validation.Required", "Grant.Progress.Field.BeneficiariesReached"));
        }

        var indicators = report.Indicators;
        for (var i = 0; i < indicators.Count; i++)
        {
            if (indicators[i].Actual.Length == 0)
            {
                errors.Add(new FormError($"Actuals[{i}]", "Grant.Progress.Error.ActualMissing", indicators[i].Name));
            }
        }

        foreach (var line in report.Budget.Where(l => l.ActualFen is null))
        {
            errors.Add(new FormError($"Spent[{line.Position}]", "Grant.Progress.Error.SpentMissing", line.Item));
        }

        return errors;
    }

    /// <summary>
    /// An outcome needs its text: conditions for a pass with conditions, a reason for a fail; a refund only on a failed
    /// final report, more than nothing and at most <paramref name="maxRefundFen"/> (what was paid).
    /// </summary>
    public static List<FormError> OutcomeErrors(ReportKind kind, OutcomeInput input, long maxRefundFen)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FormError>();
        switch (input.Outcome)
        {
            case null:
                errors.Add(new FormError("Outcome", "Grant.Progress.Error.ChooseOutcome"));
                break;
            case EvaluationOutcome.PassWithConditions when string.IsNullOrWhiteSpace(input.Conditions):
                errors.Add(new FormError("Conditions", "Validation.Required", "Grant.Progress.Field.Conditions"));
                break;
            case EvaluationOutcome.Fail when string.IsNullOrWhiteSpace(input.Reason):
                errors.Add(new FormError("Reason", "Validation.Required", "Grant.Progress.Field.FailReason"));
                break;
        }

        if ((input.Conditions?.Length ?? 0) > ReasonMax || (input.Reason?.Length ?? 0) > ReasonMax)
        {
            errors.Add(new FormError("", "Validation.MaxLength", "Grant.Progress.Field.Reason", ReasonMax));
        }

        if (input.RefundFen is { } refund)
        {
            if (kind != ReportKind.Final || input.Outcome != EvaluationOutcome.Fail)
            {
                errors.Add(new FormError("Refund", "Grant.Progress.Error.RefundOnlyOnFinalFail"));
            }
            else if (refund <= 0 || refund > maxRefundFen)
            {
                errors.Add(new FormError("Refund", "Grant.Progress.Error.RefundRange", new Registry.Core.Finance.Money(maxRefundFen).Format()));
            }
        }

        return errors;
    }
}
