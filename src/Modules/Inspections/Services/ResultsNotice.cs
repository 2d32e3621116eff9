using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Inspections.Contracts;
using Registry.Inspections.Domain;
using Registry.Notices.Contracts;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Services;

/// <summary>
/// Publishes a year's results as a 年检结果公告 through the notices module; publishing again updates the same notice.
/// The text is in the bureau's language (zh-CN), whatever the officer's display language.
/// </summary>
public sealed class ResultsNotice(DbContext db, INoticePublisher publisher, IOrganizationRegister register, IInspectionFigures figures, ITextCatalog catalog, IAuditTrail audit, TimeProvider clock)
{
    public const string SourceModule = "Inspections";

    private static readonly CultureInfo Bureau = CultureInfo.GetCultureInfo("zh-CN");

    public static string SourceKey(int year) => "results-" + year.ToString(CultureInfo.InvariantCulture);

    public Task<NoticeSummary?> FindAsync(int year, CancellationToken cancellationToken) => publisher.FindBySourceAsync(SourceModule, SourceKey(year), cancellationToken);

    public async Task<(OperationResult Result, int? NoticeId)> PublishAsync(int year, DateOnly periodEnd, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        if (periodEnd < today)
        {
            return (OperationResult.Fail("PeriodEnd", "Insp.Error.PeriodEnd"), null);
        }

        var yearFigures = await figures.ForYearAsync(year, cancellationToken);
        var concluded = await db.Set<AnnualReport>().AsNoTracking().Where(r => r.Year == year && r.State == ReportState.Concluded)
            .OrderBy(r => r.Result).ThenBy(r => r.OrganizationName).ToListAsync(cancellationToken);
        if (yearFigures is null || concluded.Count == 0)
        {
            return (OperationResult.Fail("", "Insp.Error.NoResults"), null);
        }

        var codes = (await register.FindManyAsync([.. concluded.Select(r => r.OrganizationId)], cancellationToken))
            .ToDictionary(o => o.Id, o => o.CreditCode ?? o.FilingNumber ?? "");
        var body = new StringBuilder();
        body.AppendLine(Text("Insp.Notice.Lead", year, FiguresLine(yearFigures, Text))).AppendLine();
        body.Append("| ").Append(Text("Insp.Notice.Column.Name")).Append(" | ").Append(Text("Insp.Notice.Column.Code")).Append(" | ").Append(Text("Insp.Notice.Column.Result")).AppendLine(" |");
        body.AppendLine("| --- | --- | --- |");
        foreach (var report in concluded)
        {
            body.Append("| ").Append(Cell(report.OrganizationName)).Append(" | ").Append(codes.GetValueOrDefault(report.OrganizationId, ""))
                .Append(" | ").Append(Text("Insp.Result." + report.Result)).AppendLine(" |");
        }

        body.AppendLine().AppendLine(Text("Insp.Notice.Closing", periodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var draft = new NoticeDraft(SourceModule, SourceKey(year), Text("Insp.Notice.Title", year), NoticeKind.InspectionResult, body.ToString(), today, periodEnd, AcceptsObjections: true);
        var id = await publisher.PublishAsync(draft, cancellationToken);
        audit.Record("inspections.results-published", "Notice", id.ToString(CultureInfo.InvariantCulture), $"{year}: {concluded.Count} results until {periodEnd:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return (OperationResult.Ok, id);
    }

    /// <summary>"2025年度共277家参加年检，合格242家，基本合格18家，不合格17家；5家未报送。"</summary>
    public static string FiguresLine(InspectionFigures f, Func<string, object[], string> text)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(text);
        return text("Insp.Figures.Line." + f.Mode, [f.Year, f.Concluded, f.Qualified, f.BasicallyQualified, f.Unqualified, f.NotSubmitted]);
    }

    private string Text(string key, params object[] args) =>
        string.Format(new Core.Localization.PluralFormat(Bureau), catalog.Find(key, Bureau) ?? key, args);

    // A name with a pipe would break the Markdown table.
    private static string Cell(string text) => text.Replace("|", "｜", StringComparison.Ordinal);
}
