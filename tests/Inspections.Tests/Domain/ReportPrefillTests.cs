using Registry.Inspections.Domain;

namespace Registry.Inspections.Tests.Domain;

public sealed class ReportPrefillTests
{
    private static ReportContent LastYear() => new()
    {
        WorkSummary = "全年开展为老服务36场。",
        IndividualMembers = 1260,
        UnitMembers = 12,
        FullTimeStaff = 5,
        PartTimeStaff = 0,
        Volunteers = 80,
        PartyOrganization = PartyOrganization.Independent,
        PartyMembers = 9,
        NetAssetsStartFen = 1_000_000,
        NetAssetsEndFen = 1_200_000,
    };

    [Fact]
    public void Suggest_FromLastYearsReport_TakesPeopleAndPartyAndClosingNetAssetsAsOpening_SkipsZeros()
    {
        var fields = ReportPrefill.Suggest(LastYear(), registerIndividualMembers: 50, registerUnitMembers: 3);

        fields.ShouldAllBe(f => f.Source == PrefillSource.PreviousReport);
        fields.ToDictionary(f => f.Field, f => f.Value).ShouldBe(new Dictionary<string, long>
        {
            ["IndividualMembers"] = 1260,
            ["UnitMembers"] = 12,
            ["FullTimeStaff"] = 5,
            ["Volunteers"] = 80,
            ["PartyOrganization"] = (long)PartyOrganization.Independent,
            ["PartyMembers"] = 9,
            ["NetAssetsStartFen"] = 1_200_000,
        }, ignoreOrder: true);
    }

    [Fact]
    public void Suggest_WithoutAFiledReport_TakesTheRegistersMembershipOnly()
    {
        var fields = ReportPrefill.Suggest(null, registerIndividualMembers: 60, registerUnitMembers: 0);

        fields.ShouldHaveSingleItem().ShouldBe(new PrefilledField("IndividualMembers", PrefillSource.Register, 60));
        ReportPrefill.Suggest(null, 0, 0).ShouldBeEmpty();
    }

    [Fact]
    public void Apply_PutsTheValuesIn_AndSectionsGroupThem()
    {
        var content = new ReportContent();
        var fields = ReportPrefill.Suggest(LastYear(), 0, 0);

        ReportPrefill.Apply(content, fields);

        (content.Volunteers, content.PartyOrganization, content.NetAssetsStartFen, content.NetAssetsEndFen).ShouldBe((80, PartyOrganization.Independent, 1_200_000L, 0L));
        ReportPrefill.Unconfirmed(fields).ShouldBe([PrefillSection.People, PrefillSection.NetAssets]);
    }

    [Fact]
    public void Reconcile_ChangedFieldIsTheApplicants_ConfirmedSectionIsDone_OthersStayMarked()
    {
        var marks = ReportPrefill.Suggest(LastYear(), 0, 0);
        var saved = new ReportContent();
        ReportPrefill.Apply(saved, marks);
        saved.Volunteers = 95;

        var left = ReportPrefill.Reconcile(marks, saved, new HashSet<PrefillSection>());
        left.Select(f => f.Field).ShouldNotContain("Volunteers");
        left.Count.ShouldBe(marks.Count - 1);
        ReportPrefill.Unconfirmed(left).ShouldBe([PrefillSection.People, PrefillSection.NetAssets]);

        var afterPeople = ReportPrefill.Reconcile(left, saved, new HashSet<PrefillSection> { PrefillSection.People });
        afterPeople.ShouldHaveSingleItem().Field.ShouldBe("NetAssetsStartFen");

        ReportPrefill.Reconcile(afterPeople, saved, new HashSet<PrefillSection> { PrefillSection.NetAssets }).ShouldBeEmpty();
    }

    [Fact]
    public void Marks_RoundTripThroughTheStoredJson_AndNoneIsNull()
    {
        var marks = ReportPrefill.Suggest(LastYear(), 0, 0);

        var json = ReportPrefill.Write(marks);

        json.ShouldNotBeNull();
        json.ShouldContain("PreviousReport");
        ReportPrefill.Read(json).ShouldBe(marks);
        ReportPrefill.Write([]).ShouldBeNull();
        ReportPrefill.Read(null).ShouldBeEmpty();
    }

    [Fact]
    public void IsBlank_AnImportedResultWithoutContent_IsBlank_AFiledReportIsNot()
    {
        ReportPrefill.IsBlank(new ReportContent()).ShouldBeTrue();
        ReportPrefill.IsBlank(LastYear()).ShouldBeFalse();
        ReportPrefill.IsBlank(new ReportContent { NetAssetsEndFen = 5 }).ShouldBeFalse();
    }
}
