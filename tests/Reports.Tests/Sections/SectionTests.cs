using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Reports.Domain;
using Registry.Reports.Sections;

namespace Registry.Reports.Tests.Sections;

public sealed class SectionTests
{
    private static readonly ReportPeriod Year2026 = ReportPeriod.WholeYear(2026);

    [Fact]
    public async Task Registrations_SeedFigures_SummaryNamesEachKindByType()
    {
        var section = new RegistrationsSection(new Figures(
        [
            new("NameApproval", "PrivateNonEnterprise", 4), new("NameApproval", "SocialGroup", 7),
            new("CommunityFiling", "Community", 10),
        ]));

        var report = await section.LoadAsync(Year2026, CancellationToken.None);

        report.Summary.ShouldBe(
        [
            new Text("Rep.Summary.KindByType.NameApproval", 11, new TextList([new Text("Rep.Summary.TypeCount.SocialGroup", 7), new Text("Rep.Summary.TypeCount.PrivateNonEnterprise", 4)])),
            new Text("Rep.Summary.Kind.CommunityFiling", 10),
        ], new TextComparer());
        report.Tables.Select(t => t.Id).ShouldBe(["registrations", "registrations-trend"]);
        report.Tables[1].Rows.Select(r => r.Key).ShouldBe(["2022", "2023", "2024", "2025", "2026"]);
    }

    [Fact]
    public async Task Inspections_NoCampaignForTheYearBefore_SaysSoAndWritesNothing()
    {
        var section = new InspectionsSection(new NoInspections());

        var report = await section.LoadAsync(Year2026, CancellationToken.None);

        report.Title.Args.ShouldBe([2025, 2026]);
        report.Note!.Key.ShouldBe("Rep.Insp.NoCampaign");
        report.Summary.ShouldBeEmpty();
    }

    /// <summary>Texts compare by key and arguments (records compare their argument arrays by reference).</summary>
    private sealed class TextComparer : IEqualityComparer<Text>
    {
        public bool Equals(Text? x, Text? y) => x is not null && y is not null && x.Key == y.Key && x.Args.Length == y.Args.Length
            && x.Args.Zip(y.Args).All(p => p.First is Text a && p.Second is Text b ? Equals(a, b)
                : p.First is TextList la && p.Second is TextList lb ? la.Items.SequenceEqual(lb.Items, this) : Equals(p.First, p.Second));

        public int GetHashCode(Text obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }

    private sealed class Figures(IReadOnlyList<RegistrationCount> approved) : IRegistrationFigures
    {
        public Task<IReadOnlyList<RegistrationCount>> ApprovedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) => Task.FromResult(approved);

        public Task<IReadOnlyList<RegisterCount>> RegisterAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RegisterCount>>([]);

        public Task<(int Running, int Overdue)> RunningAsync(CancellationToken cancellationToken) => Task.FromResult((0, 0));

        public Task<ProcessingTime> ProcessingTimeAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) => Task.FromResult(new ProcessingTime(0, null));
    }

    private sealed class NoInspections : IInspectionFigures
    {
        public Task<InspectionFigures?> ForYearAsync(int year, CancellationToken cancellationToken) => Task.FromResult<InspectionFigures?>(null);

        public Task<CreditListMovements> CreditListMovementsAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
            Task.FromResult(new CreditListMovements(0, 0, 0, 0, 0, 0));
    }
}
