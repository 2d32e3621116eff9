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

/// <summary>The fund's figures, counted in the database (<see cref="IGrantFigures"/>) as <see cref="GrantFigureDefinitions"/> defines them.</summary>
internal sealed class GrantFigures(DbContext db) : IGrantFigures
{
    public async Task<IReadOnlyList<GrantRoundFigures>> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        var rounds = await db.Set<GrantRound>().AsNoTracking().Where(r => r.Year == year).OrderBy(r => r.OpensAt).ToListAsync(cancellationToken);
        return rounds.Count == 0 ? [] : await FiguresAsync(rounds, GrantFigureDefinitions.Rows(db).Where(r => r.Year == year), cancellationToken);
    }

    public async Task<GrantRoundFigures?> ForRoundAsync(int roundId, CancellationToken cancellationToken) =>
        await db.Set<GrantRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken) is { } round
            ? (await FiguresAsync([round], GrantFigureDefinitions.Rows(db).Where(r => r.RoundId == roundId), cancellationToken)).Single()
            : null;

    private static async Task<IReadOnlyList<GrantRoundFigures>> FiguresAsync(IReadOnlyList<GrantRound> rounds, IQueryable<GrantFigureRow> rows, CancellationToken cancellationToken)
    {
        // One grouped query per figure: a row per round and category comes back whatever the number of applications.
        var counts = new Dictionary<FigureStage, Dictionary<(int, string), long>>();
        foreach (var stage in Enum.GetValues<FigureStage>())
        {
            counts[stage] = (await rows.Where(GrantFigureDefinitions.In(stage)).GroupBy(r => new { r.RoundId, r.Category })
                .Select(g => new { g.Key.RoundId, g.Key.Category, Count = g.Count() }).ToListAsync(cancellationToken)).ToDictionary(x => (x.RoundId, x.Category), x => (long)x.Count);
        }

        var amounts = new Dictionary<FigureAmount, Dictionary<(int, string), long>>();
        foreach (var amount in Enum.GetValues<FigureAmount>())
        {
            amounts[amount] = (await rows.Where(GrantFigureDefinitions.Counted(amount)).GroupBy(r => new { r.RoundId, r.Category }, GrantFigureDefinitions.Fen(amount))
                .Select(g => new { g.Key.RoundId, g.Key.Category, Fen = g.Sum() }).ToListAsync(cancellationToken)).ToDictionary(x => (x.RoundId, x.Category), x => x.Fen);
        }

        return [.. rounds.Select(round =>
        {
            int Count(FigureStage stage, string category) => (int)counts[stage].GetValueOrDefault((round.Id, category));
            long Sum(FigureAmount amount, string category) => amounts[amount].GetValueOrDefault((round.Id, category));
            var byCategory = counts[FigureStage.All].Keys.Where(k => k.Item1 == round.Id).Select(k => k.Item2).Order(StringComparer.Ordinal).Select(c => new GrantCategoryFigures(
                c, Count(FigureStage.All, c), Count(FigureStage.PassedScreening, c), Count(FigureStage.Shortlisted, c), Count(FigureStage.Funded, c),
                Sum(FigureAmount.Requested, c), Sum(FigureAmount.Shortlisted, c), Sum(FigureAmount.Awarded, c))
            {
                CommittedFen = Sum(FigureAmount.Committed, c), PaidFen = Sum(FigureAmount.Paid, c), RefundedFen = Sum(FigureAmount.Refunded, c),
                Closed = Count(FigureStage.Closed, c), Failed = Count(FigureStage.Failed, c),
            }).ToList();
            return new GrantRoundFigures(round.Id, round.Programme, round.Name, round.Year,
                byCategory.Sum(c => c.Applications), byCategory.Sum(c => c.PassedScreening), byCategory.Sum(c => c.Shortlisted), byCategory.Sum(c => c.Funded),
                byCategory.Sum(c => c.RequestedFen), byCategory.Sum(c => c.ShortlistedFen), byCategory.Sum(c => c.AwardedFen), byCategory)
            {
                CommittedFen = byCategory.Sum(c => c.CommittedFen), PaidFen = byCategory.Sum(c => c.PaidFen), RefundedFen = byCategory.Sum(c => c.RefundedFen),
                Closed = byCategory.Sum(c => c.Closed), Failed = byCategory.Sum(c => c.Failed),
            };
        })];
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
