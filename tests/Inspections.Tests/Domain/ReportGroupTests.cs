using Registry.Inspections.Domain;

namespace Registry.Inspections.Tests.Domain;

public sealed class ReportGroupTests
{
    [Theory]
    [InlineData(ReportState.NotStarted, true)]
    [InlineData(ReportState.Draft, true)]
    [InlineData(ReportState.Returned, true)]
    [InlineData(ReportState.Submitted, false)]
    [InlineData(ReportState.Concluded, false)]
    [InlineData(ReportState.Exempt, false)]
    [InlineData(ReportState.UnitReview, false)]
    public void NotSubmitted_EveryStateBeforeFiling_IsIn(ReportState state, bool expected) =>
        ReportGroups.Contains(ReportGroup.NotSubmitted, new AnnualReport { State = state }).ShouldBe(expected);

    [Fact]
    public void Submitted_WithTheSupervisingUnit_CountsAsFiled() =>
        ReportGroups.Contains(ReportGroup.Submitted, new AnnualReport { State = ReportState.UnitReview }).ShouldBeTrue();

    [Fact]
    public void ExpectedAndExempt_TogetherAreEveryReport() =>
        Enum.GetValues<ReportState>().Select(s => new AnnualReport { State = s })
            .ShouldAllBe(r => ReportGroups.Contains(ReportGroup.Expected, r) != ReportGroups.Contains(ReportGroup.Exempt, r));
}
