using Registry.Ratings.Domain;

namespace Registry.Ratings.Services;

/// <summary>
/// Which records the rating figures count (<see cref="Contracts.IOrganizationGrades"/>): shared by the figures and the
/// officers' lists that show the records behind them, so that a figure and its list cannot drift apart.
/// </summary>
internal static class RatingRecords
{
    /// <summary>Grades held on <paramref name="day"/>: started, not run out, not ended early by a downgrade or revocation.</summary>
    public static IQueryable<OrganizationGrade> HeldOn(this IQueryable<OrganizationGrade> grades, DateOnly day) =>
        grades.Where(g => g.EndedOn == null && g.ValidFrom <= day && g.ValidUntil >= day);

    /// <summary>Grades a campaign's announcement awarded from <paramref name="first"/> to <paramref name="last"/> (inclusive; null: open).</summary>
    public static IQueryable<OrganizationGrade> AwardedBetween(this IQueryable<OrganizationGrade> grades, DateOnly? first, DateOnly? last)
    {
        grades = grades.Where(g => g.CampaignId != null && g.ApplicationId != null);
        if (first is { } from)
        {
            grades = grades.Where(g => g.AwardedOn >= from);
        }

        return last is { } to ? grades.Where(g => g.AwardedOn <= to) : grades;
    }

    /// <summary>
    /// Applications filed (not drafts) in the campaigns among <paramref name="campaigns"/> whose window opened from
    /// <paramref name="first"/> to <paramref name="last"/> (inclusive; null: open).
    /// </summary>
    public static IQueryable<RatingApplication> AppliedBetween(this IQueryable<RatingApplication> applications, IQueryable<RatingCampaign> campaigns, DateOnly? first, DateOnly? last)
    {
        if (first is { } from)
        {
            campaigns = campaigns.Where(c => c.WindowOpens >= from);
        }

        if (last is { } to)
        {
            campaigns = campaigns.Where(c => c.WindowOpens <= to);
        }

        return applications.Where(a => a.State != RatingState.Draft && campaigns.Any(c => c.Id == a.CampaignId));
    }
}
