namespace Registry.Grants.Domain;

/// <summary>One criterion of an anonymized review: the criterion's name, the points (when the round shows them) and the comment.</summary>
public sealed record AnonymousComment(string Criterion, decimal? Points, string Comment);

/// <summary>A reviewer's sheet as the applicant reads it: numbered (评审专家1, 2 …), never named.</summary>
public sealed record AnonymousReview(int Number, decimal? Total, IReadOnlyList<AnonymousComment> Comments);

/// <summary>What the applicant may read of the review once the application is decided, as the round allows.</summary>
public static class ReviewFeedback
{
    /// <summary>The shortlist decided the application (入围, 未入围, then 已资助 or 撤销).</summary>
    public static bool Decided(GrantState state) => state is GrantState.Shortlisted or GrantState.NotSelected or GrantState.Awarded or GrantState.Withdrawn;

    /// <summary>
    /// The submitted sheets of active seats, numbered in the order the seats were made, with their comments and, when the
    /// round shows scores, the points; nothing before the decision or when the round keeps comments to itself.
    /// </summary>
    public static IReadOnlyList<AnonymousReview> ForApplicant(GrantRound round, GrantState state, IEnumerable<ReviewAssignment> seats)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(seats);
        if (!round.ShowReviewCommentsToApplicant || !Decided(state))
        {
            return [];
        }

        var scores = round.ShowReviewScoresToApplicant;
        var rubric = round.Rubric;
        return [.. seats.Where(s => s.SubmittedAt is not null && !s.Recused).OrderBy(s => s.Id).Select((seat, index) => new AnonymousReview(
            index + 1,
            scores ? seat.Scores.Sum(s => s.Points) : null,
            [.. rubric.Select(c => (Criterion: c, Score: seat.Scores.FirstOrDefault(s => s.CriterionCode == c.Code)))
                .Where(x => x.Score is not null && (scores || x.Score.Comment.Length > 0))
                .Select(x => new AnonymousComment(x.Criterion.Name, scores ? x.Score!.Points : null, x.Score!.Comment))]))];
    }
}
