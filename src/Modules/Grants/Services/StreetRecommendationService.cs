using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Grants.Contracts;
using Registry.Grants.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Grants.Services;

/// <summary>Which of a street's applications the list shows, by the street office's opinion.</summary>
public enum StreetOpinionFilter
{
    All,
    Pending,
    Recommended,
    NotRecommended,
}

/// <summary>An application from the street, with the street office's opinion when given.</summary>
public sealed record StreetApplicationRow(int Id, int RoundId, string RoundName, string OrganizationName, string Title, string Category, GrantState State, DateTime? SubmittedAt, bool? Recommended);

/// <summary>
/// Street offices' recommendation opinions (推荐意见): a street office sees only the submitted applications of organizations
/// in its street (the register's street, through <see cref="IStreetOffices"/>) and gives 推荐 / 不推荐 with its opinion;
/// officers and reviewers read it beside the application.
/// </summary>
public sealed class StreetRecommendationService(DbContext db, IStreetOffices streets, INotifier notifier, IAuditTrail audit, ICurrentActor actor, TimeProvider clock)
{
    /// <summary>The street the signed-in account acts for as a street office, or null.</summary>
    public async Task<string?> StreetOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.UserId() is { } userId ? await streets.StreetOfAsync(userId, cancellationToken) : null;

    /// <summary>The street's submitted applications (never drafts).</summary>
    public IQueryable<GrantApplication> OfStreet(string street) =>
        db.Set<GrantApplication>().AsNoTracking().Where(a => a.Street == street && a.State != GrantState.Draft);

    /// <summary>A submitted application from the street, or null (another street's, a draft, or none: the same answer).</summary>
    public Task<GrantApplication?> FindInStreetAsync(int applicationId, string street, CancellationToken cancellationToken) =>
        db.Set<GrantApplication>().Include(a => a.BudgetLines.OrderBy(l => l.Position))
            .SingleOrDefaultAsync(a => a.Id == applicationId && a.Street == street && a.State != GrantState.Draft, cancellationToken);

    public Task<GrantRound> RoundOfAsync(GrantApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return db.Set<GrantRound>().AsNoTracking().SingleAsync(r => r.Id == application.RoundId, cancellationToken);
    }

    public Task<StreetRecommendation?> OfApplicationAsync(int applicationId, CancellationToken cancellationToken) =>
        db.Set<StreetRecommendation>().SingleOrDefaultAsync(r => r.ApplicationId == applicationId, cancellationToken);

    /// <summary>The street's applications, newest submission first, filtered by round and opinion, one page at a time (the page brought into range).</summary>
    public async Task<(IReadOnlyList<StreetApplicationRow> Rows, int Total, int Page)> ListAsync(string street, int? roundId, StreetOpinionFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var applications = OfStreet(street);
        if (roundId is { } id)
        {
            applications = applications.Where(a => a.RoundId == id);
        }

        var opinions = db.Set<StreetRecommendation>().AsNoTracking();
        applications = filter switch
        {
            StreetOpinionFilter.Pending => applications.Where(a => !opinions.Any(r => r.ApplicationId == a.Id)),
            StreetOpinionFilter.Recommended => applications.Where(a => opinions.Any(r => r.ApplicationId == a.Id && r.Recommended)),
            StreetOpinionFilter.NotRecommended => applications.Where(a => opinions.Any(r => r.ApplicationId == a.Id && !r.Recommended)),
            _ => applications,
        };
        var total = await applications.CountAsync(cancellationToken);
        page = Registry.Core.Modularity.PageInfo.Clamp(page, pageSize, total);
        var rows = await (from a in applications
                          join round in db.Set<GrantRound>() on a.RoundId equals round.Id
                          from r in opinions.Where(r => r.ApplicationId == a.Id).DefaultIfEmpty()
                          orderby a.SubmittedAt descending, a.Id descending
                          select new StreetApplicationRow(a.Id, a.RoundId, round.Name, a.OrganizationName, a.Title, a.Category, a.State, a.SubmittedAt, r == null ? null : r.Recommended))
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (rows, total, page);
    }

    /// <summary>The rounds the street's applications were filed in (for the list's filter).</summary>
    public Task<List<GrantRound>> RoundsOfStreetAsync(string street, CancellationToken cancellationToken)
    {
        var ids = OfStreet(street).Select(a => a.RoundId).Distinct();
        return db.Set<GrantRound>().AsNoTracking().Where(r => ids.Contains(r.Id)).OrderByDescending(r => r.Year).ThenByDescending(r => r.OpensAt).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The street office gives (or revises, with the row version it saw) its opinion on an application from its street;
    /// audited, and the fund's officers are told.
    /// </summary>
    public async Task<OperationResult> GiveAsync(GrantApplication application, string street, bool? recommended, string? opinion, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.Street != street || actor.UserId is not { } userId)
        {
            return OperationResult.Fail("", "Grant.Error.WrongState");
        }

        var round = await db.Set<GrantRound>().AsNoTracking().SingleAsync(r => r.Id == application.RoundId, cancellationToken);
        if (!StreetRecommendationRules.IsOpen(application.State, round.Stage))
        {
            return OperationResult.Fail("", "Grant.Street.Error.Closed");
        }

        var errors = StreetRecommendationRules.Errors(recommended, opinion);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var existing = await OfApplicationAsync(application.Id, cancellationToken);
        var recommendation = existing ?? new StreetRecommendation { ApplicationId = application.Id };
        if (existing is null)
        {
            db.Add(recommendation);
        }
        else
        {
            db.ExpectVersion(existing, seenVersion);
        }

        recommendation.Street = street;
        recommendation.Recommended = recommended!.Value;
        recommendation.Opinion = opinion!.Trim();
        recommendation.UserId = userId;
        recommendation.UserName = actor.Name;
        recommendation.GivenAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(recommendation.Recommended ? "grants.street-recommended" : "grants.street-not-recommended", nameof(GrantApplication),
            application.Id.ToString(CultureInfo.InvariantCulture), $"{street}: {recommendation.Opinion}");
        await notifier.NotifyPermissionHoldersAsync(GrantsPermissions.Manage, "Grant.StreetOpinion",
            new Dictionary<string, string> { ["street"] = street, ["title"] = application.Title, ["opinionText"] = recommendation.Recommended ? "Grant.Street.Recommend" : "Grant.Street.NotRecommend" },
            GrantLinks.AdminApplication(application.Id), cancellationToken);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Tells the street's office (in-app and by mail) that an application from its street came in; saved with the caller's SaveChanges.</summary>
    public async Task NotifyArrivedAsync(GrantApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.Street.Length == 0)
        {
            return;
        }

        foreach (var account in await streets.AccountsOfAsync(application.Street, cancellationToken))
        {
            await notifier.NotifyUserAsync(account, "Grant.StreetArrived",
                new Dictionary<string, string> { ["organization"] = application.OrganizationName, ["title"] = application.Title, ["receipt"] = application.ReceiptNumber },
                GrantLinks.StreetApplication(application.Id), cancellationToken);
        }
    }
}
