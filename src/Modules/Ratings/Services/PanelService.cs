using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Forms;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Organizations.Contracts;
using Registry.Ratings.Domain;
using Registry.Ratings.Contracts;

namespace Registry.Ratings.Services;

/// <summary>An expert who could sit on a panel, or why not.</summary>
public sealed record PanelCandidate(string UserId, string Name, string Email, bool Linked);

/// <summary>
/// The expert panel: experts linked to the organization (its members and staff accounts) are excluded before anyone
/// declares anything; an assigned expert sees the file only after declaring no conflict of interest.
/// </summary>
public sealed class PanelService(DbContext db, IOrganizationRegister register, INotifier notifier, IAuditTrail audit, TimeProvider clock)
{
    public const int MinimumPanel = 3;

    public Task<List<PanelMember>> PanelOfAsync(int applicationId, CancellationToken cancellationToken) =>
        db.Set<PanelMember>().AsNoTracking().Where(p => p.ApplicationId == applicationId).OrderBy(p => p.AssignedAt).ToListAsync(cancellationToken);

    /// <summary>Every enabled account that may score (by role permission), marked when linked to the organization.</summary>
    public async Task<IReadOnlyList<PanelCandidate>> CandidatesAsync(RatingApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var users = await PermissionHolders.EnabledAsync(db, [RatingsPermissions.Score], includeAdministrators: false, cancellationToken);
        var linked = (await register.UsersOfOrganizationAsync(application.OrganizationId, cancellationToken)).ToHashSet();
        return [.. users.Select(u => new PanelCandidate(u.Id, u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id, u.Email ?? "", linked.Contains(u.Id) || u.Id == application.ApplicantUserId))];
    }

    /// <summary>Adds experts to the panel; linked or unknown experts are refused, and the panel must reach three.</summary>
    public async Task<OperationResult> AssignAsync(RatingApplication application, IReadOnlyCollection<string> reviewerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(reviewerIds);
        if (application.State != RatingState.Assessment)
        {
            return OperationResult.Fail("", "Rate.Error.WrongState");
        }

        var candidates = (await CandidatesAsync(application, cancellationToken)).ToDictionary(c => c.UserId);
        var panel = await PanelOfAsync(application.Id, cancellationToken);
        var seated = panel.Where(p => !p.Recused).Select(p => p.ReviewerUserId).ToHashSet();

        // A recused expert keeps their row (one seat per expert and application): choosing them again adds nothing.
        var onPanel = panel.Select(p => p.ReviewerUserId).ToHashSet();
        var errors = new List<FormError>();
        foreach (var id in reviewerIds.Distinct())
        {
            if (!candidates.TryGetValue(id, out var candidate))
            {
                errors.Add(new FormError("Reviewers", "Rate.Error.NotAnExpert"));
            }
            else if (candidate.Linked)
            {
                errors.Add(new FormError("Reviewers", "Rate.Error.LinkedExpert", candidate.Name));
            }
        }

        var added = reviewerIds.Distinct().Where(id => !onPanel.Contains(id)).ToList();
        if (errors.Count == 0 && seated.Count + added.Count < MinimumPanel)
        {
            errors.Add(new FormError("Reviewers", "Rate.Error.PanelTooSmall", MinimumPanel));
        }

        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in added)
        {
            db.Add(new PanelMember { ApplicationId = application.Id, ReviewerUserId = id, ReviewerName = candidates[id].Name, AssignedAt = now });
            await notifier.NotifyUserAsync(id, "Rate.Assigned", RatingApplicationService.Values(application), RatingLinks.Review, cancellationToken);
        }

        audit.Record("ratings.panel-assigned", nameof(RatingApplication), RatingApplicationService.Id(application), string.Join(", ", added.Select(id => candidates[id].Name)));
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>The expert declares no conflict (and may then see the file) or a conflict (and steps down).</summary>
    public async Task<OperationResult> DeclareAsync(PanelMember seat, bool conflict, string? statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seat);
        if (seat.DeclaredAt is not null)
        {
            return OperationResult.Fail("", "Rate.Error.AlreadyDeclared");
        }

        if (conflict ? TextLimits.Refused("Statement", "Rate.Field.ConflictStatement", statement, TextLimits.Note, out var refused)
            : TextLimits.RefusedIfTooLong("Statement", "Rate.Field.ConflictStatement", statement, TextLimits.Note, out refused))
        {
            return refused;
        }

        seat.DeclaredAt = clock.GetUtcNow().UtcDateTime;
        seat.Recused = conflict;
        audit.Record(conflict ? "ratings.expert-recused" : "ratings.no-conflict-declared", nameof(PanelMember), seat.Id.ToString(CultureInfo.InvariantCulture),
            $"{seat.ReviewerName} on application {seat.ApplicationId}{(conflict ? ": " + statement!.Trim() : "")}");
        if (conflict)
        {
            await notifier.NotifyPermissionHoldersAsync(RatingsPermissions.Manage, "Rate.Recused", new Dictionary<string, string> { ["expert"] = seat.ReviewerName },
                RatingLinks.AdminApplication(seat.ApplicationId), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>Records the day of the panel's field assessment (实地评估); only while the application is in assessment.</summary>
    public async Task<OperationResult> SetFieldAssessmentAsync(RatingApplication application, DateOnly? on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.State != RatingState.Assessment)
        {
            return OperationResult.Fail("", "Rate.Error.FieldAssessmentState", $"Rate.Admin.State.{application.State}");
        }

        if (on is null)
        {
            return OperationResult.Fail("FieldAssessmentOn", "Validation.Required", "Rate.Field.FieldAssessmentOn");
        }

        application.FieldAssessmentOn = on;
        audit.Record("ratings.field-assessment", nameof(RatingApplication), RatingApplicationService.Id(application), $"{on:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }
}
