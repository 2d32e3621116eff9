using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
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
