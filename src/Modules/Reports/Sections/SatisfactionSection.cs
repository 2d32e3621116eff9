using Registry.Feedback.Contracts;
using Registry.Reports.Domain;
using Registry.Reports.Services;

namespace Registry.Reports.Sections;

/// <summary>
/// 政务服务"好差评": the ratings given in the period per kind of service, by level, the satisfaction rate and the follow-ups of
/// 差评 still open or overdue; every count links to the ratings it counts.
/// </summary>
internal sealed class SatisfactionSection(ISatisfactionFigures figures) : IReportSection
{
    /// <summary>Levels as the national scheme lists them, best first.</summary>
    private static readonly int[] Levels = [5, 4, 3, 2, 1];

    private static readonly Dictionary<int, string> LevelLabels = new()
    {
        [5] = "Rep.Satisfaction.Stars5",
        [4] = "Rep.Satisfaction.Stars4",
        [3] = "Rep.Satisfaction.Stars3",
        [2] = "Rep.Satisfaction.Stars2",
        [1] = "Rep.Satisfaction.Stars1",
    };

    public int Order => 47;

    public async Task<ReportSection> LoadAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var byKind = await figures.ByKindAsync(period.First, period.Last, cancellationToken);
        FigureRow Row(string key, Text label, string? kind, IReadOnlyDictionary<int, int> byStars, int total, decimal? rate, int open, int overdue) => new(key, label,
        [
            .. Levels.Select(stars => new FigureCell(byStars.GetValueOrDefault(stars), Links.Ratings(kind, stars, period))),
            new FigureCell(total, Links.Ratings(kind, null, period)),
            new FigureCell(rate),
            new FigureCell(open, Links.Ratings(kind, null, period, openFollowUps: true)),
            new FigureCell(overdue, Links.Ratings(kind, null, period, overdue: true)),
        ]);
        var allByStars = Levels.ToDictionary(stars => stars, stars => byKind.Sum(f => f.ByStars.GetValueOrDefault(stars)));
        var total = byKind.Sum(f => f.Total);
        // 好评 is 基本满意 and better (three stars and up), as the kinds' own rates count it.
        decimal? rate = total == 0 ? null : Math.Round(100m * Levels.Where(s => s >= 3).Sum(s => allByStars[s]) / total, 1);
        var table = new FigureTable(
            "satisfaction",
            new Text("Rep.Satisfaction.Table"),
            [
                .. Levels.Select(stars => new FigureColumn("Stars" + stars.ToString(System.Globalization.CultureInfo.InvariantCulture), new Text(LevelLabels[stars]))),
                new("Total", new Text("Rep.Satisfaction.Total")),
                new("Rate", new Text("Rep.Satisfaction.Rate")),
                new("Open", new Text("Rep.Satisfaction.Open")),
                new("Overdue", new Text("Rep.Satisfaction.Overdue")),
            ],
            [
                .. byKind.Select(f => Row(f.Kind, new Text("Fb.Kind." + f.Kind), f.Kind, f.ByStars, f.Total, f.RatePercent, f.FollowUpsOpen, f.FollowUpsOverdue)),
                Row("Total", new Text("Rep.Satisfaction.AllServices"), null, allByStars, total, rate, byKind.Sum(f => f.FollowUpsOpen), byKind.Sum(f => f.FollowUpsOverdue)),
            ]);
        List<Text> summary = total == 0 ? [] : [new Text("Rep.Summary.Satisfaction", total, rate ?? 0m, allByStars[2] + allByStars[1])];
        return new ReportSection("satisfaction", new Text("Rep.Satisfaction.Title"), [table], summary);
    }
}
