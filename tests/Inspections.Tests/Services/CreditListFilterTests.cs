using Registry.Inspections.Domain;
using Registry.Inspections.Services;

namespace Registry.Inspections.Tests.Services;

public sealed class CreditListFilterTests
{
    [Fact]
    public void Parse_NothingGiven_IsTheCurrentEntries()
    {
        var (filter, errors) = CreditListFilter.Parse(null, "", " ", null, null);

        (filter, errors.Count).ShouldBe((new CreditListFilter(), 0));
    }

    [Fact]
    public void Parse_EnteredInAPeriod_KeepsListAndDays()
    {
        var (filter, errors) = CreditListFilter.Parse("Serious", "Entered", "2026-01-01", "2026-12-31", null);

        errors.ShouldBeEmpty();
        filter.ShouldBe(new CreditListFilter(CreditList.Serious, CreditListMovement.Entered, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
    }

    [Theory]
    [InlineData("Abnormal", "Exited", "2026-01-01", "2026-12-31", null, "list=Abnormal&movement=Exited&from=2026-01-01&to=2026-12-31")]
    [InlineData(null, "Listed", null, null, "2026-12-31", "movement=Listed&on=2026-12-31")]
    [InlineData("Serious", null, null, null, null, "list=Serious")]
    public void Query_OfAParsedFilter_GivesTheSameFilterBack(string? list, string? movement, string? from, string? to, string? on, string query)
    {
        var (filter, _) = CreditListFilter.Parse(list, movement, from, to, on);

        filter.Query().ShouldBe(query);
        var values = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var (again, errors) = CreditListFilter.Parse(values.GetValueOrDefault("list"), values.GetValueOrDefault("movement"), values.GetValueOrDefault("from"), values.GetValueOrDefault("to"), values.GetValueOrDefault("on"));
        (again, errors.Count).ShouldBe((filter, 0));
    }

    [Theory]
    [InlineData("Both", null, null, null, null, "List", "Filter.BadChoice")]
    [InlineData(null, "1", null, null, null, "Movement", "Filter.BadChoice")]
    [InlineData(null, "Entered", "2026-02-30", "2026-12-31", null, "From", "Filter.BadDate")]
    [InlineData(null, "Entered", "2026-12-31", "2026-01-01", null, "From", "Filter.FromAfterTo")]
    [InlineData(null, "Exited", null, "2026-01-01", null, "From", "Insp.Credit.Error.PeriodRequired")]
    [InlineData(null, "Listed", null, null, null, "On", "Insp.Credit.Error.DayRequired")]
    [InlineData(null, null, null, null, "2026-12-31", "Movement", "Insp.Credit.Error.DatesNeedMovement")]
    public void Parse_NotUnderstood_NamesTheFieldAndWhy(string? list, string? movement, string? from, string? to, string? on, string field, string key) =>
        CreditListFilter.Parse(list, movement, from, to, on).Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Field.ShouldBe(field),
            e => e.Key.ShouldBe(key));
}
