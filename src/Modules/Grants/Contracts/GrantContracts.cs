using System.Globalization;

namespace Registry.Grants.Contracts;

/// <summary>Figures of one category of a round (amounts in fen).</summary>
public sealed record GrantCategoryFigures(string Category, int Applications, int PassedScreening, int Shortlisted, int Funded, long RequestedFen, long ShortlistedFen, long AwardedFen)
{
    /// <summary>Agreed amounts of signed (or closed) agreements.</summary>
    public long CommittedFen { get; init; }

    /// <summary>Paid out on the agreements' tranches.</summary>
    public long PaidFen { get; init; }

    /// <summary>Paid back on refunds.</summary>
    public long RefundedFen { get; init; }

    /// <summary>Projects closed (final evaluation passed, money settled).</summary>
    public int Closed { get; init; }

    /// <summary>Projects whose final evaluation failed.</summary>
    public int Failed { get; init; }
}

/// <summary>
/// Figures of a round: applications submitted, passed screening (初筛), shortlisted (入围, after publication), funded
/// (awarded), amounts requested, shortlisted and awarded in fen, and the same by category.
/// </summary>
public sealed record GrantRoundFigures(
    int RoundId,
    string Programme,
    string Name,
    int Year,
    int Applications,
    int PassedScreening,
    int Shortlisted,
    int Funded,
    long RequestedFen,
    long ShortlistedFen,
    long AwardedFen,
    IReadOnlyList<GrantCategoryFigures> ByCategory)
{
    /// <summary>Agreed amounts of signed (or closed) agreements (fen).</summary>
    public long CommittedFen { get; init; }

    /// <summary>Paid out on the agreements' tranches (fen).</summary>
    public long PaidFen { get; init; }

    /// <summary>Paid back on refunds (fen).</summary>
    public long RefundedFen { get; init; }

    /// <summary>Projects closed (final evaluation passed, money settled).</summary>
    public int Closed { get; init; }

    /// <summary>Projects whose final evaluation failed.</summary>
    public int Failed { get; init; }

    /// <summary>Committed and not yet paid (fen).</summary>
    public long RemainingFen => CommittedFen - PaidFen;

    /// <summary>
    /// The year-end report's sentence: "确定了267个入围项目,项目资金超过215万元" (money in 万元 rounded down; "超过" when
    /// there is more), or in English "267 projects shortlisted, with project funding of over ¥2.15 million".
    /// </summary>
    public string Line(CultureInfo culture) => GrantFigureText.ShortlistLine(Shortlisted, ShortlistedFen, culture);
}

/// <summary>The sentences of the bureau's reports about the fund.</summary>
public static class GrantFigureText
{
    private const long FenPerWan = 1_000_000;

    public static string ShortlistLine(int shortlisted, long amountFen, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var wan = amountFen / FenPerWan;
        var over = amountFen % FenPerWan != 0;
        return culture.TwoLetterISOLanguageName == "zh"
            ? string.Create(CultureInfo.InvariantCulture, $"确定了{shortlisted}个入围项目,项目资金{(over ? "超过" : "")}{wan}万元")
            : string.Create(CultureInfo.InvariantCulture, $"{shortlisted} projects shortlisted, with project funding of {(over ? "over " : "")}¥{wan / 100m:0.00##} million");
    }
}

/// <summary>The fund's figures for the bureau's reports, computed in the database.</summary>
public interface IGrantFigures
{
    /// <summary>Every round of <paramref name="year"/> (all programmes), oldest first.</summary>
    Task<IReadOnlyList<GrantRoundFigures>> ForYearAsync(int year, CancellationToken cancellationToken);

    Task<GrantRoundFigures?> ForRoundAsync(int roundId, CancellationToken cancellationToken);
}

/// <summary>
/// A funded project as the public sees it: the period is the agreed one once an agreement exists; a closed project has its
/// closing date and result (<c>Pass</c> or <c>PassWithConditions</c>).
/// </summary>
public sealed record FundedProject(int ApplicationId, string Title, string Programme, string RoundName, int Year, string Category, long AmountFen, DateOnly? StartOn, DateOnly? EndOn)
{
    public DateOnly? ClosedOn { get; init; }

    public string? Result { get; init; }

    public bool IsClosed => ClosedOn is not null;
}

/// <summary>Projects an organization was awarded (for its public page and the directory).</summary>
public interface IFundedProjects
{
    /// <summary>Awarded projects of the organization, newest round first.</summary>
    Task<IReadOnlyList<FundedProject>> OfOrganizationAsync(int organizationId, CancellationToken cancellationToken);
}

/// <summary>A venture-fund project awarded (立项): the documents module issues the 公益创投立项通知书 from it. Amount in fen.</summary>
public sealed record GrantAwarded(int ApplicationId, int OrganizationId, string OrganizationName, string? ApplicantUserId, string Title, string RoundName, long AwardedFen, DateOnly AwardedOn)
{
    /// <summary>The change-feed topic.</summary>
    public const string Topic = "grants.application-awarded";
}
