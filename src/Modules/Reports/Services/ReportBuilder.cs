using Registry.Reports.Domain;

namespace Registry.Reports.Services;

/// <summary>A part of the report, computed from one module's figures contract (one class per section; see <see cref="ReportsModule"/>).</summary>
public interface IReportSection
{
    int Order { get; }

    Task<ReportSection> LoadAsync(ReportPeriod period, CancellationToken cancellationToken);
}

/// <summary>Loads every section of a period's report, in order (one after another: they share the request's database context).</summary>
public sealed class ReportBuilder(IEnumerable<IReportSection> sections)
{
    public async Task<Report> BuildAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var loaded = new List<ReportSection>();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            loaded.Add(await section.LoadAsync(period, cancellationToken));
        }

        return new Report(period, loaded);
    }
}
