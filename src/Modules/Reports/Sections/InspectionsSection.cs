using Registry.Inspections.Contracts;
using Registry.Reports.Domain;
using Registry.Reports.Services;

namespace Registry.Reports.Sections;

/// <summary>
/// The annual inspection concluded in the report's year, i.e. the campaign for the year before (labelled so), and the
/// results of the last five campaigns.
/// </summary>
internal sealed class InspectionsSection(IInspectionFigures figures) : IReportSection
{
    public const int TrendYears = 5;

    public int Order => 30;

    public async Task<ReportSection> LoadAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var year = period.CampaignYear;
        var title = new Text("Rep.Insp.Title", year, period.Year);
        var years = await figures.ForYearsAsync(year - TrendYears + 1, year, cancellationToken);
        var trend = Trend(years);
        if (years.SingleOrDefault(y => y.Year == year) is not { } f)
        {
            return new ReportSection("inspections", title, trend.Rows.Count == 0 ? [] : [trend], []) { Note = new Text("Rep.Insp.NoCampaign", year) };
        }

        var count = new FigureColumn("Count", new Text("Rep.Count"));
        FigureRow Row(string key, int value, string? group = null, string? result = null) => new(key, new Text("Rep.Insp." + key), [new FigureCell(value, InspectionLinks.Campaign(year, group, result))]);
        // Each participation figure links to the campaign's reports in the same group the figures count (shared predicates).
        FigureRow Group(string key, int value) => Row(key, value, group: key);
        var participation = new FigureTable("inspection-participation", new Text("Rep.Insp.Participation", year), [count],
        [
            Group("Expected", f.Expected),
            Group("Submitted", f.Submitted),
            Group("NotSubmitted", f.NotSubmitted),
            Group("SubmittedLate", f.SubmittedLate),
            Group("Exempt", f.Exempt),
            Group("RectificationsRequired", f.RectificationsRequired),
            Group("RectificationsVerified", f.RectificationsVerified),
        ]);
        var results = new FigureTable("inspection-results", new Text("Rep.Insp.Results", year), [count],
        [
            Row("Qualified", f.Qualified, result: "Qualified"),
            Row("BasicallyQualified", f.BasicallyQualified, result: "BasicallyQualified"),
            Row("Unqualified", f.Unqualified, result: "Unqualified"),
            Group("NotSubmitted", f.NotSubmitted),
        ])
        { ChartColumns = [0] };

        var line = new Text(
            f.Mode == "Report" ? "Rep.Summary.Inspection.Report" : "Rep.Summary.Inspection",
            year, f.Submitted, f.Qualified, f.BasicallyQualified, f.Unqualified);
        List<Text> summary = f.NotSubmitted == 0 ? [line] : [line, new Text("Rep.Summary.Inspection.NotSubmitted", f.NotSubmitted)];
        return new ReportSection("inspections", title, [participation, results, trend], summary) { Note = new Text("Rep.Insp.Note", year, period.Year) };
    }

    /// <summary>The results of the last five campaigns (one grouped query for all of them).</summary>
    private static FigureTable Trend(IReadOnlyList<InspectionFigures> years)
    {
        var rows = years.Select(f => new FigureRow(f.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), new Text("Rep.Insp.CampaignLabel", f.Year),
            [
                new FigureCell(f.Qualified, InspectionLinks.Campaign(f.Year, result: "Qualified")),
                new FigureCell(f.BasicallyQualified, InspectionLinks.Campaign(f.Year, result: "BasicallyQualified")),
                new FigureCell(f.Unqualified, InspectionLinks.Campaign(f.Year, result: "Unqualified")),
                new FigureCell(f.NotSubmitted, InspectionLinks.Campaign(f.Year, group: "NotSubmitted")),
            ])).ToList();
        string[] keys = ["Qualified", "BasicallyQualified", "Unqualified", "NotSubmitted"];
        return new FigureTable("inspection-trend", new Text("Rep.Insp.Trend", TrendYears), [.. keys.Select(k => new FigureColumn(k, new Text("Rep.Insp." + k)))], rows)
        {
            ChartColumns = [0, 1, 2, 3],
        };
    }
}
