using Registry.Reports.Domain;
using Registry.Reports.Services;
using Registry.Supervision.Contracts;

namespace Registry.Reports.Sections;

/// <summary>Complaints and tips (投诉举报) received in the period per cause: received, closed, led to a penalty case.</summary>
internal sealed class ComplaintsSection(IComplaintFigures figures) : IReportSection
{
    public int Order => 45;

    public async Task<ReportSection> LoadAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var byCause = await figures.ByCauseAsync(period.First, period.Last, cancellationToken);
        FigureRow Row(string key, Text label, string? cause, int received, int closed, int led) => new(key, label,
        [
            new FigureCell(received, Links.Complaints(cause, ComplaintOutcome.Received, period)),
            new FigureCell(closed, Links.Complaints(cause, ComplaintOutcome.Closed, period)),
            new FigureCell(led, Links.Complaints(cause, ComplaintOutcome.Case, period)),
        ]);
        var (received, closed, led) = (byCause.Sum(f => f.Received), byCause.Sum(f => f.Closed), byCause.Sum(f => f.LedToCase));
        var table = new FigureTable(
            "complaints",
            new Text("Rep.Complaints.Table"),
            [new("Received", new Text("Rep.Complaints.Received")), new("Closed", new Text("Rep.Complaints.Closed")), new("Case", new Text("Rep.Complaints.Case"))],
            [
                .. byCause.Select(f => Row(f.Cause, new Text("Rep.Complaints.Cause." + f.Cause), f.Cause, f.Received, f.Closed, f.LedToCase)),
                Row("Total", new Text("Rep.Complaints.Total"), null, received, closed, led),
            ])
        { ChartColumns = [0] };
        List<Text> summary = received == 0 ? [] : [new Text("Rep.Summary.Complaints", received, closed, led)];
        return new ReportSection("complaints", new Text("Rep.Complaints.Title"), [table], summary);
    }
}
