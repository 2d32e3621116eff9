using Microsoft.Extensions.Localization;

namespace Registry.Inspections.Services;

/// <summary>Decisions are an officer's words, or a catalog key for those the rules made (automatic entries and exits).</summary>
public static class DecisionText
{
    public static string Decision(this IStringLocalizer localizer, string? decision)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return decision is null ? "" : decision.StartsWith("Insp.Decision.", StringComparison.Ordinal) ? localizer[decision].Value : decision;
    }
}
