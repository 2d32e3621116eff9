using System.Globalization;
using Registry.Core.Finance;
using Registry.Grants.Contracts;
using Registry.Reports.Domain;
using Registry.Reports.Services;

namespace Registry.Reports.Sections;

/// <summary>
/// 公益创投 rounds of the year: applications, screened, shortlisted, funded, closed and failed, and the money requested,
/// shortlisted, awarded, committed by agreements, paid and refunded, by round and by category.
/// </summary>
internal sealed class GrantsSection(IGrantFigures figures) : IReportSection
{
    private static readonly IReadOnlyList<string> Counts = ["Applications", "PassedScreening", "Shortlisted", "Funded", "Closed", "Failed"];

    /// <summary>The applications list's stage for each count (the list's "all" is every submitted application).</summary>
    private static readonly IReadOnlyList<string> Stages = ["All", "PassedScreening", "Shortlisted", "Funded", "Closed", "Failed"];

    private static readonly IReadOnlyList<string> Amounts = ["Requested", "Shortlisted", "Awarded", "Committed", "Paid", "Refunded"];

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

        List<FigureColumn> columns = [.. Counts.Select(c => new FigureColumn(c, new Text("Rep.Grants." + c))), .. Amounts.Select(a => new FigureColumn(a + "Yuan", new Text("Rep.Grants." + a + "Yuan")))];
        var byRound = new FigureTable("grant-rounds", new Text("Rep.Grants.ByRound"), columns,
            [.. rounds.Select(r => new FigureRow(r.RoundId.ToString(CultureInfo.InvariantCulture), new Text("Rep.Plain", r.Name),
                Cells(new[] { r.Applications, r.PassedScreening, r.Shortlisted, r.Funded, r.Closed, r.Failed },
                    new[] { r.RequestedFen, r.ShortlistedFen, r.AwardedFen, r.CommittedFen, r.PaidFen, r.RefundedFen }, (stage, amount) => GrantLinks.Applications(round: r.RoundId, stage: stage, amount: amount))))])
        { ChartColumns = [0, 1, 2, 3] };
        var byCategory = new FigureTable("grant-categories", new Text("Rep.Grants.ByCategory"), columns,
            [.. rounds.SelectMany(r => r.ByCategory).GroupBy(c => c.Category).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new FigureRow(g.Key, new Text("Rep.Plain", g.Key),
                Cells(new[] { g.Sum(c => c.Applications), g.Sum(c => c.PassedScreening), g.Sum(c => c.Shortlisted), g.Sum(c => c.Funded), g.Sum(c => c.Closed), g.Sum(c => c.Failed) },
                    new[] { g.Sum(c => c.RequestedFen), g.Sum(c => c.ShortlistedFen), g.Sum(c => c.AwardedFen), g.Sum(c => c.CommittedFen), g.Sum(c => c.PaidFen), g.Sum(c => c.RefundedFen) },
                    (stage, amount) => GrantLinks.Applications(year: period.Year, category: g.Key, stage: stage, amount: amount))))])
        { ChartColumns = [0, 2, 3] };

        var applications = rounds.Sum(r => r.Applications);
        var shortlisted = rounds.Sum(r => r.Shortlisted);
        var shortlistedFen = rounds.Sum(r => r.ShortlistedFen);
        List<Text> summary = [new Text("Rep.Summary.Grants", applications, new CultureText(c => GrantFigureText.ShortlistLine(shortlisted, shortlistedFen, c)))];
        var (committed, paid, refunded) = (rounds.Sum(r => r.CommittedFen), rounds.Sum(r => r.PaidFen), rounds.Sum(r => r.RefundedFen));
        var (closed, failed) = (rounds.Sum(r => r.Closed), rounds.Sum(r => r.Failed));
        if (committed + paid + refunded + closed + failed > 0)
        {
            summary.Add(new Text("Rep.Summary.GrantsMoney", Yuan(committed), Yuan(paid), Yuan(refunded)));
            summary.Add(new Text("Rep.Summary.GrantsClosed", closed, failed));
        }

        return new ReportSection("grants", title, [byRound, byCategory], summary) { Note = new Text("Rep.Grants.Note") };
    }

    /// <summary>
    /// The counts, then the amounts in yuan, each cell linking to the applications it counts (<c>stage=…</c>) or sums
    /// (<c>amount=…</c>) through <paramref name="link"/>.
    /// </summary>
    private static List<FigureCell> Cells(IEnumerable<int> counts, IEnumerable<long> fens, Func<string?, string?, string> link) =>
        [.. counts.Select((n, i) => new FigureCell(n, link(Stages[i], null))), .. fens.Select((fen, i) => new FigureCell(Yuan(fen), link(null, Amounts[i]), IsMoney: true))];

    /// <summary>Money is kept in fen; tables show yuan.</summary>
    private static decimal Yuan(long fen) => new Money(fen).ToYuan();
}
