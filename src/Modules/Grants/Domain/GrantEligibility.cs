using System.Globalization;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;

namespace Registry.Grants.Domain;

/// <summary>The eligibility report of an application under its round's rules (facts from the register, inspections and grades).</summary>
public static class GrantEligibility
{
    public const string Registered = "Grant.Rule.Registered";
    public const string AbnormalList = "Grant.Rule.AbnormalList";
    public const string SeriousList = "Grant.Rule.SeriousList";
    public const string LastInspection = "Grant.Rule.LastInspection";
    public const string MinimumGrade = "Grant.Rule.MinimumGrade";
    public const string NoDoubleFunding = "Grant.Rule.NoDoubleFunding";

    /// <summary>A reason outside the automatic rules (the officer's note says which).</summary>
    public const string Other = "Grant.Rule.Other";

    /// <summary>
    /// One check per rule the round sets: registered (credit code) or filed (filing number) and active; not on the
    /// abnormal list since <c>on − AbnormalYears</c> nor on the serious list since <c>on − SeriousYears</c>; last year's
    /// inspection not 不合格 (no result counts as passed: filed and new organizations are not inspected); the minimum
    /// grade; the declaration of no other government funding.
    /// </summary>
    public static IReadOnlyList<EligibilityCheck> Check(EligibilityRules rules, OrganizationSummary organization, OrganizationStanding standing, int grade, bool declaredNoOtherFunding, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(standing);
        var lastYear = standing.ResultOf(on.Year - 1);
        var checks = new List<EligibilityCheck>
        {
            new(Registered, organization.Status == OrganizationCodes.Active && (organization.CreditCode ?? organization.FilingNumber) is { Length: > 0 },
                organization.CreditCode ?? organization.FilingNumber ?? ""),
            new(AbnormalList, !standing.WasListedSince("Abnormal", on.AddYears(-rules.AbnormalYears)), Years(rules.AbnormalYears)),
            new(SeriousList, !standing.WasListedSince("Serious", on.AddYears(-rules.SeriousYears)), Years(rules.SeriousYears)),
        };
        if (rules.LastInspectionNotFailed)
        {
            checks.Add(new EligibilityCheck(LastInspection, lastYear != "Unqualified", $"{on.Year - 1}: {lastYear ?? "—"}"));
        }

        if (rules.MinimumGrade > 0)
        {
            checks.Add(new EligibilityCheck(MinimumGrade, grade >= rules.MinimumGrade, grade > 0 ? $"{grade}A" : "—"));
        }

        if (rules.NoDoubleFunding)
        {
            checks.Add(new EligibilityCheck(NoDoubleFunding, declaredNoOtherFunding));
        }

        return checks;
    }

    private static string Years(int years) => years.ToString(CultureInfo.InvariantCulture);
}
