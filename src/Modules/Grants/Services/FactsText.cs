using System.Globalization;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;
using Registry.Grants.Domain;

namespace Registry.Grants.Services;

/// <summary>How an application's organization facts read on its pages: each value, and where it came from.</summary>
public static class FactsText
{
    public static string Value(IStringLocalizer localizer, OrganizationFacts facts, string field)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return OrganizationFactRules.Value(facts, field) switch
        {
            null => "—",
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            long fen => new Money(fen).Format(),
            int grade when field == OrganizationFactRules.Grade => grade == 0 ? localizer["Grant.Fact.GradeNone"].Value : localizer["Grant.Fact.GradeValue", grade].Value,
            int count => count.ToString(CultureInfo.InvariantCulture),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
        };
    }

    /// <summary>"来自登记信息" / "来自2025年度年报" / "来自等级评估" while the pre-filled value stands; "申报单位填写" once changed; null when empty.</summary>
    public static string? Source(IStringLocalizer localizer, ApplicationFacts facts, string field)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(facts);
        if (OrganizationFactRules.SourceOf(facts, field) is { } source)
        {
            return localizer[OrganizationFactRules.SourceKey(source), facts.ReportYear ?? 0].Value;
        }

        return OrganizationFactRules.Value(facts.Stated, field) is null ? null : localizer["Grant.Fact.Source.Applicant"].Value;
    }
}
