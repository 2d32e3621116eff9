using Registry.Grants.Domain;

namespace Registry.Grants.Tests.Domain;

public sealed class OrganizationFactRulesTests
{
    private static readonly OrganizationFacts Register = new(new DateOnly(2000, 1, 1), 15, 7, 40, 50_000_000, 42_000_000, 0);

    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void SourceOf_PrefilledValuesUnchanged_EachShowsWhereItCameFrom()
    {
        var facts = ApplicationFacts.From(Register, 2025);

        OrganizationFactRules.Fields.Select(f => OrganizationFactRules.SourceOf(facts, f.Field)).ShouldBe(
            [FactSource.Register, FactSource.AnnualReport, FactSource.AnnualReport, FactSource.AnnualReport, FactSource.AnnualReport, FactSource.AnnualReport, FactSource.Rating]);
    }

    [Fact]
    public void SourceOf_ChangedValue_NoSourceWhileTheOthersKeepTheirs()
    {
        var facts = ApplicationFacts.From(Register, 2025) with { Stated = Register with { Volunteers = 55 } };

        OrganizationFactRules.SourceOf(facts, OrganizationFactRules.Volunteers).ShouldBeNull();
        OrganizationFactRules.SourceOf(facts, OrganizationFactRules.Members).ShouldBe(FactSource.AnnualReport);
    }

    [Fact]
    public void SourceOf_ChangedBackToThePrefilledValue_SourceShownAgain()
    {
        var facts = ApplicationFacts.From(Register, 2025) with { Stated = Register with { Volunteers = 55 } };

        var back = facts with { Stated = facts.Stated with { Volunteers = 40 } };

        OrganizationFactRules.SourceOf(back, OrganizationFactRules.Volunteers).ShouldBe(FactSource.AnnualReport);
    }

    [Fact]
    public void SourceOf_NothingPrefilled_NoSourceEvenWhenStated()
    {
        var facts = ApplicationFacts.From(new OrganizationFacts(), null) with { Stated = new OrganizationFacts(Members: 20) };

        OrganizationFactRules.SourceOf(facts, OrganizationFactRules.Members).ShouldBeNull();
    }

    [Fact]
    public void Read_RoundTripAndEmpty()
    {
        var facts = ApplicationFacts.From(Register, 2025) with { Stated = Register with { IncomeFen = 1 } };

        ApplicationFacts.Read(facts.ToJson()).ShouldBe(facts);
        ApplicationFacts.Read("").ShouldBe(ApplicationFacts.None);
    }

    [Fact]
    public void Errors_ValidFactsAndEmptyFacts_None()
    {
        OrganizationFactRules.Errors(Register, Today).ShouldBeEmpty();
        OrganizationFactRules.Errors(new OrganizationFacts(), Today).ShouldBeEmpty();
    }

    [Fact]
    public void Errors_EachRuleNamesItsField()
    {
        var wrong = new OrganizationFacts(Today.AddDays(1), -1, OrganizationFactRules.MaxCount + 1, 0, -1, 0, 6);

        OrganizationFactRules.Errors(wrong, Today).Select(e => (e.Field, e.Key)).ShouldBe(
        [
            ("Facts.FoundedOn", "Grant.Fact.Error.FoundedInFuture"),
            ("Facts.Members", "Grant.Fact.Error.Count"),
            ("Facts.Staff", "Grant.Fact.Error.Count"),
            ("Facts.IncomeFen", "Grant.Error.Positive"),
            ("Facts.Grade", "Grant.Fact.Error.Grade"),
        ]);
    }

    [Fact]
    public void Errors_FoundedToday_Allowed()
    {
        OrganizationFactRules.Errors(new OrganizationFacts(FoundedOn: Today), Today).ShouldBeEmpty();
    }
}
