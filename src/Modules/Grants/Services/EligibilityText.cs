using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Registry.Core.Review;
using Registry.Grants.Domain;

namespace Registry.Grants.Services;

/// <summary>What an eligibility report shows beside a rule's label, localized (never a bare code or a number the label already states).</summary>
public static partial class EligibilityText
{
    public static string Detail(IStringLocalizer localizer, EligibilityCheck check)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(check);
        var (detail, key) = check.DetailKey is null && StoredResult().Match(check.Detail) is { Success: true } stored
            ? (stored.Groups["year"].Value, "Grant.InspectionResult." + stored.Groups["result"].Value)
            : (check.Detail, check.DetailKey);
        if (key is null)
        {
            // "Not on the abnormal list within {0} years" already says the number: repeating it printed a bare "1".
            return localizer[check.Key].Value.Contains("{0}", StringComparison.Ordinal) ? "" : detail;
        }

        return detail.Length == 0 ? localizer[key].Value : $"{detail}: {localizer[key].Value}";
    }

    /// <summary>Reports saved before the result became a key held "2025: Qualified".</summary>
    [GeneratedRegex(@"^(?<year>\d{4}): (?<result>Qualified|BasicallyQualified|Unqualified)$")]
    private static partial Regex StoredResult();
}
