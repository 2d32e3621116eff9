using Registry.Inspections.Domain;

namespace Registry.Inspections.Tests.Domain;

public sealed class CreditListRulesTests
{
    private readonly CreditListRules _rules = new();

    private static CreditListEntry Entry(EntryCause cause, DateOnly enteredOn) =>
        new() { Cause = cause, List = CreditListEntry.ListOf(cause), EnteredOn = enteredOn };

    [Fact]
    public void ExpiresOn_SixMonthsAfterEntry() =>
        _rules.ExpiresOn(Entry(EntryCause.LateAnnualReport, new DateOnly(2026, 6, 1))).ShouldBe(new DateOnly(2026, 12, 1));

    [Fact]
    public void ExpiresOn_EnteredOnTheLastDayOfAugust_EndsOnTheLastDayOfFebruary() =>
        _rules.ExpiresOn(Entry(EntryCause.LateAnnualReport, new DateOnly(2025, 8, 31))).ShouldBe(new DateOnly(2026, 2, 28));

    [Fact]
    public void Expires_LateReport_Yes() => _rules.Expires(Entry(EntryCause.LateAnnualReport, new DateOnly(2026, 6, 1))).ShouldBeTrue();

    [Theory]
    [InlineData(EntryCause.Unreachable)]
    [InlineData(EntryCause.UnfinishedRectification)]
    [InlineData(EntryCause.OtherAbnormal)]
    [InlineData(EntryCause.ProlongedAbnormal)]
    public void Expires_OtherCauses_No(EntryCause cause) => _rules.Expires(Entry(cause, new DateOnly(2026, 6, 1))).ShouldBeFalse();

    [Fact]
    public void SeriousFrom_TwoYearsAfterEntry() =>
        _rules.SeriousFrom(Entry(EntryCause.Unreachable, new DateOnly(2026, 3, 2))).ShouldBe(new DateOnly(2028, 3, 2));

    [Fact]
    public void SeriousFrom_Entered29February_MovesOn28February() =>
        _rules.SeriousFrom(Entry(EntryCause.Unreachable, new DateOnly(2028, 2, 29))).ShouldBe(new DateOnly(2030, 2, 28));

    [Fact]
    public void CleanOn_TwoYearsAfterEntry() =>
        _rules.CleanOn(Entry(EntryCause.SeriousPenalty, new DateOnly(2026, 3, 2))).ShouldBe(new DateOnly(2028, 3, 2));

    [Theory]
    [InlineData(EntryCause.LateAnnualReport, CreditList.Abnormal)]
    [InlineData(EntryCause.OtherAbnormal, CreditList.Abnormal)]
    [InlineData(EntryCause.ProlongedAbnormal, CreditList.Serious)]
    [InlineData(EntryCause.OtherSerious, CreditList.Serious)]
    public void ListOf_Cause_GivesItsList(EntryCause cause, CreditList list) => CreditListEntry.ListOf(cause).ShouldBe(list);
}
