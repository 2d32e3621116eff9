namespace Registry.Grants.Domain;

/// <summary>One reviewer's submitted total for one application.</summary>
public sealed record ReviewerTotal(int ApplicationId, string ReviewerUserId, decimal Total);

/// <summary>
/// An application's scores side by side: the raw mean, the trimmed mean (highest and lowest dropped with five reviewers
/// or more, else equal to the raw mean), and the mean z-score (each total normalized by its reviewer's own mean and
/// population standard deviation over the round; a reviewer whose totals do not vary contributes 0).
/// </summary>
public sealed record ApplicationScores(int ApplicationId, int Reviewers, decimal RawMean, decimal TrimmedMean, decimal ZMean, decimal Spread, bool SpreadFlagged)
{
    public decimal By(RankingMethod method) => method switch
    {
        RankingMethod.TrimmedMean => TrimmedMean,
        RankingMethod.ZScore => ZMean,
        _ => RawMean,
    };
}

/// <summary>A reviewer's own average and strictness (their average minus the average of all submitted totals).</summary>
public sealed record ReviewerProfile(string ReviewerUserId, int Scored, decimal Mean, decimal StandardDeviation, decimal Strictness);

public static class ScoreAggregation
{
    /// <summary>With this many reviewers or more the trimmed mean drops the highest and the lowest total.</summary>
    public const int TrimFrom = 5;

    /// <summary>Results are rounded (half away from zero) to this many decimals, only at the end.</summary>
    public const int Decimals = 3;

    public static IReadOnlyList<ApplicationScores> Aggregate(IReadOnlyCollection<ReviewerTotal> totals, decimal spreadThreshold)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var profiles = Profiles(totals).ToDictionary(p => p.ReviewerUserId);
        return [.. totals.GroupBy(t => t.ApplicationId).OrderBy(g => g.Key).Select(g =>
        {
            var values = g.Select(t => t.Total).OrderBy(v => v).ToList();
            var raw = values.Average();
            var trimmed = values.Count >= TrimFrom ? values.Skip(1).Take(values.Count - 2).Average() : raw;
            var z = g.Average(t => profiles[t.ReviewerUserId] is { StandardDeviation: > 0 } p ? (t.Total - p.Mean) / p.StandardDeviation : 0m);
            var spread = values[^1] - values[0];
            return new ApplicationScores(g.Key, values.Count, Round(raw), Round(trimmed), Round(z), spread, spread > spreadThreshold);
        })];
    }

    public static IReadOnlyList<ReviewerProfile> Profiles(IReadOnlyCollection<ReviewerTotal> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        if (totals.Count == 0)
        {
            return [];
        }

        var overall = totals.Average(t => t.Total);
        return [.. totals.GroupBy(t => t.ReviewerUserId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var mean = g.Average(t => t.Total);
            var variance = g.Average(t => (t.Total - mean) * (t.Total - mean));
            return new ReviewerProfile(g.Key, g.Count(), mean, Sqrt(variance), Round(mean - overall));
        })];
    }

    private static decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>Square root in decimal (Newton's method), so z-scores do not go through binary floating point.</summary>
    internal static decimal Sqrt(decimal value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0)
        {
            return 0;
        }

        var x = (decimal)Math.Sqrt((double)value);
        for (var i = 0; i < 4; i++)
        {
            x = (x + (value / x)) / 2;
        }

        return x;
    }
}
