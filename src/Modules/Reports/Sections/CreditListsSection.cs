using Registry.Inspections.Contracts;
using Registry.Reports.Domain;
using Registry.Reports.Services;

namespace Registry.Reports.Sections;

/// <summary>Entries into and exits from the 活动异常名录 and the 严重违法失信名单 in the period, and who is listed at its end.</summary>
internal sealed class CreditListsSection(IInspectionFigures figures) : IReportSection
{
    public int Order => 40;

    public async Task<ReportSection> LoadAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var m = await figures.CreditListMovementsAsync(period.First, period.Last, cancellationToken);
        FigureCell Entered(CreditListKind list, int value) => new(value, Links.CreditListMoves(list, CreditListMove.Entered, period));
        FigureCell Exited(CreditListKind list, int value) => new(value, Links.CreditListMoves(list, CreditListMove.Exited, period));
        FigureCell Listed(CreditListKind list, int value) => new(value, Links.CreditListListed(list, period.Last));
        var table = new FigureTable(
            "credit-lists",
            new Text("Rep.Credit.Table"),
            [new("Entered", new Text("Rep.Credit.Entered")), new("Exited", new Text("Rep.Credit.Exited")), new("ListedAtEnd", new Text("Rep.Credit.ListedAtEnd", period.Last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))],
            [
                new("Abnormal", new Text("Rep.Credit.Abnormal"), [Entered(CreditListKind.Abnormal, m.EnteredAbnormal), Exited(CreditListKind.Abnormal, m.ExitedAbnormal), Listed(CreditListKind.Abnormal, m.ListedAbnormalAtEnd)]),
                new("Serious", new Text("Rep.Credit.Serious"), [Entered(CreditListKind.Serious, m.EnteredSerious), Exited(CreditListKind.Serious, m.ExitedSerious), Listed(CreditListKind.Serious, m.ListedSeriousAtEnd)]),
            ])
        { ChartColumns = [0, 1] };
        List<Text> summary = m.EnteredAbnormal + m.ExitedAbnormal + m.EnteredSerious + m.ExitedSerious == 0
            ? []
            : [new Text("Rep.Summary.Credit.Abnormal", m.EnteredAbnormal, m.ExitedAbnormal), new Text("Rep.Summary.Credit.Serious", m.EnteredSerious, m.ExitedSerious)];
        return new ReportSection("credit-lists", new Text("Rep.Credit.Title"), [table], summary);
    }
}
