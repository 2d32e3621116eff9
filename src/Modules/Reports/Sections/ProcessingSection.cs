using System.Globalization;
using Registry.Core.Localization;
using Registry.Organizations.Contracts;
using Registry.Reports.Domain;
using Registry.Reports.Services;

namespace Registry.Reports.Sections;

/// <summary>
/// Registration applications decided in the period and their average time in working days; those under way and overdue
/// today only while the period runs: the register keeps no history of what was under way on a past day, so a past
/// year's summary states no "目前在办" figure of today.
/// </summary>
internal sealed class ProcessingSection(IRegistrationFigures figures, TimeProvider clock) : IReportSection
{
    public int Order => 60;

    public async Task<ReportSection> LoadAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var time = await figures.ProcessingTimeAsync(period.FromUtc, period.ToUtc, cancellationToken);
        var average = time.AverageWorkingDays is { } days ? Math.Round((decimal)days, 1, MidpointRounding.AwayFromZero) : (decimal?)null;
        var today = ChinaTime.Today(clock);
        var runsToday = period.First <= today && today <= period.Last;
        List<FigureRow> rows =
        [
            new("Decided", new Text("Rep.Proc.Decided"), [new FigureCell(time.Decided, Links.Decided(period))]),
            new("AverageWorkingDays", new Text("Rep.Proc.Average"), [new FigureCell(average)]),
        ];
        var summary = new List<Text>();
        if (average is { } avg)
        {
            summary.Add(new Text("Rep.Summary.Processing", time.Decided, avg.ToString("0.0", CultureInfo.InvariantCulture)));
        }

        if (runsToday)
        {
            var (running, overdue) = await figures.RunningAsync(cancellationToken);
            rows.Add(new("Running", new Text("Rep.Proc.Running"), [new FigureCell(running, Links.RunningApplications)]));
            rows.Add(new("Overdue", new Text("Rep.Proc.Overdue"), [new FigureCell(overdue, Links.OverdueApplications)]));
            summary.Add(new Text("Rep.Summary.Running", running, overdue));
        }

        var table = new FigureTable("processing", new Text("Rep.Proc.Table"), [new("Value", new Text("Rep.Value"))], rows);
        return new ReportSection("processing", new Text("Rep.Proc.Title"), [table], summary) { Note = new Text(runsToday ? "Rep.Proc.Note" : "Rep.Proc.NotePast") };
    }
}
