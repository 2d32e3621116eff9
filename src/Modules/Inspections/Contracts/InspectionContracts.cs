using System.Text.Json.Serialization;

namespace Registry.Inspections.Contracts;

/// <summary>One year's inspection outcome of an organization (result null: no result, e.g. not submitted or under review).</summary>
public sealed record InspectionRecord(int Year, string State, string? Result, bool SubmittedLate);

/// <summary>One stay on a credit list (public facts).</summary>
public sealed record CreditListRecord(
    int Id,
    string List,
    string Cause,
    string? CauseDetail,
    DateOnly EnteredOn,
    string EntryDecision,
    DateOnly? ExitedOn,
    string? ExitCause,
    string? ExitDecision);

/// <summary>What eligibility rules (ratings, venture grants) need to know of an organization's record.</summary>
public sealed record OrganizationStanding(
    int OrganizationId,
    bool OnAbnormalList,
    bool OnSeriousList,
    IReadOnlyList<InspectionRecord> Inspections,
    IReadOnlyList<CreditListRecord> CreditLists)
{
    /// <summary>Was on the given list ("Abnormal" or "Serious") at any time from <paramref name="since"/> to today.</summary>
    public bool WasListedSince(string list, DateOnly since) =>
        CreditLists.Any(e => e.List == list && (e.ExitedOn is null || e.ExitedOn >= since));

    /// <summary>Result of the given year's inspection, or null.</summary>
    public string? ResultOf(int year) => Inspections.FirstOrDefault(i => i.Year == year)?.Result;
}

/// <summary>The inspections module's answer to "may this organization …": used by ratings and grants for eligibility.</summary>
public interface IOrganizationStandings
{
    Task<OrganizationStanding> GetAsync(int organizationId, CancellationToken cancellationToken);

    /// <summary>
    /// The standings of several organizations at once (a hub's members page), keyed by id; every id asked for has an entry.
    /// The default asks one by one; the inspections module answers in two queries.
    /// </summary>
    async Task<IReadOnlyDictionary<int, OrganizationStanding>> GetManyAsync(IReadOnlyCollection<int> organizationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizationIds);
        var result = new Dictionary<int, OrganizationStanding>();
        foreach (var id in organizationIds.Distinct())
        {
            result[id] = await GetAsync(id, cancellationToken);
        }

        return result;
    }
}

/// <summary>
/// Current grades (1–5 for 1A–5A) by organization, provided by the ratings module when it is installed; the annual
/// report's simplified form depends on it. Without a provider nobody has a grade.
/// </summary>
public interface ICurrentGrades
{
    Task<IReadOnlyDictionary<int, int>> GradesAsync(IReadOnlyCollection<int> organizationIds, DateOnly asOf, CancellationToken cancellationToken);
}

/// <summary>A year's figures: how many took part, each result, how many did not submit.</summary>
public sealed record InspectionFigures(
    int Year,
    string Mode,
    int Expected,
    int Exempt,
    int Submitted,
    int Concluded,
    int Qualified,
    int BasicallyQualified,
    int Unqualified,
    int NotSubmitted,
    int SubmittedLate,
    int RectificationsRequired,
    int RectificationsVerified);

/// <summary>Figures of the inspection campaigns for reports.</summary>
public interface IInspectionFigures
{
    /// <summary>Figures of the campaign for <paramref name="year"/>, or null when there was none.</summary>
    Task<InspectionFigures?> ForYearAsync(int year, CancellationToken cancellationToken);

    /// <summary>Figures of the campaigns for <paramref name="firstYear"/> to <paramref name="lastYear"/> that took place, by year, in one grouped query.</summary>
    Task<IReadOnlyList<InspectionFigures>> ForYearsAsync(int firstYear, int lastYear, CancellationToken cancellationToken);

    /// <summary>Credit-list entries and exits dated from <paramref name="first"/> to <paramref name="last"/> (both inclusive).</summary>
    Task<CreditListMovements> CreditListMovementsAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken);
}

/// <summary>Entries into and exits from the credit lists in a period, and who is listed at its end.</summary>
public sealed record CreditListMovements(int EnteredAbnormal, int EnteredSerious, int ExitedAbnormal, int ExitedSerious, int ListedAbnormalAtEnd, int ListedSeriousAtEnd);

/// <summary>
/// An officer recorded an inspection result (online or by import): published on the change feed so that ratings can
/// propose a downgrade or cancellation (不合格, or 基本合格 two years running). <see cref="Result"/> is
/// "Qualified" (合格), "BasicallyQualified" (基本合格) or "Unqualified" (不合格). JSON: camelCase names.
/// </summary>
public sealed record InspectionResultRecorded(
    [property: JsonPropertyName("organizationId")] int OrganizationId,
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("result")] string Result)
{
    /// <summary>The change-feed topic.</summary>
    public const string Topic = "inspections.result-recorded";
}

/// <summary>An organization's finances from its latest accepted (concluded) annual report, in fen.</summary>
public sealed record PublicFinances(int Year, long IncomeFen, long ExpenditureFen, long NetAssetsFen);

/// <summary>The finance figures published with the register (open data, organization pages).</summary>
public interface IPublicFinances
{
    /// <summary>Per organization id, the figures of its latest accepted annual report; organizations without one are absent.</summary>
    Task<IReadOnlyDictionary<int, PublicFinances>> LatestAsync(CancellationToken cancellationToken);
}
