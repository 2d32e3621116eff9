using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Localization;
using Registry.Core.Tabular;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;
using Registry.Core.Forms;

namespace Registry.Inspections.Services;

/// <summary>
/// Imports results recorded on paper (CSV or XLSX): every row is checked first; one bad row and nothing is applied,
/// with every bad row reported. Rows name the organization by credit code or filing number.
/// </summary>
public sealed class ResultImporter(DbContext db, IOrganizationRegister register, ReportService reports, CreditListService creditLists, TimeProvider clock)
{
    public const int MaxRows = 20_000;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["统一社会信用代码"] = "Code", ["备案编号"] = "Code", ["代码"] = "Code", ["Code"] = "Code", ["CreditCode"] = "Code",
        ["年度"] = "Year", ["Year"] = "Year",
        ["结论"] = "Result", ["年检结论"] = "Result", ["Result"] = "Result",
        ["原因"] = "Reasons", ["Reasons"] = "Reasons",
        ["整改要求"] = "Rectification", ["Rectification"] = "Rectification",
        ["整改期限"] = "DueOn", ["RectificationDueOn"] = "DueOn", ["DueOn"] = "DueOn",
        ["整改验收日期"] = "VerifiedOn", ["RectificationVerifiedOn"] = "VerifiedOn", ["VerifiedOn"] = "VerifiedOn",
    };

    private static readonly Dictionary<string, InspectionResult> Results = new(StringComparer.OrdinalIgnoreCase)
    {
        ["合格"] = InspectionResult.Qualified, ["Qualified"] = InspectionResult.Qualified,
        ["基本合格"] = InspectionResult.BasicallyQualified, ["BasicallyQualified"] = InspectionResult.BasicallyQualified,
        ["不合格"] = InspectionResult.Unqualified, ["Unqualified"] = InspectionResult.Unqualified,
    };

    private sealed record Row(int Number, AnnualReport Report, ResultDecision Decision, DateOnly? VerifiedOn);

    public async Task<ImportResult> ImportAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        var (rows, refusal) = await TabularFile.ReadAsync(content, fileName, Columns, MaxRows, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var campaigns = await db.Set<InspectionCampaign>().ToDictionaryAsync(c => c.Year, cancellationToken);
        var codes = rows.Select(r => r.GetValueOrDefault("Code", "")).Where(c => c.Length > 0).Distinct().ToList();
        var organizations = await register.FindByCodesAsync(codes, cancellationToken);
        var byCode = organizations.SelectMany(o => new[] { (Code: o.CreditCode, Org: o), (Code: o.FilingNumber, Org: o) })
            .Where(p => p.Code is not null).ToDictionary(p => p.Code!, p => p.Org);
        // The reports the file can touch: its organizations (one array parameter: up to MaxRows of them) in its years,
        // found by their key for each row (a scan of them per row grew with the square of the file).
        int[] ids = [.. organizations.Select(o => o.Id)];
        var years = rows.Select(r => int.TryParse(r.GetValueOrDefault("Year", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0).Where(campaigns.ContainsKey).Distinct().ToList();
        var existing = await db.Set<AnnualReport>().Where(r => EF.Parameter(ids).Contains(r.OrganizationId) && years.Contains(r.Year))
            .ToDictionaryAsync(r => (r.OrganizationId, r.Year), cancellationToken);

        var errors = new List<ImportError>();
        var parsed = new List<Row>();
        var seen = new HashSet<(int, int)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var number = i + 1;
            var row = rows[i];
            string Get(string column) => row.GetValueOrDefault(column, "");
            void Fail(string column, string key, params object[] args) => errors.Add(new ImportError(number, column, key, args));

            var before = errors.Count;
            var org = byCode.GetValueOrDefault(Get("Code"));
            if (org is null)
            {
                Fail("Code", "Insp.Import.UnknownOrganization", Get("Code"));
            }

            InspectionCampaign? campaign = null;
            if (!int.TryParse(Get("Year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !campaigns.TryGetValue(year, out campaign))
            {
                Fail("Year", "Insp.Import.NoCampaign", Get("Year"));
            }

            if (!Results.TryGetValue(Get("Result"), out var result))
            {
                Fail("Result", "Insp.Import.BadResult", Get("Result"));
            }

            var dueOn = Date(Get("DueOn"), "DueOn", Fail);
            var verifiedOn = Date(Get("VerifiedOn"), "VerifiedOn", Fail);
            var decision = new ResultDecision(result, NullIfEmpty(Get("Reasons")), NullIfEmpty(Get("Rectification")), dueOn);
            if (errors.Count == before && result != InspectionResult.Qualified)
            {
                // Paper records may carry due dates already past: only their presence is checked.
                foreach (var error in ReportService.Validate(decision with { RectificationDueOn = dueOn is null ? null : DateOnly.MaxValue }, DateOnly.MinValue))
                {
                    Fail(error.Field, error.Key, error.Args);
                }
            }

            if (errors.Count > before)
            {
                continue;
            }

            if (!seen.Add((org!.Id, year)))
            {
                Fail("Code", "Insp.Import.Duplicate", Get("Code"), year);
                continue;
            }

            var report = existing.GetValueOrDefault((org.Id, year));
            if (report is not null && AnnualReportWorkflow.Next(report.State, ReportTrigger.Import) is null)
            {
                Fail("Code", report.State == ReportState.Exempt ? "Insp.Import.Exempt" : "Insp.Import.AlreadyConcluded", org.Name, year);
                continue;
            }

            if (report is null)
            {
                // Not expected when the campaign opened (e.g. registered on paper later): the import adds it.
                var now = clock.GetUtcNow().UtcDateTime;
                report = new AnnualReport { CampaignId = campaign!.Id, Year = year, OrganizationId = org.Id, OrganizationName = org.Name, TypeCode = org.TypeCode, Street = org.Street, CreatedAt = now, UpdatedAt = now };
                db.Add(report);
            }

            parsed.Add(new Row(number, report, decision, result == InspectionResult.Qualified ? null : verifiedOn));
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ImportResult(0, errors);
        }

        var today = ChinaTime.Today(clock);
        await using var transaction = await db.BeginOwnTransactionAsync(cancellationToken);
        foreach (var row in parsed)
        {
            // The state was checked above; a refusal here still rolls the whole file back, reported on its row.
            var refused = reports.Conclude(row.Report, row.Decision, today, imported: true);
            if (refused is null && row.VerifiedOn is { } on)
            {
                refused = reports.Transition(row.Report, RectificationTrigger.RecordVerified, $"verified on {on:yyyy-MM-dd}");
            }

            if (refused is not null)
            {
                db.ChangeTracker.Clear();
                return new ImportResult(0, [.. refused.Errors.Select(e => new ImportError(row.Number, "Code", e.Key, e.Args))]);
            }

            if (row.VerifiedOn is { } verified)
            {
                row.Report.RectificationVerifiedOn = verified;
                row.Report.RectificationVerifiedBy = row.Report.ResultBy;
            }

            await creditLists.VerifyFulfilmentAsync(row.Report.OrganizationId, row.Report.Year, EntryCause.LateAnnualReport, today, cancellationToken);
        }

        await creditLists.FlushAsync(cancellationToken);
        await transaction.CommitOwnAsync(cancellationToken);
        return new ImportResult(parsed.Count, []);
    }

    private static DateOnly? Date(string text, string column, Action<string, string, object[]> fail)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (InputLimits.TryParseDate(text, out var date, out var outOfRange, "yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"))
        {
            return date;
        }

        if (outOfRange)
        {
            fail(column, InputLimits.ErrorDateRange, InputLimits.DateRangeArgs);
            return null;
        }

        fail(column, "Insp.Import.BadDate", [text]);
        return null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
