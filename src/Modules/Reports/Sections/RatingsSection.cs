using Registry.Ratings.Contracts;
using Registry.Reports.Domain;
using Registry.Reports.Services;

namespace Registry.Reports.Sections;

/// <summary>Rating applications and grades awarded in the period, and how many organizations hold each grade at its end (or today).</summary>
internal sealed class RatingsSection(IOrganizationGrades grades, TimeProvider clock) : IReportSection
{
    public int Order => 50;

    public async Task<ReportSection> LoadAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (applied, awarded) = await grades.AwardedAsync(period.First, period.Last, cancellationToken);
        var asOf = period.AsOf(Registry.Core.Localization.ChinaTime.Today(clock));
        var distribution = await grades.DistributionAsync(asOf, cancellationToken);
        var table = new FigureTable(
            "ratings",
            new Text("Rep.Rate.Table"),
            [new("Awarded", new Text("Rep.Rate.Awarded")), new("Held", new Text("Rep.Rate.Held", asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))],
            [
                new("Applied", new Text("Rep.Rate.Applied"), [new FigureCell(applied, Links.RatingApplications(period)), new FigureCell(null)]),
                .. Enumerable.Range(1, 5).Reverse().Select(g => new FigureRow(
                    g.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    new Text("Rep.Rate.Grade", g),
                    [new FigureCell(awarded.GetValueOrDefault(g), Links.RatingApplications(period, g)), new FigureCell(distribution.GetValueOrDefault(g), Links.Grades(g, asOf))])),
            ])
        { ChartColumns = [0, 1] };

        var summary = new List<Text>();
        var awardedList = awarded.Where(a => a.Value > 0).OrderByDescending(a => a.Key).Select(a => new Text("Rep.Summary.GradeCount", a.Key, a.Value)).ToList();
        if (applied > 0 || awardedList.Count > 0)
        {
            summary.Add(awardedList.Count == 0 ? new Text("Rep.Summary.Rated.None", applied) : new Text("Rep.Summary.Rated", applied, new TextList(awardedList)));
        }

        var heldList = distribution.Where(d => d.Value > 0).OrderByDescending(d => d.Key).Select(d => new Text("Rep.Summary.GradeCount", d.Key, d.Value)).ToList();
        if (heldList.Count > 0)
        {
            summary.Add(new Text("Rep.Summary.Held", new TextList(heldList)));
        }

        return new ReportSection("ratings", new Text("Rep.Rate.Title"), [table], summary);
    }
}
