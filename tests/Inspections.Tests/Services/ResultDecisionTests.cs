using Registry.Inspections.Domain;
using Registry.Inspections.Services;

namespace Registry.Inspections.Tests.Services;

public sealed class ResultDecisionTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void Validate_Qualified_NeedsNothingElse() =>
        ReportService.Validate(new ResultDecision(InspectionResult.Qualified, null, null, null), Today).ShouldBeEmpty();

    [Theory]
    [InlineData(InspectionResult.BasicallyQualified)]
    [InlineData(InspectionResult.Unqualified)]
    public void Validate_NotQualifiedWithoutDetails_RequiresReasonsRequirementsAndDueDate(InspectionResult result) =>
        ReportService.Validate(new ResultDecision(result, " ", null, null), Today).Select(e => (e.Field, e.Key))
            .ShouldBe([("Reasons", "Validation.Required"), ("RectificationRequirements", "Validation.Required"), ("RectificationDueOn", "Validation.Required")]);

    [Fact]
    public void Validate_DueToday_IsRefused() =>
        ReportService.Validate(Decision(Today), Today).ShouldHaveSingleItem().Key.ShouldBe("Insp.Error.DueInPast");

    [Fact]
    public void Validate_DueTomorrow_IsAccepted() => ReportService.Validate(Decision(Today.AddDays(1)), Today).ShouldBeEmpty();

    private static ResultDecision Decision(DateOnly due) =>
        new(InspectionResult.BasicallyQualified, "财务制度不健全。", "建立财务管理制度。", due);
}
