using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;
using Registry.Disclosure.Domain;
using Registry.Disclosure.Services;

namespace Registry.Disclosure.Areas.Disclosure.Pages;

/// <summary>The signed-in applicant's requests for disclosure (their account), or one of them with its answer.</summary>
[Authorize]
public sealed class MyModel(DbContext db, RequestService requests) : PageModel
{
    public IReadOnlyList<DisclosureRequest> Requests { get; private set; } = [];

    public DisclosureRequest? Item { get; private set; }

    public RequestClockStatus? Clock { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        if (id is null)
        {
            Requests = await db.Set<DisclosureRequest>().AsNoTracking().Where(r => r.UserId == userId)
                .OrderByDescending(r => r.SubmittedAt).ToListAsync(cancellationToken);
            return Page();
        }

        // Another applicant's request answers 404, so its number reveals nothing.
        if (await requests.FindAsync(id.Value, cancellationToken) is not { } request || request.UserId is null || request.UserId != userId)
        {
            return NotFound();
        }

        Item = request;
        Clock = await requests.ClockAsync(request, cancellationToken);
        return Page();
    }
}
