using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;
using Registry.Grants.Contracts;
using Registry.Grants.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Grants.Services;

/// <summary>Who may see what: applicants their organizations' applications; reviewers only applications they sit on.</summary>
public sealed class GrantAccess(IOrganizationRegister register, ReviewService reviews)
{
    public async Task<IReadOnlyList<int>> OrganizationsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.UserId() is { } userId ? await register.OrganizationsOfUserAsync(userId, cancellationToken) : [];

    public async Task<bool> ActsForAsync(ClaimsPrincipal user, int organizationId, CancellationToken cancellationToken) =>
        (await OrganizationsOfAsync(user, cancellationToken)).Contains(organizationId);

    /// <summary>The reviewer's seat on the application, or null when not assigned.</summary>
    public Task<ReviewAssignment?> SeatAsync(ClaimsPrincipal user, int applicationId, CancellationToken cancellationToken) =>
        user.UserId() is { } userId ? reviews.SeatAsync(applicationId, userId, cancellationToken) : Task.FromResult<ReviewAssignment?>(null);
}

/// <summary>The fund's figures, counted in the database (<see cref="IGrantFigures"/>).</summary>
internal sealed class GrantFigures(DbContext db) : IGrantFigures
{
    private static readonly GrantState[] Passed = [GrantState.Passed, GrantState.Shortlisted, GrantState.NotSelected, GrantState.Awarded, GrantState.Withdrawn];
    private static readonly GrantState[] Listed = [GrantState.Shortlisted, GrantState.Awarded, GrantState.Withdrawn];

    public async Task<IReadOnlyList<GrantRoundFigures>> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        var rounds = await db.Set<GrantRound>().AsNoTracking().Where(r => r.Year == year).OrderBy(r => r.OpensAt).ToListAsync(cancellationToken);
        var figures = new List<GrantRoundFigures>(rounds.Count);
        foreach (var round in rounds)
        {
            figures.Add(await FiguresAsync(round, cancellationToken));
        }

        return figures;
    }

    public async Task<GrantRoundFigures?> ForRoundAsync(int roundId, CancellationToken cancellationToken) =>
        await db.Set<GrantRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken) is { } round ? await FiguresAsync(round, cancellationToken) : null;

    private async Task<GrantRoundFigures> FiguresAsync(GrantRound round, CancellationToken cancellationToken)
    {
        // Grouped by category and state in the database; a handful of rows come back whatever the number of applications.
        var rows = await db.Set<GrantApplication>().AsNoTracking().Where(a => a.RoundId == round.Id && a.State != GrantState.Draft)
            .GroupBy(a => new { a.Category, a.State })
            .Select(g => new { g.Key.Category, g.Key.State, Count = g.Count(), Requested = g.Sum(a => a.RequestedFen), Allocated = g.Sum(a => a.AllocatedFen ?? 0), Awarded = g.Sum(a => a.AwardedFen ?? 0) })
            .ToListAsync(cancellationToken);

        var money = await MoneyByCategoryAsync(round.Id, cancellationToken);

        // The shortlist counts once published (withdrawn projects were on it).
        var published = round.Stage != RoundStage.Open;
        var byCategory = rows.GroupBy(r => r.Category).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var m = money.GetValueOrDefault(g.Key) ?? CategoryMoney.None;
            return new GrantCategoryFigures(
                g.Key,
                g.Sum(r => r.Count),
                g.Where(r => Passed.Contains(r.State)).Sum(r => r.Count),
                published ? g.Where(r => Listed.Contains(r.State)).Sum(r => r.Count) : 0,
                g.Where(r => r.State == GrantState.Awarded).Sum(r => r.Count),
                g.Sum(r => r.Requested),
                published ? g.Where(r => Listed.Contains(r.State)).Sum(r => r.Allocated) : 0,
                g.Where(r => r.State == GrantState.Awarded).Sum(r => r.Awarded))
            {
                CommittedFen = m.Committed, PaidFen = m.Paid, RefundedFen = m.Refunded, Closed = m.Closed, Failed = m.Failed,
            };
        }).ToList();
        return new GrantRoundFigures(round.Id, round.Programme, round.Name, round.Year,
            byCategory.Sum(c => c.Applications), byCategory.Sum(c => c.PassedScreening), byCategory.Sum(c => c.Shortlisted), byCategory.Sum(c => c.Funded),
            byCategory.Sum(c => c.RequestedFen), byCategory.Sum(c => c.ShortlistedFen), byCategory.Sum(c => c.AwardedFen), byCategory)
        {
            CommittedFen = byCategory.Sum(c => c.CommittedFen), PaidFen = byCategory.Sum(c => c.PaidFen), RefundedFen = byCategory.Sum(c => c.RefundedFen),
            Closed = byCategory.Sum(c => c.Closed), Failed = byCategory.Sum(c => c.Failed),
        };
    }

    /// <summary>The round's agreements' money and outcomes by category, each a grouped query (a row per category comes back).</summary>
    private async Task<Dictionary<string, CategoryMoney>> MoneyByCategoryAsync(int roundId, CancellationToken cancellationToken)
    {
        var agreements = db.Set<GrantAgreement>().AsNoTracking().Where(a => a.RoundId == roundId);
        var states = await agreements.GroupBy(a => new { a.Category, a.State })
            .Select(g => new { g.Key.Category, g.Key.State, Count = g.Count(), Agreed = g.Sum(a => a.AgreedFen) }).ToListAsync(cancellationToken);
        var paid = await (from p in db.Set<GrantPayment>().AsNoTracking() join a in agreements on p.AgreementId equals a.Id group p by a.Category into g select new { Category = g.Key, Fen = g.Sum(p => p.AmountFen) })
            .ToDictionaryAsync(x => x.Category, x => x.Fen, cancellationToken);
        var refunded = await (from p in db.Set<GrantRepayment>().AsNoTracking() join a in agreements on p.AgreementId equals a.Id group p by a.Category into g select new { Category = g.Key, Fen = g.Sum(p => p.AmountFen) })
            .ToDictionaryAsync(x => x.Category, x => x.Fen, cancellationToken);
        var failed = await (from r in db.Set<ProgressReport>().AsNoTracking()
                            join a in agreements on r.AgreementId equals a.Id
                            where r.Kind == ReportKind.Final && r.Outcome == EvaluationOutcome.Fail
                            group r by a.Category into g
                            select new { Category = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Category, x => x.Count, cancellationToken);
        return states.Select(s => s.Category).Distinct().ToDictionary(c => c, c => new CategoryMoney(
            states.Where(s => s.Category == c && s.State is AgreementState.Signed or AgreementState.Closed).Sum(s => s.Agreed),
            paid.GetValueOrDefault(c),
            refunded.GetValueOrDefault(c),
            states.Where(s => s.Category == c && s.State == AgreementState.Closed).Sum(s => s.Count),
            failed.GetValueOrDefault(c)));
    }

    private sealed record CategoryMoney(long Committed, long Paid, long Refunded, int Closed, int Failed)
    {
        public static readonly CategoryMoney None = new(0, 0, 0, 0, 0);
    }
}

/// <summary>Awarded projects of an organization (<see cref="IFundedProjects"/>).</summary>
internal sealed class FundedProjects(DbContext db) : IFundedProjects
{
    public async Task<IReadOnlyList<FundedProject>> OfOrganizationAsync(int organizationId, CancellationToken cancellationToken) =>
        await (from a in db.Set<GrantApplication>().AsNoTracking()
               join r in db.Set<GrantRound>().AsNoTracking() on a.RoundId equals r.Id
               join g in db.Set<GrantAgreement>().AsNoTracking() on a.Id equals g.ApplicationId into agreements
               from g in agreements.DefaultIfEmpty()
               where a.OrganizationId == organizationId && a.State == GrantState.Awarded
               orderby r.Year descending, a.Title
               select new FundedProject(a.Id, a.Title, r.Programme, r.Name, r.Year, a.Category, a.AwardedFen ?? 0, g == null ? a.StartOn : g.StartOn, g == null ? a.EndOn : g.EndOn)
               {
                   ClosedOn = g == null ? null : g.ClosedOn,
                   Result = g == null || g.Result == null ? null : g.Result.ToString(),
               }).ToListAsync(cancellationToken);
}

/// <summary>The funded projects on the organization's public page.</summary>
internal sealed class GrantsPageSection(IFundedProjects projects) : IOrganizationPageSection
{
    public int Order => 30;

    public string PartialPath => "/Areas/Grants/Pages/Shared/_OrganizationProjects.cshtml";

    public async Task<object?> LoadAsync(int organizationId, CancellationToken cancellationToken) =>
        await projects.OfOrganizationAsync(organizationId, cancellationToken) is { Count: > 0 } list ? list : null;
}
