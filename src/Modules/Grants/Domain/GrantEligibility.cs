using System.Globalization;
using Registry.Core.Review;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Supervision.Contracts;

namespace Registry.Grants.Domain;

/// <summary>What the applicant declares on the application (each relied on only where the register cannot tell).</summary>
public sealed record ApplicantDeclarations(bool NoOtherGovernmentFunding, bool NoMajorViolation);

/// <summary>The eligibility report of an application under its round's rules (facts from the register, inspections and grades).</summary>
public static class GrantEligibility
{
    public const string Registered = "Grant.Rule.Registered";
    public const string AbnormalList = "Grant.Rule.AbnormalList";
    public const string SeriousList = "Grant.Rule.SeriousList";
    public const string LastInspection = "Grant.Rule.LastInspection";
    public const string MinimumGrade = "Grant.Rule.MinimumGrade";
    public const string NoDoubleFunding = "Grant.Rule.NoDoubleFunding";
    public const string NoMajorViolation = "Grant.Rule.NoMajorViolation";
    public const string NoEarlierBreach = "Grant.Rule.NoEarlierBreach";
    public const string NoPenalty = "Grant.Rule.NoPenalty";

    /// <summary>
    /// Credit-list causes that are penalty records of a major violation (重大违法违规): 受到限期停止活动或者更严重的行政处罚 and
    /// registration revoked (causes of the serious list of 社会组织信用信息管理办法). Their entry day is the day of the record.
    /// </summary>
    public static readonly IReadOnlyList<string> PenaltyCauses = ["SeriousPenalty", "RegistrationRevoked"];

    /// <summary>A reason outside the automatic rules (the officer's note says which).</summary>
    public const string Other = "Grant.Rule.Other";

    /// <summary>
    /// One check per rule the round sets: registered (credit code) or filed (filing number) and active; not on the
    /// abnormal list since <c>on − AbnormalYears</c> nor on the serious list since <c>on − SeriousYears</c>; last year's
    /// inspection not 不合格 (no result counts as passed: filed and new organizations are not inspected); the minimum
    /// grade; the declaration of no other government funding; no major violation within <c>MajorViolationYears</c> (see
    /// <see cref="MajorViolationCheck"/>); no earlier agreement ended in breach or a refund demand within
    /// <c>BreachBarYears</c> (see <see cref="BreachCheck"/>); no penalty decided within <paramref name="penaltyYears"/>
    /// years (0: not checked; see <see cref="PenaltyCheck"/>).
    /// </summary>
    public static IReadOnlyList<EligibilityCheck> Check(EligibilityRules rules, OrganizationSummary organization, OrganizationStanding standing, int grade, ApplicantDeclarations declared, IReadOnlyList<DateOnly> breaches, DateOnly on, PenaltyHistory? penalties = null, int penaltyYears = 0)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(breaches);
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
            checks.Add(new EligibilityCheck(LastInspection, lastYear != "Unqualified", (on.Year - 1).ToString(CultureInfo.InvariantCulture),
                lastYear is null ? "Grant.InspectionResult.None" : "Grant.InspectionResult." + lastYear));
        }

        if (rules.MinimumGrade > 0)
        {
            checks.Add(new EligibilityCheck(MinimumGrade, grade >= rules.MinimumGrade, grade > 0 ? $"{grade}A" : "—"));
        }

        if (rules.NoDoubleFunding)
        {
            checks.Add(new EligibilityCheck(NoDoubleFunding, declared.NoOtherGovernmentFunding));
        }

        if (rules.MajorViolationYears > 0)
        {
            checks.Add(MajorViolationCheck(rules.MajorViolationYears, standing, declared.NoMajorViolation, on));
        }

        if (rules.BreachBarYears > 0)
        {
            checks.Add(BreachCheck(rules.BreachBarYears, breaches, on));
        }

        if (penaltyYears > 0)
        {
            checks.Add(PenaltyCheck(penaltyYears, penalties ?? PenaltyHistory.None, on));
        }

        return checks;
    }

    /// <summary>
    /// No administrative penalty decided against the organization within <paramref name="years"/> years before
    /// <paramref name="on"/> (the anniversary day still inside), from the supervision module's decisions; a failure names
    /// the newest decision (day and 文号).
    /// </summary>
    public static EligibilityCheck PenaltyCheck(int years, PenaltyHistory penalties, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(penalties);
        return penalties.LatestWithin(years, on) is { } latest
            ? new EligibilityCheck(NoPenalty, false, $"{latest.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {latest.DecisionNumber}")
            : new EligibilityCheck(NoPenalty, true);
    }

    /// <summary>
    /// No major violation within <paramref name="years"/> years before <paramref name="on"/> (the anniversary day still
    /// inside): a penalty record (<see cref="PenaltyCauses"/>) dated in that period fails the check whatever was declared;
    /// without one, the applicant's declaration decides (the register holds no other penalty records).
    /// </summary>
    public static EligibilityCheck MajorViolationCheck(int years, OrganizationStanding standing, bool declared, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var since = on.AddYears(-years);
        var record = standing.CreditLists.Where(e => PenaltyCauses.Contains(e.Cause) && e.EnteredOn >= since && e.EnteredOn <= on).OrderByDescending(e => e.EnteredOn).FirstOrDefault();
        return record is not null
            ? new EligibilityCheck(NoMajorViolation, false, $"{record.EnteredOn:yyyy-MM-dd} {record.EntryDecision}".Trim())
            : new EligibilityCheck(NoMajorViolation, declared);
    }

    /// <summary>
    /// The bar after an earlier agreement of the fund that ended in breach (final evaluation failed) or with a refund demand:
    /// the organization may not apply for <paramref name="years"/> years from that day (the anniversary day still barred).
    /// </summary>
    public static EligibilityCheck BreachCheck(int years, IReadOnlyList<DateOnly> breaches, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(breaches);
        var since = on.AddYears(-years);
        var last = breaches.Where(d => d >= since && d <= on).DefaultIfEmpty().Max();
        return last == default ? new EligibilityCheck(NoEarlierBreach, true) : new EligibilityCheck(NoEarlierBreach, false, last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static string Years(int years) => years.ToString(CultureInfo.InvariantCulture);
}
