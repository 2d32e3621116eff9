using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Registry.Ratings.Domain;

/// <summary>Why an inspection result calls a grade into question.</summary>
public enum ProposalCause
{
    /// <summary>年度检查不合格.</summary>
    Unqualified,

    /// <summary>连续2年年度检查基本合格.</summary>
    BasicallyQualifiedTwice,
}

/// <summary>What is proposed: under the 2010 measures a downgrade or cancellation; under the 2026 revision a check evaluation.</summary>
public enum ProposalKind
{
    /// <summary>降低或取消评估等级 (民政部令第39号).</summary>
    Downgrade,

    /// <summary>核查评估 (2026 revision: something that may affect the grade happened during its validity).</summary>
    CheckEvaluation,
}

public enum ProposalState
{
    Open,

    Accepted,

    Dismissed,
}

/// <summary>
/// A proposal to the officers raised by an inspection result of a grade holder (from the inspections module's event, never a
/// direct call). One per organization and inspection year, so a replayed or repeated event changes nothing.
/// </summary>
public sealed class GradeProposal
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    public int InspectionYear { get; set; }

    public ProposalCause Cause { get; set; }

    public ProposalKind Kind { get; set; }

    /// <summary>The grade in question (valid when the result arrived).</summary>
    public int GradeId { get; set; }

    public int CurrentGrade { get; set; }

    /// <summary>The grade proposed (0: cancel); for a check evaluation the current grade.</summary>
    public int ProposedGrade { get; set; }

    public ProposalState State { get; set; }

    /// <summary>The change-feed message that raised it.</summary>
    public long SourceMessageId { get; set; }

    public DateTime ProposedAt { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? Note { get; set; }
}

/// <summary>The rule behind automatic proposals.</summary>
public static class ProposalRules
{
    /// <summary>
    /// The proposal an inspection result calls for, or null. 不合格 proposes cancelling the grade; 基本合格 for the second
    /// year running proposes lowering it by one (to none from 1A). Under the 2010 measures (民政部令第39号, which bars such
    /// organizations from rating, 第七条(二)) it is a downgrade for the officers to decide; under the 2026 revision, which
    /// drops that bar, the same facts call for a check evaluation (核查评估) instead.
    /// </summary>
    public static (ProposalKind Kind, ProposalCause Cause, int ProposedGrade)? For(RuleSet rules, string result, string? previousYearResult, int currentGrade)
    {
        ProposalCause? cause = result switch
        {
            "Unqualified" => ProposalCause.Unqualified,
            "BasicallyQualified" when previousYearResult == "BasicallyQualified" => ProposalCause.BasicallyQualifiedTwice,
            _ => null,
        };
        if (cause is not { } c || currentGrade < 1)
        {
            return null;
        }

        return rules == RuleSet.Revision2026
            ? (ProposalKind.CheckEvaluation, c, currentGrade)
            : (ProposalKind.Downgrade, c, c == ProposalCause.Unqualified ? 0 : currentGrade - 1);
    }

    /// <summary>The rule set a grade falls under: its campaign's, or for a grade without one (history) the date it was awarded.</summary>
    public static RuleSet RulesOf(RuleSet? campaignRules, DateOnly awardedOn) =>
        campaignRules ?? (awardedOn < Revision2026InForce ? RuleSet.Measures2010 : RuleSet.Revision2026);

    /// <summary>The 2026 revision is in force from 1 March 2026.</summary>
    public static readonly DateOnly Revision2026InForce = new(2026, 3, 1);
}

/// <summary>Kinds of evaluation of a grade during its validity (2026 revision).</summary>
public enum EvaluationKind
{
    /// <summary>跟踪评估: of 4A+ organizations drawn by share.</summary>
    FollowUp,

    /// <summary>核查评估: when something that may affect the grade happens.</summary>
    Check,
}

public enum EvaluationOutcome
{
    Open,

    /// <summary>The grade stands.</summary>
    Kept,

    /// <summary>Lowered or cancelled through the grade's downgrade path.</summary>
    Adjusted,
}

/// <summary>A follow-up or check evaluation of a held grade; concluding it may adjust the grade (through <c>GradeService.ChangeAsync</c>).</summary>
public sealed class GradeEvaluation
{
    public int Id { get; set; }

    public EvaluationKind Kind { get; set; }

    public int OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    public int GradeId { get; set; }

    public int Grade { get; set; }

    /// <summary>The draw that selected it (follow-up evaluations).</summary>
    public int? DrawId { get; set; }

    /// <summary>What happened that may affect the grade (check evaluations), or the draw's reference.</summary>
    public string Reason { get; set; } = "";

    public DateOnly OpenedOn { get; set; }

    public string OpenedBy { get; set; } = "";

    public EvaluationOutcome Outcome { get; set; }

    /// <summary>The grade after the evaluation (0: cancelled).</summary>
    public int? ResultGrade { get; set; }

    public string? Conclusion { get; set; }

    public DateOnly? ConcludedOn { get; set; }

    public string? ConcludedBy { get; set; }
}

/// <summary>
/// A recorded draw of 4A+ organizations for follow-up evaluation (跟踪评估, 2026 revision): the pool, the share, the
/// published seed and the result, so anyone can recompute it with <see cref="FollowUpDrawRules.Select"/>.
/// </summary>
public sealed class FollowUpDraw
{
    public int Id { get; set; }

    public int Year { get; set; }

    public DateOnly DrawnOn { get; set; }

    public string DrawnBy { get; set; } = "";

    /// <summary>The seed, published with the result (e.g. announced before the draw).</summary>
    public string Seed { get; set; } = "";

    /// <summary>Share drawn, in basis points (1000 = 10%).</summary>
    public int ShareBasisPoints { get; set; }

    /// <summary>Minimum grade of the pool (4: 4A and above).</summary>
    public int MinimumGrade { get; set; }

    /// <summary>Organization ids of the pool, comma-separated in ascending order.</summary>
    public string Pool { get; set; } = "";

    /// <summary>Organization ids drawn, comma-separated in ascending order.</summary>
    public string Selected { get; set; } = "";

    public IReadOnlyList<int> PoolIds => Parse(Pool);

    public IReadOnlyList<int> SelectedIds => Parse(Selected);

    /// <summary>Recomputes the draw from its recorded pool, seed and share: true when it gives the recorded result.</summary>
    public bool Verifies() => FollowUpDrawRules.Select(PoolIds, Seed, ShareBasisPoints).SequenceEqual(SelectedIds);

    internal static string Join(IEnumerable<int> ids) => string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private static int[] Parse(string ids) =>
        [.. ids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(i => int.Parse(i, CultureInfo.InvariantCulture))];
}

/// <summary>The follow-up draw's algorithm, documented so anyone can recompute it.</summary>
public static class FollowUpDrawRules
{
    public const int MinimumGrade = 4;

    /// <summary>
    /// How many of <paramref name="poolSize"/> a share of <paramref name="shareBasisPoints"/> draws: rounded up (a share
    /// never draws nobody from a non-empty pool), at most the pool.
    /// </summary>
    public static int CountFor(int poolSize, int shareBasisPoints) =>
        poolSize <= 0 || shareBasisPoints <= 0 ? 0 : (int)Math.Min(poolSize, ((long)poolSize * shareBasisPoints + 9999) / 10000);

    /// <summary>
    /// The draw: for every organization id of the pool, the SHA-256 of the UTF-8 text "<c>seed:id</c>" (id in decimal);
    /// the ids with the smallest hashes (compared as hexadecimal text, ties by id) are drawn, <see cref="CountFor"/> of
    /// them; the result is listed in ascending id order. The same pool, seed and share always give the same result,
    /// whatever order the pool is given in.
    /// </summary>
    public static IReadOnlyList<int> Select(IEnumerable<int> pool, string seed, int shareBasisPoints)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(seed);
        var ids = pool.Distinct().ToList();
        return [.. ids.Select(id => (Id: id, Key: Key(seed, id)))
            .OrderBy(x => x.Key, StringComparer.Ordinal).ThenBy(x => x.Id)
            .Take(CountFor(ids.Count, shareBasisPoints))
            .Select(x => x.Id).Order()];
    }

    /// <summary>The ordering key of one organization in a draw (shown on the draw's page so it can be checked by hand).</summary>
    public static string Key(string seed, int organizationId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}:{organizationId}"))));
}
