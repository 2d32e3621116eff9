using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;
using Registry.Supervision.Domain;

namespace Registry.Supervision.Areas.Supervision.Pages;

/// <summary>
/// Following up a complaint: with its receipt number and secret (anonymous or not), or, signed in, the account's own
/// complaints. Nothing is shown for a receipt number alone or a wrong secret (the same message either way).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.PublicPost)]
public sealed class FollowModel(DbContext db) : PageModel
{
    public IReadOnlyList<Complaint> Mine { get; private set; } = [];

    public Complaint? Found { get; private set; }

    public bool NotFoundMessage { get; private set; }

    [BindProperty]
    public string? ReceiptNumber { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadMineAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadMineAsync(cancellationToken);
        var number = (ReceiptNumber ?? "").Trim().ToUpperInvariant();
        var complaint = number.Length is > 0 and <= 30
            ? await db.Set<Complaint>().AsNoTracking().SingleOrDefaultAsync(c => c.ReceiptNumber == number, cancellationToken)
            : null;
        if (complaint is not null && ComplaintAccess.CanRead(complaint, false, null, number, Secret))
        {
            Found = complaint;
        }
        else
        {
            NotFoundMessage = true;
        }

        return Page();
    }

    private async Task LoadMineAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true && User.UserId() is { } userId)
        {
            Mine = await db.Set<Complaint>().AsNoTracking().Where(c => c.UserId == userId).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        }
    }
}
