using Registry.Core.Contracts;

namespace Registry.Feedback.Contracts;

/// <summary>
/// Ratings (政务服务"好差评") of one kind of service received in a period: <see cref="Kind"/> is "Registration", "Inspection",
/// "Rating", "Grant" or "Disclosure"; <see cref="ByStars"/> counts per level, 1 (非常不满意) to 5 (非常满意); the rate is 好评
/// (3–5 stars) over all, in per cent with one decimal, null without ratings.
/// </summary>
public sealed record SatisfactionFigure(string Kind, IReadOnlyDictionary<int, int> ByStars, int Total, decimal? RatePercent, int FollowUpsOpen, int FollowUpsOverdue);

/// <summary>The satisfaction figures for the bureau's reports, computed from the ratings when read.</summary>
public interface ISatisfactionFigures
{
    /// <summary>Per kind of service (every kind, zeros included), the ratings given from <paramref name="first"/> to <paramref name="last"/> (China dates, inclusive).</summary>
    Task<IReadOnlyList<SatisfactionFigure>> ByKindAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken);
}

/// <summary>Addresses of the feedback pages.</summary>
public static class FeedbackLinks
{
    /// <summary>Public satisfaction statistics per service and year.</summary>
    public const string Statistics = "/Feedback";

    /// <summary>The signed-in applicant's completed services to rate and their ratings.</summary>
    public const string My = "/Feedback/My";

    public const string AdminRatings = "/Feedback/Admin";

    public static string Service(int serviceId) => "/Feedback/Service/" + LinkPath.Segment(serviceId);

    public static string AdminRating(int ratingId) => "/Feedback/Admin/Rating/" + LinkPath.Segment(ratingId);

    public static string StatisticsOf(int year) => LinkPath.With(Statistics, ("year", year));

    /// <summary>
    /// The ratings a dashboard figure counts: of a kind (null: all), of a level in stars (null: all; "bad" for 差评 via
    /// <paramref name="bad"/>), given from <paramref name="from"/> to <paramref name="to"/>.
    /// </summary>
    public static string AdminRatingsOf(string? kind, int? stars, DateOnly from, DateOnly to, bool bad = false, string? followUp = null, bool overdue = false) =>
        LinkPath.With(AdminRatings, ("kind", kind), ("stars", stars), ("bad", bad ? "true" : null), ("followUp", followUp), ("overdue", overdue ? "true" : null), ("from", from), ("to", to));
}
