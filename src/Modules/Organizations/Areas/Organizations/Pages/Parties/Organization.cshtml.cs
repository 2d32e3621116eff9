using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Parties;

/// <summary>
/// One organization as its supervising unit or street office sees it: particulars, status, grade and credit standing, the
/// other modules' sections (inspection results, grades, credit lists, funded projects, read through their contracts) and
/// its registration applications; an organization outside the account's unit or street is not found.
/// </summary>
[Permission(OrganizationsPermissions.ViewSupervised)]
public sealed class OrganizationModel(PartyAccess parties, IEnumerable<Contracts.IOrganizationPageSection> sections) : PageModel
{
    public Organization Organization { get; private set; } = null!;

    public IReadOnlyList<RegistrationApplication> Applications { get; private set; } = [];

    public IReadOnlyList<(string PartialPath, object Model)> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await parties.ScopeAsync(User.UserId(), cancellationToken);
        if (scope.IsEmpty || await parties.Organizations(scope).SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } organization)
        {
            return NotFound();
        }

        Organization = organization;
        Applications = await parties.ApplicationsOf(id).OrderByDescending(a => a.SubmittedAt).ToListAsync(cancellationToken);
        var contributed = new List<(string, object)>();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            if (await section.LoadAsync(id, cancellationToken) is { } model)
            {
                contributed.Add((section.PartialPath, model));
            }
        }

        Sections = contributed;
        return Page();
    }
}
