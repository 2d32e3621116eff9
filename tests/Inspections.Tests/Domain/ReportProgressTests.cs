using Registry.Inspections.Domain;

namespace Registry.Inspections.Tests.Domain;

/// <summary>The organization's progress by step: the unit's step only when the report went to a unit.</summary>
public sealed class ReportProgressTests
{
    private static IReadOnlyList<(ReportStep, ReportStepStatus)> Steps(ReportState state, string? unit = null, UnitReviewOutcome? outcome = null, bool filed = true) =>
        ReportProgress.Steps(new AnnualReport { State = state, UnitName = unit, UnitOutcome = outcome, SubmittedAt = filed ? new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc) : null });

    [Fact]
    public void Steps_DirectlyRegisteredAndSubmitted_NoUnitStepBureauCurrent() =>
        Steps(ReportState.Submitted).ShouldBe(new (ReportStep, ReportStepStatus)[] {
            (ReportStep.Filing, ReportStepStatus.Done), (ReportStep.BureauReview, ReportStepStatus.Current), (ReportStep.Result, ReportStepStatus.Pending)});

    [Fact]
    public void Steps_WithTheUnit_UnitStepCurrent() =>
        Steps(ReportState.UnitReview, "海曙区教育局").ShouldBe(new (ReportStep, ReportStepStatus)[] {
            (ReportStep.Filing, ReportStepStatus.Done), (ReportStep.UnitReview, ReportStepStatus.Current), (ReportStep.BureauReview, ReportStepStatus.Pending), (ReportStep.Result, ReportStepStatus.Pending)});

    [Fact]
    public void Steps_ReturnedByTheUnit_UnitStepReturnedFilingCurrent() =>
        Steps(ReportState.Returned, "海曙区教育局", UnitReviewOutcome.Returned).ShouldBe(new (ReportStep, ReportStepStatus)[] {
            (ReportStep.Filing, ReportStepStatus.Current), (ReportStep.UnitReview, ReportStepStatus.Returned), (ReportStep.BureauReview, ReportStepStatus.Pending), (ReportStep.Result, ReportStepStatus.Pending)});

    [Fact]
    public void Steps_AgreedThenReturnedByTheBureau_UnitDoneBureauReturned() =>
        Steps(ReportState.Returned, "海曙区教育局", UnitReviewOutcome.Agreed).ShouldBe(new (ReportStep, ReportStepStatus)[] {
            (ReportStep.Filing, ReportStepStatus.Current), (ReportStep.UnitReview, ReportStepStatus.Done), (ReportStep.BureauReview, ReportStepStatus.Returned), (ReportStep.Result, ReportStepStatus.Pending)});

    [Fact]
    public void Steps_Concluded_EveryStepDone() =>
        Steps(ReportState.Concluded, "海曙区教育局", UnitReviewOutcome.Agreed).ShouldAllBe(s => s.Item2 == ReportStepStatus.Done);

    [Fact]
    public void Steps_NotStarted_FilingCurrentRestPending() =>
        Steps(ReportState.NotStarted, filed: false).ShouldBe(new (ReportStep, ReportStepStatus)[] {
            (ReportStep.Filing, ReportStepStatus.Current), (ReportStep.BureauReview, ReportStepStatus.Pending), (ReportStep.Result, ReportStepStatus.Pending)});
}
