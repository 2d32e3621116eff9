using Registry.Inspections.Contracts;
using Registry.Inspections.Domain;

namespace Registry.Inspections.Tests.Domain;

public sealed class SectorFiguresTests
{
    private static readonly int[] MemberCounts = [0, 2, 3, 9];

    private static AnnualReport Report(PartyOrganization organization, int members, ReportState state = ReportState.Concluded) =>
        new() { Year = 2025, State = state, Content = new ReportContent { PartyOrganization = organization, PartyMembers = members } };

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(40, true)]
    public void Required_FromThreePartyMembers_AsPartyConstitutionArticle30(int members, bool expected) =>
        PartyCoverage.Contains(PartyGroup.Required, Report(PartyOrganization.None, members)).ShouldBe(expected);

    [Theory]
    [InlineData(PartyOrganization.Independent, true)]
    [InlineData(PartyOrganization.Joint, true)]
    [InlineData(PartyOrganization.Instructor, false)]
    [InlineData(PartyOrganization.None, false)]
    public void Covered_RequiredWithOwnOrJointOrganization_InstructorIsNot(PartyOrganization organization, bool expected) =>
        PartyCoverage.Contains(PartyGroup.Covered, Report(organization, 5)).ShouldBe(expected);

    [Fact]
    public void Covered_JointOrganizationWithTooFewMembers_CountsNowhereButWorkCoverage()
    {
        var report = Report(PartyOrganization.Joint, 2);

        (PartyCoverage.Contains(PartyGroup.Required, report), PartyCoverage.Contains(PartyGroup.Covered, report), PartyCoverage.Contains(PartyGroup.WorkCovered, report))
            .ShouldBe((false, false, true));
    }

    [Fact]
    public void CoveredAndUncovered_TogetherAreExactlyTheRequired()
    {
        var reports = Enum.GetValues<PartyOrganization>().SelectMany(o => MemberCounts.Select(m => Report(o, m))).ToList();

        reports.ShouldAllBe(r => PartyCoverage.Contains(PartyGroup.Required, r)
            == (PartyCoverage.Contains(PartyGroup.Covered, r) ^ PartyCoverage.Contains(PartyGroup.Uncovered, r)));
    }

    [Theory]
    [InlineData(2, 4, 50.0)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 8, 12.5)]
    [InlineData(0, 7, 0.0)]
    [InlineData(7, 7, 100.0)]
    public void Percent_CoveredOverRequired_OneDecimalRoundedHalfUp(int covered, int required, double expected) =>
        PartyCoverage.Percent(covered, required).ShouldBe((decimal)expected);

    [Fact]
    public void Percent_NobodyRequired_IsNoFigure() => PartyCoverage.Percent(0, 0).ShouldBeNull();

    [Fact]
    public void Percent_MoreCoveredThanRequired_IsRefused() => Should.Throw<ArgumentOutOfRangeException>(() => PartyCoverage.Percent(3, 2));

    [Fact]
    public void Accepted_OnlyConcludedReportsOfTheYear()
    {
        var accepted = SectorMeasures.Accepted(2025).Compile();

        Enum.GetValues<ReportState>().Where(s => accepted(new AnnualReport { Year = 2025, State = s })).ShouldBe([ReportState.Concluded]);
        accepted(new AnnualReport { Year = 2024, State = ReportState.Concluded }).ShouldBeFalse();
    }

    [Fact]
    public void Measures_IncomeAndExpenditure_AreTheSumsOfTheirParts()
    {
        var report = new AnnualReport
        {
            Content = new ReportContent
            {
                IncomeGovernmentFen = 1, IncomeDonationsFen = 20, IncomeServicesFen = 300, IncomeMembershipFen = 4_000, IncomeOtherFen = 50_000,
                ExpenseProgrammeFen = 7, ExpenseStaffFen = 80, ExpenseAdministrativeFen = 900, ExpenseOtherFen = 1_000,
            },
        };

        (SectorMeasures.ValueOf(SectorMeasure.Income, report), SectorMeasures.ValueOf(SectorMeasure.Expenditure, report)).ShouldBe((report.Content.IncomeFen, report.Content.ExpenditureFen));
        SectorMeasures.ValueOf(SectorMeasure.Reports, report).ShouldBe(1);
    }

    [Fact]
    public void Measures_EveryMeasureHasASelectorAndTheGroupKnowsIt()
    {
        var group = SectorFigureGroup.Sum("", "", []);

        Enum.GetValues<SectorMeasure>().ShouldAllBe(m => SectorMeasures.ValueOf(m, new AnnualReport()) >= 0 && group.Value(m) == 0);
    }

    [Theory]
    [InlineData(SectorMeasure.Volunteers, false)]
    [InlineData(SectorMeasure.Reports, false)]
    [InlineData(SectorMeasure.IncomeGovernment, true)]
    [InlineData(SectorMeasure.NetAssets, true)]
    public void IsMoney_AmountsOnly(SectorMeasure measure, bool expected) => SectorMeasureKinds.IsMoney(measure).ShouldBe(expected);
}
