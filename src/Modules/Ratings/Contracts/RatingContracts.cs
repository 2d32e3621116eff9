namespace Registry.Ratings.Contracts;

/// <summary>A grade an organization holds or held (public facts).</summary>
public sealed record GradeRecord(int Grade, DateOnly AwardedOn, DateOnly ValidFrom, DateOnly ValidUntil, DateOnly? EndedOn, string? EndReason, int? CampaignYear);

/// <summary>An organization with a current grade (for the 3A+ recommended list and the 4A+ simplified inspection).</summary>
public sealed record GradedOrganization(int OrganizationId, string OrganizationName, int Grade, DateOnly ValidUntil);

/// <summary>Grades as other modules (grants eligibility, directory, reports) see them.</summary>
public interface IOrganizationGrades
{
    /// <summary>The grade valid on <paramref name="day"/>, or null.</summary>
    Task<GradeRecord?> CurrentAsync(int organizationId, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Every grade the organization held, newest first.</summary>
    Task<IReadOnlyList<GradeRecord>> HistoryAsync(int organizationId, CancellationToken cancellationToken);

    /// <summary>Organizations holding at least <paramref name="minimumGrade"/> on <paramref name="day"/> (e.g. 3 for 推荐性目录).</summary>
    Task<IReadOnlyList<GradedOrganization>> AtLeastAsync(int minimumGrade, DateOnly day, CancellationToken cancellationToken);

    /// <summary>How many organizations hold each grade (1–5) on <paramref name="day"/>.</summary>
    Task<IReadOnlyDictionary<int, int>> DistributionAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>Grades awarded by announcements from <paramref name="first"/> to <paramref name="last"/> (inclusive), by grade, and how many applied in campaigns opened then.</summary>
    Task<(int Applied, IReadOnlyDictionary<int, int> Awarded)> AwardedAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken);
}

/// <summary>
/// A grade awarded on announcement (评估等级): the documents module issues the 评估等级证书 from it. JSON: default names.
/// </summary>
public sealed record GradeAwarded(int ApplicationId, int OrganizationId, string OrganizationName, int Grade, DateOnly AwardedOn, DateOnly ValidFrom, DateOnly ValidUntil)
{
    /// <summary>The change-feed topic.</summary>
    public const string Topic = "ratings.grade-awarded";
}
