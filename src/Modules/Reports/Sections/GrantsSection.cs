using System.Globalization;
using Registry.Core.Finance;
using Registry.Grants.Contracts;
using Registry.Reports.Domain;
using Registry.Reports.Services;

namespace Registry.Reports.Sections;

/// <summary>公益创投 rounds of the year: applications, screened, shortlisted, funded and the money, by round and by category.</summary>
internal sealed class GrantsSection(IGrantFigures figures) : IReportSection
{
    private static readonly IReadOnlyList<string> Counts = ["Applications", "PassedScreening", "Shortlisted", "Funded"];

    public int Order => 70;

    public async Task<ReportSection> LoadAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var rounds = await figures.ForYearAsync(period.Year, cancellationToken);
        var title = new Text("Rep.Grants.Title", period.Year);
        if (rounds.Count == 0)
        {
            return new ReportSection("grants", title, [], []) { Note = new Text("Rep.Grants.None", period.Year) };
        }

        List<FigureColumn> columns = [.. Counts.Select(c => new FigureColumn(c, new Text("Rep.Grants." + c))),
            new("RequestedYuan", new Text("Rep.Grants.RequestedYuan")), new("ShortlistedYuan", new Text("Rep.Grants.ShortlistedYuan")), new("AwardedYuan", new Text("Rep.Grants.AwardedYuan"))];
        var byRound = new FigureTable("grant-rounds", new Text("Rep.Grants.ByRound"), columns,
            [.. rounds.Select(r => new FigureRow(r.RoundId.ToString(CultureInfo.InvariantCulture), new Text("Rep.Plain", r.Name), [
                .. new[] { r.Applications, r.PassedScreening, r.Shortlisted, r.Funded }.Select(n => new FigureCell(n, Links.GrantRound(r.RoundId))),
                .. new[] { r.RequestedFen, r.ShortlistedFen, r.AwardedFen }.Select(fen => new FigureCell(Yuan(fen), Links.GrantRound(r.RoundId))),
            ]))])
        { ChartColumns = [0, 1, 2, 3] };
        var byCategory = new FigureTable("grant-categories", new Text("Rep.Grants.ByCategory"), columns,
            [.. rounds.SelectMany(r => r.ByCategory).GroupBy(c => c.Category).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new FigureRow(g.Key, new Text("Rep.Plain", g.Key), [
                new FigureCell(g.Sum(c => c.Applications), Links.GrantRounds), new FigureCell(g.Sum(c => c.PassedScreening), Links.GrantRounds),
                new FigureCell(g.Sum(c => c.Shortlisted), Links.GrantRounds), new FigureCell(g.Sum(c => c.Funded), Links.GrantRounds),
                new FigureCell(Yuan(g.Sum(c => c.RequestedFen)), Links.GrantRounds), new FigureCell(Yuan(g.Sum(c => c.ShortlistedFen)), Links.GrantRounds),
                new FigureCell(Yuan(g.Sum(c => c.AwardedFen)), Links.GrantRounds),
            ]))])
        { ChartColumns = [0, 2, 3] };

        var applications = rounds.Sum(r => r.Applications);
        var shortlisted = rounds.Sum(r => r.Shortlisted);
        var shortlistedFen = rounds.Sum(r => r.ShortlistedFen);
        List<Text> summary = [new Text("Rep.Summary.Grants", applications, new CultureText(c => GrantFigureText.ShortlistLine(shortlisted, shortlistedFen, c)))];
        return new ReportSection("grants", title, [byRound, byCategory], summary) { Note = new Text("Rep.Grants.Note") };
    }

    /// <summary>Money is kept in fen; tables show yuan.</summary>
    private static decimal Yuan(long fen) => new Money(fen).ToYuan();
}
