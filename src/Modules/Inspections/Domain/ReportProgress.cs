namespace Registry.Inspections.Domain;

/// <summary>A step of a report's way, as the organization follows it.</summary>
public enum ReportStep
{
    /// <summary>填报.</summary>
    Filing,

    /// <summary>业务主管单位初审 (only for a report filed to a supervising unit).</summary>
    UnitReview,

    /// <summary>登记管理机关审查.</summary>
    BureauReview,

    /// <summary>年检结论.</summary>
    Result,
}

/// <summary>Where a step stands.</summary>
public enum ReportStepStatus
{
    Pending,
    Current,
    Done,

    /// <summary>This step sent the report back for correction.</summary>
    Returned,
}

/// <summary>The organization's view of its report's progress by step (never the unit's opinion, unless it was returned).</summary>
public static class ReportProgress
{
    public static IReadOnlyList<(ReportStep Step, ReportStepStatus Status)> Steps(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var filing = report.State switch
        {
            ReportState.NotStarted or ReportState.Draft or ReportState.Returned => ReportStepStatus.Current,
            _ => ReportStepStatus.Done,
        };
        var steps = new List<(ReportStep, ReportStepStatus)> { (ReportStep.Filing, filing) };
        if (report.UnitName is not null)
        {
            steps.Add((ReportStep.UnitReview, report.State switch
            {
                ReportState.UnitReview => ReportStepStatus.Current,
                ReportState.Returned when report.ReturnedByUnit => ReportStepStatus.Returned,
                ReportState.Submitted or ReportState.Concluded or ReportState.Returned when report.UnitOutcome == UnitReviewOutcome.Agreed => ReportStepStatus.Done,
                _ => ReportStepStatus.Pending,
            }));
        }

        steps.Add((ReportStep.BureauReview, report.State switch
        {
            ReportState.Submitted => ReportStepStatus.Current,
            ReportState.Concluded => ReportStepStatus.Done,
            ReportState.Returned when !report.ReturnedByUnit && report.SubmittedAt is not null => ReportStepStatus.Returned,
            _ => ReportStepStatus.Pending,
        }));
        steps.Add((ReportStep.Result, report.State == ReportState.Concluded ? ReportStepStatus.Done : ReportStepStatus.Pending));
        return steps;
    }
}
