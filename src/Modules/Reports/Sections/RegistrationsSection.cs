using Registry.Organizations.Contracts;
using Registry.Reports.Domain;
using Registry.Reports.Services;

namespace Registry.Reports.Sections;

/// <summary>名称核准, 成立, 变更, 注销 and 备案 approved in the period, by organization type, and per year over the last five years.</summary>
internal sealed class RegistrationsSection(IRegistrationFigures figures) : IReportSection
{
    public const int TrendYears = 5;

    /// <summary>The procedures in the order the bureau reports them.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["NameApproval", "Establishment", "Change", "Deregistration", "CommunityFiling"];

    public int Order => 10;

    public async Task<ReportSection> LoadAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var byYear = await figures.ApprovedByYearAsync(period.Year - TrendYears + 1, period.Year, cancellationToken);
        IReadOnlyList<RegistrationCount> counts = period.IsWholeYear
            ? [.. byYear.Where(c => c.Year == period.Year).Select(c => new RegistrationCount(c.Kind, c.TypeCode, c.Count))]
            : await figures.ApprovedAsync(period.FromUtc, period.ToUtc, cancellationToken);
        var types = OrganizationCodes.Types;
        var columns = types.Select(t => new FigureColumn(t, new Text("Rep.Type." + t))).Append(new FigureColumn("Total", new Text("Rep.Total"))).ToList();
        var rows = Kinds.Select(kind =>
        {
            var ofKind = counts.Where(c => c.Kind == kind).ToList();
            var cells = types.Select(t => new FigureCell(ofKind.Where(c => c.TypeCode == t).Sum(c => c.Count), Links.Approved(kind, t, period)))
                .Append(new FigureCell(ofKind.Sum(c => c.Count), Links.Approved(kind, null, period)));
            return new FigureRow(kind, new Text("Rep.Kind." + kind), [.. cells]);
        }).ToList();
        var table = new FigureTable("registrations", new Text("Rep.Reg.Table"), columns, rows) { ChartColumns = [.. Enumerable.Range(0, types.Count)] };

        var trendRows = Enumerable.Range(period.Year - TrendYears + 1, TrendYears).Select(year => new FigureRow(
            year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new Text("Rep.YearLabel", year),
            [.. Kinds.Select(kind => new FigureCell(byYear.Where(c => c.Year == year && c.Kind == kind).Sum(c => c.Count), Links.Approved(kind, null, ReportPeriod.WholeYear(year))))])).ToList();

        var trend = new FigureTable("registrations-trend", new Text("Rep.Reg.Trend", TrendYears), [.. Kinds.Select(k => new FigureColumn(k, new Text("Rep.Kind." + k)))], trendRows)
        {
            ChartColumns = [.. Enumerable.Range(0, Kinds.Count)],
            Note = new Text("Rep.Reg.TrendNote"),
        };

        return new ReportSection("registrations", new Text("Rep.Reg.Title"), [table, trend], Summary(counts)) { Note = new Text("Rep.Reg.Note") };
    }

    /// <summary>"完成社会组织名称核准11家，其中社会团体7家，民办非企业单位4家" for each procedure done at least once.</summary>
    private static List<Text> Summary(IReadOnlyList<RegistrationCount> counts)
    {
        var clauses = new List<Text>();
        foreach (var kind in Kinds)
        {
            var ofKind = counts.Where(c => c.Kind == kind).ToList();
            var total = ofKind.Sum(c => c.Count);
            if (total == 0)
            {
                continue;
            }

            var byType = OrganizationCodes.Types.Where(t => t != OrganizationCodes.Community)
                .Select(t => (Type: t, Count: ofKind.Where(c => c.TypeCode == t).Sum(c => c.Count))).Where(t => t.Count > 0)
                .Select(t => new Text("Rep.Summary.TypeCount." + t.Type, t.Count)).ToList();
            clauses.Add(byType.Count == 0 || kind == "CommunityFiling"
                ? new Text("Rep.Summary.Kind." + kind, total)
                : new Text("Rep.Summary.KindByType." + kind, total, new TextList(byType)));
        }

        return clauses;
    }
}
