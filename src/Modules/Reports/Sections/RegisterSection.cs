using System.Globalization;
using Registry.Core.Localization;
using Registry.Organizations.Contracts;
using Registry.Reports.Domain;
using Registry.Reports.Services;

namespace Registry.Reports.Sections;

/// <summary>The register at the end of the period (today while it runs): by type and status, and the organizations in activity by street.</summary>
internal sealed class RegisterSection(IRegistrationFigures figures, TimeProvider clock) : IReportSection
{
    /// <summary>Statuses in the order shown; a status the register adds later is shown after them.</summary>
    private static readonly IReadOnlyList<string> KnownStatuses = [OrganizationCodes.Active, OrganizationCodes.Deregistered, "Revoked"];

    public int Order => 20;

    public async Task<ReportSection> LoadAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var asOf = period.AsOf(ChinaTime.Today(clock));
        var counts = await figures.RegisterAsync(asOf, cancellationToken);
        var types = OrganizationCodes.Types;
        var statuses = KnownStatuses.Union(counts.Select(c => c.Status).Order(StringComparer.Ordinal)).ToList();
        var byType = new FigureTable(
            "register-types",
            new Text("Rep.Register.ByType"),
            [.. statuses.Select(s => new FigureColumn(s, new Text("Rep.Status." + s))), new FigureColumn("Total", new Text("Rep.Total"))],
            [.. types.Select(t => new FigureRow(t, new Text("Rep.Type." + t), [
                .. statuses.Select(s => new FigureCell(counts.Where(c => c.TypeCode == t && c.Status == s).Sum(c => c.Count), Links.Register(t, s, asOf))),
                new FigureCell(counts.Where(c => c.TypeCode == t).Sum(c => c.Count), Links.Register(t, "", asOf)),
            ]))])
        { ChartColumns = [0] };

        var active = counts.Where(c => c.Status == OrganizationCodes.Active).ToList();
        var byStreet = new FigureTable(
            "register-streets",
            new Text("Rep.Register.ByStreet"),
            [.. types.Select(t => new FigureColumn(t, new Text("Rep.Type." + t))), new FigureColumn("Total", new Text("Rep.Total"))],
            [.. active.GroupBy(c => c.Street).OrderByDescending(g => g.Sum(c => c.Count)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => new FigureRow(
                g.Key,
                g.Key.Length == 0 ? new Text("Rep.Register.NoStreet") : new Text("Rep.Plain", g.Key),
                [
                    .. types.Select(t => new FigureCell(g.Where(c => c.TypeCode == t).Sum(c => c.Count), Links.RegisterStreet(g.Key, t, asOf))),
                    new FigureCell(g.Sum(c => c.Count), Links.RegisterStreet(g.Key, null, asOf)),
                ]))])
        { ChartColumns = [types.Count] };

        var activeByType = types.Select(t => (Type: t, Count: active.Where(c => c.TypeCode == t).Sum(c => c.Count))).Where(t => t.Count > 0)
            .Select(t => new Text("Rep.Summary.TypeCount." + t.Type, t.Count)).ToList();
        List<Text> summary = activeByType.Count == 0 ? [] : [new Text("Rep.Summary.Register", active.Sum(c => c.Count), new TextList(activeByType))];
        return new ReportSection("register", new Text("Rep.Register.Title"), [byType, byStreet], summary) { Note = new Text("Rep.Register.Note", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) };
    }
}
