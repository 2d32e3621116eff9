using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Ratings.Domain;

namespace Registry.Ratings.Tests.Domain;

public sealed class RatingFactsTests
{
    private static readonly RegisterFacts Register = new(7, new DateOnly(2015, 6, 18), 120, 8, 3_000_000, "宁波市海曙区鼓楼街道中山西路1号", "周明华");

    private static readonly AnnualReportFacts Report = new(7, 2025, 135, 9, 3, 1, 40, 38_640_000, 37_650_000, 12_000_000);

    [Fact]
    public void Fields_SocialGroupAndOthers_MembersAskedOnlyOfASocialGroup()
    {
        RatingFacts.Fields(OrganizationCodes.SocialGroup).Select(f => f.Code).ShouldContain(RatingFacts.IndividualMembers);
        RatingFacts.Fields(OrganizationCodes.SocialGroup).Select(f => f.Code).ShouldContain(RatingFacts.UnitMembers);
        RatingFacts.Fields(OrganizationCodes.PrivateNonEnterprise).Select(f => f.Code).ShouldNotContain(RatingFacts.IndividualMembers);
        RatingFacts.Fields(OrganizationCodes.Foundation).Select(f => f.Code).ShouldNotContain(RatingFacts.UnitMembers);
    }

    [Fact]
    public void Prefill_RegisterAndReport_FoundingFromRegisterMembersStaffAndFinancesFromTheReport()
    {
        var facts = RatingFacts.Prefill(OrganizationCodes.SocialGroup, Register, Report, currentGrade: 3);

        facts[RatingFacts.FoundedOn].ShouldBe(new StatedFact("2015-06-18", FactSource.Register));
        facts[RatingFacts.IndividualMembers].ShouldBe(new StatedFact("135", FactSource.AnnualReport, 2025), "the report is the newer statement");
        facts[RatingFacts.UnitMembers].ShouldBe(new StatedFact("9", FactSource.AnnualReport, 2025));
        facts[RatingFacts.FullTimeStaff].ShouldBe(new StatedFact("3", FactSource.AnnualReport, 2025));
        facts[RatingFacts.PartTimeStaff].ShouldBe(new StatedFact("1", FactSource.AnnualReport, 2025));
        facts[RatingFacts.Volunteers].ShouldBe(new StatedFact("40", FactSource.AnnualReport, 2025));
        facts[RatingFacts.Income].ShouldBe(new StatedFact("38640000", FactSource.AnnualReport, 2025));
        facts[RatingFacts.Expenditure].ShouldBe(new StatedFact("37650000", FactSource.AnnualReport, 2025));
        facts[RatingFacts.CurrentGrade].ShouldBe(new StatedFact("3", FactSource.GradeRecord));
    }

    [Fact]
    public void Prefill_NoAnnualReport_MembersFromTheRegisterStaffAndFinancesLeftToTheApplicant()
    {
        var facts = RatingFacts.Prefill(OrganizationCodes.SocialGroup, Register, null, currentGrade: 0);

        facts[RatingFacts.IndividualMembers].ShouldBe(new StatedFact("120", FactSource.Register));
        facts[RatingFacts.UnitMembers].ShouldBe(new StatedFact("8", FactSource.Register));
        facts.ShouldNotContainKey(RatingFacts.FullTimeStaff);
        facts.ShouldNotContainKey(RatingFacts.Income);
        facts[RatingFacts.CurrentGrade].ShouldBe(new StatedFact("0", FactSource.GradeRecord));
    }

    [Fact]
    public void Prefill_NotASocialGroup_NoMembers()
    {
        var facts = RatingFacts.Prefill(OrganizationCodes.PrivateNonEnterprise, Register, Report, currentGrade: 0);

        facts.ShouldNotContainKey(RatingFacts.IndividualMembers);
        facts.ShouldNotContainKey(RatingFacts.UnitMembers);
        facts[RatingFacts.Volunteers].Source.ShouldBe(FactSource.AnnualReport);
    }

    [Fact]
    public void Merge_PrefilledValuesTypedBack_KeepTheirSources()
    {
        var prefill = RatingFacts.Prefill(OrganizationCodes.SocialGroup, Register, Report, currentGrade: 3);
        var typed = Typed(prefill);

        var (facts, errors) = RatingFacts.Merge(OrganizationCodes.SocialGroup, typed, new Dictionary<string, StatedFact>(), prefill);

        errors.ShouldBeEmpty();
        facts.ShouldBe(prefill, ignoreOrder: true);
    }

    [Fact]
    public void Merge_ChangedValue_IsTheApplicantsAndRemembersThePrefill()
    {
        var prefill = RatingFacts.Prefill(OrganizationCodes.SocialGroup, Register, Report, currentGrade: 3);
        var typed = Typed(prefill);
        typed[RatingFacts.Volunteers] = "52";
        typed[RatingFacts.Income] = "¥390,000.50";

        var (facts, errors) = RatingFacts.Merge(OrganizationCodes.SocialGroup, typed, new Dictionary<string, StatedFact>(), prefill);

        errors.ShouldBeEmpty();
        facts[RatingFacts.Volunteers].ShouldBe(new StatedFact("52", FactSource.Applicant, null, "40"));
        facts[RatingFacts.Income].ShouldBe(new StatedFact("39000050", FactSource.Applicant, null, "38640000"));
        facts[RatingFacts.FoundedOn].Source.ShouldBe(FactSource.Register);
    }

    [Fact]
    public void Merge_ValueSavedBefore_KeepsItsSourceWhenTheSourceHasMovedOn()
    {
        var saved = new Dictionary<string, StatedFact> { [RatingFacts.Volunteers] = new("40", FactSource.AnnualReport, 2024) };
        var prefill = RatingFacts.Prefill(OrganizationCodes.PrivateNonEnterprise, Register, Report with { Volunteers = 45 }, currentGrade: 0);

        var (facts, _) = RatingFacts.Merge(OrganizationCodes.PrivateNonEnterprise, new Dictionary<string, string?> { [RatingFacts.Volunteers] = "40" }, saved, prefill);

        facts[RatingFacts.Volunteers].ShouldBe(saved[RatingFacts.Volunteers]);
    }

    [Fact]
    public void Merge_NothingToPrefillFrom_TypedValueIsTheApplicantsBlankIsNotStated()
    {
        var (facts, errors) = RatingFacts.Merge(OrganizationCodes.PrivateNonEnterprise,
            new Dictionary<string, string?> { [RatingFacts.FullTimeStaff] = " 4 ", [RatingFacts.Volunteers] = "" }, new Dictionary<string, StatedFact>(), new Dictionary<string, StatedFact>());

        errors.ShouldBeEmpty();
        facts[RatingFacts.FullTimeStaff].ShouldBe(new StatedFact("4", FactSource.Applicant));
        facts[RatingFacts.Volunteers].ShouldBe(new StatedFact("", FactSource.Applicant));
        facts[RatingFacts.Volunteers].Edited.ShouldBeFalse();
    }

    [Theory]
    [InlineData(RatingFacts.FoundedOn, "2015/6/18", "Rate.Fact.Error.Date")]
    [InlineData(RatingFacts.FoundedOn, "9999-12-31", "Rate.Fact.Error.DateRange")]
    [InlineData(RatingFacts.Volunteers, "-3", "Rate.Fact.Error.Count")]
    [InlineData(RatingFacts.Volunteers, "4.5", "Rate.Fact.Error.Count")]
    [InlineData(RatingFacts.Volunteers, "99999999", "Rate.Fact.Error.Count")]
    [InlineData(RatingFacts.Income, "一万", "Rate.Fact.Error.Money")]
    [InlineData(RatingFacts.Income, "-10", "Rate.Fact.Error.Money")]
    [InlineData(RatingFacts.Income, "10.001", "Rate.Fact.Error.MoneyPrecision")]
    [InlineData(RatingFacts.CurrentGrade, "6", "Rate.Fact.Error.Grade")]
    public void Merge_InvalidValue_RefusedOnItsFieldWithItsLabel(string code, string text, string key)
    {
        var (facts, errors) = RatingFacts.Merge(OrganizationCodes.PrivateNonEnterprise, new Dictionary<string, string?> { [code] = text },
            new Dictionary<string, StatedFact>(), new Dictionary<string, StatedFact>());

        var error = errors.ShouldHaveSingleItem();
        (error.Field, error.Key).ShouldBe((code, key));
        error.Args.ShouldBe(new object[] { RatingFacts.Label(code) });
        facts.ShouldNotContainKey(code);
    }

    [Fact]
    public void WriteRead_RoundTrip_KeepsValuesSourcesAndPrefill()
    {
        var facts = new Dictionary<string, StatedFact>
        {
            [RatingFacts.FoundedOn] = new("2015-06-18", FactSource.Register),
            [RatingFacts.Income] = new("39000050", FactSource.Applicant, null, "38640000"),
            [RatingFacts.Volunteers] = new("40", FactSource.AnnualReport, 2025),
        };

        var json = RatingFacts.Write(facts);

        json.ShouldContain("\"AnnualReport\"", Case.Sensitive, "sources are stored by name");
        RatingFacts.Read(json).ShouldBe(facts, ignoreOrder: true);
        RatingFacts.Read("").ShouldBeEmpty();
    }

    [Fact]
    public void InputValue_Money_ShownInYuan()
    {
        RatingFacts.InputValue(FactKind.Money, "38640000").ShouldBe("386400.00");
        RatingFacts.InputValue(FactKind.Count, "40").ShouldBe("40");
        RatingFacts.InputValue(FactKind.Money, "").ShouldBe("");
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Labels_EveryFieldAndSource_InEachCulturesCatalog(string culture)
    {
        var assembly = typeof(RatingFacts).Assembly;
        var keys = assembly.GetManifestResourceNames().Where(n => n.EndsWith("." + culture + ".json", StringComparison.Ordinal))
            .SelectMany(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return System.Text.Json.JsonDocument.Parse(stream).RootElement.EnumerateObject().Select(p => p.Name).ToList();
            })
            .ToHashSet(StringComparer.Ordinal);

        var asked = RatingFacts.Fields(OrganizationCodes.SocialGroup).Select(f => RatingFacts.Label(f.Code))
            .Concat(Enum.GetValues<FactSource>().Select(s => $"Rate.Fact.Source.{s}"));
        asked.Where(k => !keys.Contains(k)).ShouldBeEmpty();
    }

    private static Dictionary<string, string?> Typed(IReadOnlyDictionary<string, StatedFact> facts) =>
        RatingFacts.Fields(OrganizationCodes.SocialGroup).ToDictionary(f => f.Code, f => (string?)RatingFacts.InputValue(f.Kind, facts.GetValueOrDefault(f.Code)?.Value ?? ""));
}
