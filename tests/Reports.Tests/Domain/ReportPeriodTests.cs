using Registry.Reports.Domain;

namespace Registry.Reports.Tests.Domain;

public sealed class ReportPeriodTests
{
    [Fact]
    public void Create_YearOnly_CoversTheWholeYear()
    {
        var (period, error) = ReportPeriod.Create(2026, null, null);

        error.ShouldBeNull();
        (period!.First, period.Last, period.IsWholeYear).ShouldBe((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), true));
    }

    [Fact]
    public void Create_RangeInsideTheYear_KeepsTheRange()
    {
        var (period, _) = ReportPeriod.Create(2026, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30));

        (period!.First, period.Last, period.IsWholeYear).ShouldBe((new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), false));
    }

    [Theory]
    [InlineData(1999, null, null, "Rep.Error.Year")]
    [InlineData(2101, null, null, "Rep.Error.Year")]
    [InlineData(2026, "2025-12-31", null, "Rep.Error.RangeOutsideYear")]
    [InlineData(2026, null, "2027-01-01", "Rep.Error.RangeOutsideYear")]
    [InlineData(2026, "2026-05-02", "2026-05-01", "Rep.Error.RangeReversed")]
    public void Create_InvalidRequest_NamesTheProblem(int year, string? from, string? to, string expected)
    {
        var (period, error) = ReportPeriod.Create(year, from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        period.ShouldBeNull();
        error.ShouldBe(expected);
    }

    [Fact]
    public void UtcBounds_ChinaDays_StartAtMidnightInBeijing()
    {
        var period = ReportPeriod.WholeYear(2026);

        (period.FromUtc, period.ToUtc).ShouldBe((new DateTime(2025, 12, 31, 16, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 31, 16, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void CampaignYear_ReportYear_IsTheYearBefore()
    {
        ReportPeriod.WholeYear(2026).CampaignYear.ShouldBe(2025);
    }
}
