using System.Globalization;
using Registry.Grants.Contracts;
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
    public async Task Registrations_RangeInsideTheYear_CountsTheRangeAndTrendsTheWholeYears()
    {
        var section = new RegistrationsSection(new Figures([new("Change", "SocialGroup", 24)], inRange: [new("Change", "SocialGroup", 5)]));

        var report = await section.LoadAsync(new ReportPeriod(2026, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30)), CancellationToken.None);

        (report.Tables[0].Rows.Single(r => r.Key == "Change").Cells[^1].Value, report.Tables[1].Rows.Single(r => r.Key == "2026").Cells[2].Value).ShouldBe((5m, 24m));
    }

    [Theory]
    [InlineData(2025, "2025-12-31")]
    [InlineData(2026, "2026-03-02")]
    public async Task Register_Year_IsCountedAtTheYearsEndOrToday(int year, string expected)
    {
        var figures = new Figures([], register: [new("SocialGroup", "Active", "鼓楼街道", 3), new("SocialGroup", "Deregistered", "鼓楼街道", 1)]);
        var section = new RegisterSection(figures, new FixedClock(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)));

        var report = await section.LoadAsync(ReportPeriod.WholeYear(year), CancellationToken.None);

        figures.RegisterAsOf.ShouldBe(DateOnly.Parse(expected, CultureInfo.InvariantCulture));
        report.Tables[0].Rows.Single(r => r.Key == "SocialGroup").Cells.Select(c => c.Value).ShouldBe([3m, 1m, 0m, 4m]);
        report.Note!.Args.ShouldBe([expected]);
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

    [Fact]
    public async Task Grants_SeedShortlist_SummaryUsesTheFundsSentence()
    {
        var round = new GrantRoundFigures(1, "海曙区公益创投", "2026年度", 2026, 300, 280, 267, 0, 300_000_000, 215_000_100, 0,
            [new GrantCategoryFigures("为老服务", 300, 280, 267, 0, 300_000_000, 215_000_100, 0)]);
        var section = new GrantsSection(new Grants([round]));

        var report = await section.LoadAsync(Year2026, CancellationToken.None);

        var zh = new TextFormatter(key => key == "Rep.Summary.Grants" ? "公益创投共收到{0}个项目申报，{1}" : "", CultureInfo.GetCultureInfo("zh-CN"));
        zh.Format(report.Summary.Single()).ShouldBe("公益创投共收到300个项目申报，确定了267个入围项目,项目资金超过215万元");
        report.Tables[0].Rows.Single().Cells.Select(c => c.Value).ShouldBe([300m, 280m, 267m, 0m, 0m, 0m, 3_000_000m, 2_150_001m, 0m, 0m, 0m, 0m]);
    }

    [Fact]
    public async Task Grants_AgreementsPaymentsAndClosures_AreTabledAndWritten()
    {
        var category = new GrantCategoryFigures("为老服务", 10, 9, 8, 6, 1_000_000, 900_000, 600_000) { CommittedFen = 580_000, PaidFen = 400_050, RefundedFen = 12_345, Closed = 4, Failed = 1 };
        var round = new GrantRoundFigures(1, "海曙区公益创投", "2026年度", 2026, 10, 9, 8, 6, 1_000_000, 900_000, 600_000, [category])
        { CommittedFen = 580_000, PaidFen = 400_050, RefundedFen = 12_345, Closed = 4, Failed = 1 };
        var section = new GrantsSection(new Grants([round]));

        var report = await section.LoadAsync(Year2026, CancellationToken.None);

        report.Tables.Select(t => t.Rows.Single().Cells.Select(c => c.Value).ToList()).ShouldAllBe(cells => cells.SequenceEqual(new decimal?[] { 10, 9, 8, 6, 4, 1, 10_000, 9_000, 6_000, 5_800, 4_000.5m, 123.45m }));
        report.Tables[0].Columns.Select(c => c.Key).ShouldBe(["Applications", "PassedScreening", "Shortlisted", "Funded", "Closed", "Failed", "RequestedYuan", "ShortlistedYuan", "AwardedYuan", "CommittedYuan", "PaidYuan", "RefundedYuan"]);
        var templates = new Dictionary<string, string>
        {
            ["Rep.Summary.GrantsMoney"] = "签订资助协议金额{0:#,0.##}元，已拨付{1:#,0.##}元，退回{2:#,0.##}元",
            ["Rep.Summary.GrantsClosed"] = "{0} {0:project|projects} closed and {1} failed",
        };
        var text = new TextFormatter(templates.GetValueOrDefault, CultureInfo.GetCultureInfo("zh-CN"));
        report.Summary.Skip(1).Select(text.Format).ShouldBe(["签订资助协议金额5,800元，已拨付4,000.5元，退回123.45元", "4 projects closed and 1 failed"]);
    }

    /// <summary>Texts compare by key and arguments (records compare their argument arrays by reference).</summary>
    private sealed class TextComparer : IEqualityComparer<Text>
    {
        public bool Equals(Text? x, Text? y) => x is not null && y is not null && x.Key == y.Key && x.Args.Length == y.Args.Length
            && x.Args.Zip(y.Args).All(p => p.First is Text a && p.Second is Text b ? Equals(a, b)
                : p.First is TextList la && p.Second is TextList lb ? la.Items.SequenceEqual(lb.Items, this) : Equals(p.First, p.Second));

        public int GetHashCode(Text obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }

    /// <summary>Approvals in the last year asked for (<paramref name="approved"/>) and in the range asked for (<paramref name="inRange"/>); remembers the register's day.</summary>
    private sealed class Figures(IReadOnlyList<RegistrationCount> approved, IReadOnlyList<RegistrationCount>? inRange = null, IReadOnlyList<RegisterCount>? register = null) : IRegistrationFigures
    {
        public DateOnly? RegisterAsOf { get; private set; }

        public Task<IReadOnlyList<RegistrationCount>> ApprovedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) => Task.FromResult(inRange ?? approved);

        public Task<IReadOnlyList<YearRegistrationCount>> ApprovedByYearAsync(int firstYear, int lastYear, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<YearRegistrationCount>>([.. approved.Select(c => new YearRegistrationCount(lastYear, c.Kind, c.TypeCode, c.Count))]);

        public Task<IReadOnlyList<RegisterCount>> RegisterAsync(DateOnly asOf, CancellationToken cancellationToken)
        {
            RegisterAsOf = asOf;
            return Task.FromResult(register ?? []);
        }

        public Task<(int Running, int Overdue)> RunningAsync(CancellationToken cancellationToken) => Task.FromResult((0, 0));

        public Task<ProcessingTime> ProcessingTimeAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) => Task.FromResult(new ProcessingTime(0, null));
    }

    private sealed class NoInspections : IInspectionFigures
    {
        public Task<InspectionFigures?> ForYearAsync(int year, CancellationToken cancellationToken) => Task.FromResult<InspectionFigures?>(null);

        public Task<IReadOnlyList<InspectionFigures>> ForYearsAsync(int firstYear, int lastYear, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<InspectionFigures>>([]);

        public Task<CreditListMovements> CreditListMovementsAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
            Task.FromResult(new CreditListMovements(0, 0, 0, 0, 0, 0));
    }

    private sealed class Grants(IReadOnlyList<GrantRoundFigures> rounds) : IGrantFigures
    {
        public Task<IReadOnlyList<GrantRoundFigures>> ForYearAsync(int year, CancellationToken cancellationToken) => Task.FromResult(rounds);

        public Task<GrantRoundFigures?> ForRoundAsync(int roundId, CancellationToken cancellationToken) => Task.FromResult(rounds.FirstOrDefault(r => r.RoundId == roundId));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
