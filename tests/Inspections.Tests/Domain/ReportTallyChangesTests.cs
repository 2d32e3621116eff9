using Registry.Inspections.Contracts;
using Registry.Inspections.Domain;

namespace Registry.Inspections.Tests.Domain;

public sealed class ReportTallyChangesTests
{
    private static AnnualReport Report(ReportState state, InspectionResult? result = null) => new()
    {
        CampaignId = 7,
        Year = 2025,
        TypeCode = "SocialGroup",
        Street = "鼓楼街道",
        State = state,
        Result = result,
        Content = new ReportContent { FullTimeStaff = 4, Volunteers = 30, IncomeDonationsFen = 500_000, ExpenseProgrammeFen = 200_000, NetAssetsEndFen = 900_000, PartyMembers = 3, PartyOrganization = PartyOrganization.Independent },
    };

    [Fact]
    public void Add_AReportOutAndInUnchanged_ChangesNothing()
    {
        var changes = new ReportTallyChanges();

        changes.Add(Report(ReportState.Concluded, InspectionResult.Qualified), -1);
        changes.Add(Report(ReportState.Concluded, InspectionResult.Qualified), +1);

        changes.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Add_SubmittedReportConcluded_MovesOneCountAndAddsItsSectorFigures()
    {
        var changes = new ReportTallyChanges();

        changes.Add(Report(ReportState.Submitted), -1);
        changes.Add(Report(ReportState.Concluded, InspectionResult.Qualified), +1);

        changes.Counts.Select(c => (c.Key.State, c.Key.Result, c.Value)).ShouldBe([("Concluded", "Qualified", 1L), ("Submitted", "", -1L)]);
        var (key, sums) = changes.Sectors.ShouldHaveSingleItem();
        key.ShouldBe(new SectorTallyKey(2025, "SocialGroup", "鼓楼街道"));
        var byColumn = ReportTallyChanges.SectorColumns.Zip(sums).ToDictionary(p => p.First, p => p.Second);
        (byColumn["Reports"], byColumn["FullTimeStaff"], byColumn["IncomeDonationsFen"], byColumn["NetAssetsFen"], byColumn["PartyRequired"], byColumn["PartyCovered"], byColumn["PartyWorkCovered"])
            .ShouldBe((1L, 4L, 500_000L, 900_000L, 1L, 1L, 1L));
    }

    [Fact]
    public void SectorValues_EveryMeasureAndPartyGroup_AsTheFiguresSelectorsCountThem()
    {
        var report = Report(ReportState.Concluded, InspectionResult.Qualified);

        var values = ReportTallyChanges.SectorValues(report);

        values.Length.ShouldBe(ReportTallyChanges.SectorColumns.Count);
        var expected = SectorTally.From(2025, new SectorFigureGroup("SocialGroup", "鼓楼街道", 1, 4, 0, 30, 0, 0, 0, 500_000, 0, 0, 0, 200_000, 0, 0, 0, 900_000, 1, 1, 1));
        values.ShouldBe(ReportTallyChanges.SectorColumns.Select(c => Convert.ToInt64(typeof(SectorTally).GetProperty(c)!.GetValue(expected), System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }
}
