using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Recipes;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Recipes;

/// <summary>
/// Opens a year's campaign: <c>{ "name": "inspection-campaign", "year": 2025, "mode": "Inspection", "deadline": "2026-05-31",
/// "types": ["SocialGroup", "PrivateNonEnterprise"], "simplifiedFromGrade": 4, "adminCostWarningPercent": 20 }</c>
/// (all but the year optional). Skipped when the year's campaign exists.
/// </summary>
internal sealed class InspectionCampaignRecipeStep(CampaignService campaigns, IStringLocalizer localizer) : IRecipeStep
{
    public string Name => "inspection-campaign";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        if (!step.TryGetProperty("year", out var yearElement) || !yearElement.TryGetInt32(out var year))
        {
            context.Error("'year' is required");
            return;
        }

        if (await campaigns.FindAsync(year, cancellationToken) is not null)
        {
            return;
        }

        try
        {
            var request = new CampaignRequest(
                year,
                step.TryGetProperty("mode", out var mode) ? Enum.Parse<CampaignMode>(mode.GetString()!) : CampaignMode.Inspection,
                step.TryGetProperty("deadline", out var deadline) ? DateOnly.Parse(deadline.GetString()!, CultureInfo.InvariantCulture) : InspectionCampaign.DefaultDeadline(year),
                step.TryGetProperty("types", out var types) ? [.. types.EnumerateArray().Select(t => t.GetString()!)] : [OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise, OrganizationCodes.Foundation],
                step.TryGetProperty("simplifiedFromGrade", out var grade) ? grade.GetInt32() : null,
                step.TryGetProperty("adminCostWarningPercent", out var percent) ? percent.GetInt32() : CampaignService.DefaultAdminCostWarningPercent);
            var (result, _) = await campaigns.OpenAsync(request, cancellationToken);
            foreach (var error in result.Errors)
            {
                context.Error($"{error.Field}: {localizer.Describe(error)}");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or JsonException)
        {
            context.Error(ex.Message);
        }
    }
}

/// <summary>
/// Imports results through the officers' import: <c>{ "name": "inspection-results", "file": "data/results.csv" }</c>
/// (path relative to the recipe). Skipped when every row's year already has results for its organizations.
/// </summary>
internal sealed class InspectionResultsRecipeStep(ResultImporter importer, IStringLocalizer localizer) : IRecipeStep
{
    public string Name => "inspection-results";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (!context.Step.TryGetProperty("file", out var fileElement) || fileElement.GetString() is not { Length: > 0 } file)
        {
            context.Error("'file' is required");
            return;
        }

        var path = Path.Combine(context.RecipeDirectory, file);
        if (!File.Exists(path))
        {
            context.Error($"file not found: {path}");
            return;
        }

        await using var content = File.OpenRead(path);
        var result = await importer.ImportAsync(content, path, cancellationToken);
        // A second run finds every row concluded already: that is the step being idempotent, not an error.
        if (result.Errors.All(e => e.Key == "Insp.Import.AlreadyConcluded"))
        {
            return;
        }

        foreach (var error in result.Errors.Where(e => e.Key != "Insp.Import.AlreadyConcluded"))
        {
            context.Error($"row {error.Row} {error.Column}: {localizer.Describe(error.Key, error.Args)}");
        }
    }
}

/// <summary>
/// Credit-list entries and exits through the officers' service (validated, audited, standing updated):
/// <c>{ "name": "credit-list-entries", "entries": [ { "creditCode": "…", "cause": "Unreachable", "detail": "…",
/// "year": 2025, "decision": "…", "enteredOn": "2026-01-12", "exitedOn": "2026-02-16", "exitCause": "Rectified", "exitDecision": "…" } ] }</c>
/// (detail, year and the exit optional; exit causes an officer may record: Rectified, CleanTwoYears, Corrected, as the rules allow). Dates must not be in the
/// future. Idempotent: an organization's entry with the same cause and entry day is not entered again, only exited if still current.
/// </summary>
internal sealed class CreditListEntriesRecipeStep(CreditListService creditLists, IOrganizationRegister register, IStringLocalizer localizer) : IRecipeStep
{
    public string Name => "credit-list-entries";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (!context.Step.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            context.Error("'entries' is required");
            return;
        }

        var index = 0;
        foreach (var item in entries.EnumerateArray())
        {
            index++;
            try
            {
                foreach (var error in await ApplyAsync(item, cancellationToken))
                {
                    context.Error($"entry {index}: {error}");
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                context.Error($"entry {index}: {ex.Message}");
            }
        }
    }

    private async Task<IEnumerable<string>> ApplyAsync(JsonElement item, CancellationToken cancellationToken)
    {
        string? Text(string name) => item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        DateOnly Day(string name) => DateOnly.ParseExact(Text(name) ?? throw new FormatException($"'{name}' is required"), "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var code = Text("creditCode") ?? throw new FormatException("'creditCode' is required");
        if (await register.FindByCodesAsync([code], cancellationToken) is not [var organization, ..])
        {
            return [$"no organization with the code {code}"];
        }

        var cause = Enum.Parse<EntryCause>(Text("cause") ?? throw new FormatException("'cause' is required"));
        var enteredOn = Day("enteredOn");
        bool Same(CreditListEntry e) => e.Cause == cause && e.EnteredOn == enteredOn;
        if (!(await creditLists.OfOrganizationAsync(organization.Id, cancellationToken)).Any(Same))
        {
            var year = item.TryGetProperty("year", out var yearElement) && yearElement.TryGetInt32(out var y) ? y : (int?)null;
            var entered = await creditLists.EnterAsync(new EntryDecision(organization.Id, cause, Text("detail"), Text("decision"), enteredOn, year), cancellationToken);
            if (!entered.Succeeded)
            {
                return entered.Errors.Select(e => $"{e.Field}: {localizer.Describe(e)}");
            }
        }

        if (Text("exitedOn") is null)
        {
            return [];
        }

        var current = (await creditLists.OfOrganizationAsync(organization.Id, cancellationToken)).SingleOrDefault(e => Same(e) && e.IsCurrent);
        if (current is null || await creditLists.FindAsync(current.Id, cancellationToken) is not { } entry)
        {
            return [];
        }

        var exitCause = Enum.Parse<ExitCause>(Text("exitCause") ?? nameof(ExitCause.Rectified));
        var exited = await creditLists.ExitAsync(entry, exitCause, Text("exitDecision"), Day("exitedOn"), entry.Version, cancellationToken);
        return exited.Errors.Select(e => $"{e.Field}: {localizer.Describe(e)}");
    }
}

/// <summary>
/// The content of annual reports filed on paper (figures and texts), for reports the campaign or the results import
/// created: <c>{ "name": "annual-report-content", "file": "data/reports.json" }</c> (a JSON array, path relative to
/// the recipe) or <c>"reports": [ … ]</c>, each <c>{ "creditCode", "year", "workSummary", "nextYearPlan",
/// "individualMembers", "unitMembers", "fullTimeStaff", "partTimeStaff", "volunteers", "partyOrganization": "Independent",
/// "partyMembers", "incomeGovernmentYuan": "120000.00", "incomeDonationsYuan", "incomeServicesYuan",
/// "incomeMembershipYuan", "incomeOtherYuan", "expenseProgrammeYuan", "expenseStaffYuan", "expenseAdministrativeYuan",
/// "expenseOtherYuan", "netAssetsStartYuan", "netAssetsEndYuan" }</c> (end omitted: derived from the identity).
/// Idempotent: the content is replaced by the same content.
/// </summary>
internal sealed class AnnualReportContentRecipeStep(ReportService reports, DbContext db, IOrganizationRegister register, IStringLocalizer localizer) : IRecipeStep
{
    public string Name => "annual-report-content";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        List<JsonElement> items;
        if (context.Step.TryGetProperty("file", out var fileElement) && fileElement.GetString() is { Length: > 0 } file)
        {
            var path = Path.Combine(context.RecipeDirectory, file);
            if (!File.Exists(path))
            {
                context.Error($"file not found: {path}");
                return;
            }

            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken));
            items = [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
        }
        else
        {
            items = [.. context.Array("reports")];
        }

        var codes = items.Select(i => i.TryGetProperty("creditCode", out var c) ? c.GetString() ?? "" : "").Where(c => c.Length > 0).Distinct().ToList();
        var byCode = (await register.FindByCodesAsync(codes, cancellationToken)).Where(o => o.CreditCode is not null).ToDictionary(o => o.CreditCode!);
        var index = 0;
        foreach (var item in items)
        {
            index++;
            try
            {
                var code = item.GetProperty("creditCode").GetString() ?? "";
                var year = item.GetProperty("year").GetInt32();
                if (!byCode.TryGetValue(code, out var organization))
                {
                    context.Error($"report {index}: no organization with the code {code}");
                    continue;
                }

                var report = await db.Set<AnnualReport>().SingleOrDefaultAsync(r => r.OrganizationId == organization.Id && r.Year == year, cancellationToken);
                if (report is null)
                {
                    context.Error($"report {index}: {code} has no report for {year}");
                    continue;
                }

                var result = await reports.RecordPaperContentAsync(report, Content(item), cancellationToken);
                foreach (var error in result.Errors)
                {
                    context.Error($"report {index} ({code} {year}): {error.Field} {localizer.Describe(error)}");
                }
            }
            catch (Exception ex) when (ex is FormatException or KeyNotFoundException or InvalidOperationException or ArgumentException)
            {
                context.Error($"report {index}: {ex.Message}");
            }
        }
    }

    private static ReportContent Content(JsonElement item)
    {
        string Text(string name) => item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        int Count(string name) => item.TryGetProperty(name, out var value) ? value.GetInt32() : 0;
        long Fen(string name)
        {
            if (!item.TryGetProperty(name, out var value))
            {
                return 0;
            }

            var text = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString();
            return Money.TryParse(text, out var money, out _) ? money.Fen : throw new FormatException($"'{name}' is not an amount: {text}");
        }

        var content = new ReportContent
        {
            WorkSummary = Text("workSummary"),
            NextYearPlan = Text("nextYearPlan"),
            IndividualMembers = Count("individualMembers"),
            UnitMembers = Count("unitMembers"),
            FullTimeStaff = Count("fullTimeStaff"),
            PartTimeStaff = Count("partTimeStaff"),
            Volunteers = Count("volunteers"),
            PartyOrganization = Text("partyOrganization") is { Length: > 0 } party ? Enum.Parse<PartyOrganization>(party) : PartyOrganization.None,
            PartyMembers = Count("partyMembers"),
            MajorChanges = Text("majorChanges"),
            IncomeGovernmentFen = Fen("incomeGovernmentYuan"),
            IncomeDonationsFen = Fen("incomeDonationsYuan"),
            IncomeServicesFen = Fen("incomeServicesYuan"),
            IncomeMembershipFen = Fen("incomeMembershipYuan"),
            IncomeOtherFen = Fen("incomeOtherYuan"),
            ExpenseProgrammeFen = Fen("expenseProgrammeYuan"),
            ExpenseStaffFen = Fen("expenseStaffYuan"),
            ExpenseAdministrativeFen = Fen("expenseAdministrativeYuan"),
            ExpenseOtherFen = Fen("expenseOtherYuan"),
            NetAssetsStartFen = Fen("netAssetsStartYuan"),
            AdjustmentFen = Fen("adjustmentYuan"),
            AdjustmentExplanation = Text("adjustmentExplanation"),
        };
        content.NetAssetsEndFen = item.TryGetProperty("netAssetsEndYuan", out _) ? Fen("netAssetsEndYuan") : ReportValidator.ExpectedNetAssetsEnd(content);
        return content;
    }
}

/// <summary>
/// Files reports whose content was recorded from paper (after <c>annual-report-content</c>), as the organization would:
/// to its supervising unit for 初审 when the unit answers online, else to the bureau:
/// <c>{ "name": "annual-report-filings", "reports": [ { "creditCode": "…", "year": 2025, "filedOn": "2026-03-20" } ] }</c>
/// (filedOn not in the future). Idempotent: a report filed once (or concluded, or exempt) is left as it is.
/// </summary>
internal sealed class AnnualReportFilingsRecipeStep(ReportService reports, DbContext db, IOrganizationRegister register, IStringLocalizer localizer, TimeProvider clock) : IRecipeStep
{
    public string Name => "annual-report-filings";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var items = context.Array("reports").ToList();
        var codes = items.Select(i => i.TryGetProperty("creditCode", out var c) ? c.GetString() ?? "" : "").Where(c => c.Length > 0).Distinct().ToList();
        var byCode = (await register.FindByCodesAsync(codes, cancellationToken)).Where(o => o.CreditCode is not null).ToDictionary(o => o.CreditCode!);
        var today = Core.Localization.ChinaTime.Today(clock);
        var index = 0;
        foreach (var item in items)
        {
            index++;
            try
            {
                var code = item.GetProperty("creditCode").GetString() ?? "";
                var year = item.GetProperty("year").GetInt32();
                var filedOn = DateOnly.ParseExact(item.GetProperty("filedOn").GetString() ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (filedOn > today)
                {
                    context.Error($"report {index}: filedOn {filedOn:yyyy-MM-dd} is in the future");
                    continue;
                }

                if (!byCode.TryGetValue(code, out var organization))
                {
                    context.Error($"report {index}: no organization with the code {code}");
                    continue;
                }

                var report = await db.Set<AnnualReport>().SingleOrDefaultAsync(r => r.OrganizationId == organization.Id && r.Year == year, cancellationToken);
                if (report is null)
                {
                    context.Error($"report {index}: {code} has no report for {year}");
                    continue;
                }

                if (!report.IsEditableByOrganization || report.SubmittedAt is not null)
                {
                    continue;
                }

                var result = await reports.FilePaperReportAsync(report, filedOn, cancellationToken);
                foreach (var error in result.Errors)
                {
                    context.Error($"report {index} ({code} {year}): {error.Field} {localizer.Describe(error)}");
                }
            }
            catch (Exception ex) when (ex is FormatException or KeyNotFoundException or InvalidOperationException or ArgumentException)
            {
                context.Error($"report {index}: {ex.Message}");
            }
        }
    }
}

/// <summary>
/// Rebuilds the campaign and sector figures' tallies from the reports: <c>{ "name": "inspection-tallies" }</c>. Every
/// save through the application keeps them; this is for data written around it (a bulk load). Idempotent.
/// </summary>
internal sealed class ReportTalliesRecipeStep(ReportTalliesRebuild rebuild) : IRecipeStep
{
    public string Name => "inspection-tallies";

    public Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken) => rebuild.RebuildAsync(cancellationToken);
}
