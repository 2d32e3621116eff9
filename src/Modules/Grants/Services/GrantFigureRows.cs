using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Registry.Grants.Domain;

namespace Registry.Grants.Services;

/// <summary>How far submitted applications got, as the fund's figures count them.</summary>
public enum FigureStage
{
    /// <summary>Every submitted application (drafts never count).</summary>
    All,

    /// <summary>Passed screening (初筛), whatever happened after.</summary>
    PassedScreening,

    /// <summary>On the published shortlist (withdrawn projects were on it); nothing while the round is open.</summary>
    Shortlisted,

    /// <summary>Awarded.</summary>
    Funded,

    /// <summary>The agreement is closed.</summary>
    Closed,

    /// <summary>The final evaluation failed.</summary>
    Failed,
}

/// <summary>The amounts the fund's figures sum, each over the applications it concerns.</summary>
public enum FigureAmount
{
    Requested,
    Shortlisted,
    Awarded,

    /// <summary>Agreed amounts of signed or closed agreements.</summary>
    Committed,

    /// <summary>Paid out on the agreements' tranches.</summary>
    Paid,

    /// <summary>Paid back on refunds.</summary>
    Refunded,
}

/// <summary>A submitted application as the fund's figures see it: its round, category and state, its agreement and money.</summary>
public sealed class GrantFigureRow
{
    public int ApplicationId { get; init; }

    public int RoundId { get; init; }

    public int Year { get; init; }

    /// <summary>The round's shortlist is published (the round is past its open stage).</summary>
    public bool Published { get; init; }

    public string OrganizationName { get; init; } = "";

    public string Title { get; init; } = "";

    public string Category { get; init; } = "";

    public GrantState State { get; init; }

    public int? AgreementId { get; init; }

    public AgreementState? Agreement { get; init; }

    public long RequestedFen { get; init; }

    public long AllocatedFen { get; init; }

    public long AwardedFen { get; init; }

    public long AgreedFen { get; init; }

    public long PaidFen { get; init; }

    public long RefundedFen { get; init; }

    public bool FinalFailed { get; init; }
}

/// <summary>
/// What each of the fund's figures counts and sums: the one definition behind <see cref="GrantFigures"/> (the reports) and
/// the officers' list of the records behind a figure, so that a figure and its list always agree.
/// </summary>
public static class GrantFigureDefinitions
{
    private static readonly GrantState[] Passed = [GrantState.Passed, GrantState.Shortlisted, GrantState.NotSelected, GrantState.Awarded, GrantState.Withdrawn];
    private static readonly GrantState[] Listed = [GrantState.Shortlisted, GrantState.Awarded, GrantState.Withdrawn];

    private static readonly Dictionary<FigureAmount, Func<GrantFigureRow, long>> Compiled = Enum.GetValues<FigureAmount>().ToDictionary(a => a, a => Fen(a).Compile());

    /// <summary>Every submitted application with its round, agreement (one per application) and money, composed in the database.</summary>
    public static IQueryable<GrantFigureRow> Rows(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from a in db.Set<GrantApplication>().AsNoTracking()
               join r in db.Set<GrantRound>().AsNoTracking() on a.RoundId equals r.Id
               join g in db.Set<GrantAgreement>().AsNoTracking() on a.Id equals g.ApplicationId into agreements
               from g in agreements.DefaultIfEmpty()
               where a.State != GrantState.Draft
               select new GrantFigureRow
               {
                   ApplicationId = a.Id,
                   RoundId = a.RoundId,
                   Year = r.Year,
                   Published = r.Stage == RoundStage.Shortlisted || r.Stage == RoundStage.Awarded,
                   OrganizationName = a.OrganizationName,
                   Title = a.Title,
                   Category = a.Category,
                   State = a.State,
                   AgreementId = g == null ? null : g.Id,
                   Agreement = g == null ? null : g.State,
                   RequestedFen = a.RequestedFen,
                   AllocatedFen = a.AllocatedFen ?? 0,
                   AwardedFen = a.AwardedFen ?? 0,
                   AgreedFen = g == null ? 0 : g.AgreedFen,
                   PaidFen = db.Set<GrantPayment>().Where(p => p.AgreementId == g.Id).Sum(p => (long?)p.AmountFen) ?? 0,
                   RefundedFen = db.Set<GrantRepayment>().Where(p => p.AgreementId == g.Id).Sum(p => (long?)p.AmountFen) ?? 0,
                   FinalFailed = db.Set<ProgressReport>().Any(p => p.ApplicationId == a.Id && p.Kind == ReportKind.Final && p.Outcome == EvaluationOutcome.Fail),
               };
    }

    /// <summary>The applications a count figure counts.</summary>
    public static Expression<Func<GrantFigureRow, bool>> In(FigureStage stage) => stage switch
    {
        FigureStage.All => r => true,
        FigureStage.PassedScreening => r => Passed.Contains(r.State),
        FigureStage.Shortlisted => r => r.Published && Listed.Contains(r.State),
        FigureStage.Funded => r => r.State == GrantState.Awarded,
        FigureStage.Closed => r => r.Agreement == AgreementState.Closed,
        FigureStage.Failed => r => r.FinalFailed,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>The applications an amount concerns (those it may add something to).</summary>
    public static Expression<Func<GrantFigureRow, bool>> Counted(FigureAmount amount) => amount switch
    {
        FigureAmount.Requested => In(FigureStage.All),
        FigureAmount.Shortlisted => In(FigureStage.Shortlisted),
        FigureAmount.Awarded => In(FigureStage.Funded),
        FigureAmount.Committed => r => r.Agreement == AgreementState.Signed || r.Agreement == AgreementState.Closed,
        FigureAmount.Paid => r => r.PaidFen != 0,
        FigureAmount.Refunded => r => r.RefundedFen != 0,
        _ => throw new ArgumentOutOfRangeException(nameof(amount)),
    };

    /// <summary>What an application adds to an amount, in fen.</summary>
    public static Expression<Func<GrantFigureRow, long>> Fen(FigureAmount amount) => amount switch
    {
        FigureAmount.Requested => r => r.RequestedFen,
        FigureAmount.Shortlisted => r => r.AllocatedFen,
        FigureAmount.Awarded => r => r.AwardedFen,
        FigureAmount.Committed => r => r.AgreedFen,
        FigureAmount.Paid => r => r.PaidFen,
        FigureAmount.Refunded => r => r.RefundedFen,
        _ => throw new ArgumentOutOfRangeException(nameof(amount)),
    };

    /// <summary><see cref="Fen"/> for rows already loaded.</summary>
    public static long FenOf(GrantFigureRow row, FigureAmount amount) => Compiled[amount](row);
}
