using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Parties;

/// <summary>
/// A supervising unit's or street office's desk: the applications waiting for its answer, those it answered, and its
/// organizations (status, grade, credit standing), never anyone else's.
/// </summary>
[Permission(OrganizationsPermissions.ViewSupervised)]
public sealed class IndexModel(PartyAccess parties) : PageModel
{
    private const int AnsweredShown = 50;

    public PartyScope Scope { get; private set; } = PartyScope.None;

    public bool CanAnswer { get; private set; }

    public IReadOnlyList<RegistrationApplication> Waiting { get; private set; } = [];

    public IReadOnlyList<RegistrationApplication> Answered { get; private set; } = [];

    public IReadOnlyList<Organization> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Scope = await parties.ScopeAsync(User.UserId(), cancellationToken);
        CanAnswer = User.HasPermission(OrganizationsPermissions.PreReview);
        if (Scope.IsEmpty)
        {
            return;
        }

        var applications = parties.Applications(Scope).AsNoTracking();
        Waiting = await applications.Where(a => a.State == ApplicationState.PreReview).OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        Answered = await applications.Where(a => a.PreReviewedAt != null).OrderByDescending(a => a.PreReviewedAt).Take(AnsweredShown).ToListAsync(cancellationToken);
        Organizations = await parties.Organizations(Scope).OrderBy(o => o.Status).ThenBy(o => o.Name).ToListAsync(cancellationToken);
    }
}
