using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Security;
using Registry.Notices.Domain;

namespace Registry.Notices.Areas.Notices.Pages;

/// <summary>
/// Anyone who filed an objection looks it up by the receipt number the receipt asks them to quote, with the contact they
/// gave (receipt numbers are sequential, so the number alone would let strangers read others' objections and answers).
/// </summary>
[AllowAnonymous]
// The host's "auth" policy (per-IP window on POST), as for filing: a brake on guessing.
[EnableRateLimiting(RateLimitPolicies.PublicPost)]
public sealed class ObjectionModel(DbContext db, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The objection found, with its notice's title; null before a lookup or when nothing matched.</summary>
    public (Objection Objection, string NoticeTitle, int NoticeId)? Found { get; private set; }

    public void OnGet(string? receipt) => Input.Receipt = receipt?.Trim() ?? "";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var receipt = Input.Receipt.Trim().ToUpperInvariant();
        var contact = Input.Contact.Trim();
        var match = await db.Set<Objection>().AsNoTracking().Where(o => o.ReceiptNumber == receipt)
            .Join(db.Set<Notice>(), o => o.NoticeId, n => n.Id, (o, n) => new { Objection = o, n.Title, NoticeId = n.Id })
            .SingleOrDefaultAsync(cancellationToken);
        if (match is null || !string.Equals(match.Objection.Contact, contact, StringComparison.OrdinalIgnoreCase))
        {
            // One answer for "no such receipt" and "wrong contact": the page reveals nothing to a guesser.
            ModelState.AddModelError(string.Empty, localizer["Notices.Lookup.NotFound"]);
            return Page();
        }

        Found = (match.Objection, match.Title, match.NoticeId);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(30, ErrorMessage = "Validation.Length")]
        [Display(Name = "Notices.Field.ReceiptNumber")]
        public string Receipt { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Objection.MaxContact, ErrorMessage = "Validation.Length")]
        [Display(Name = "Notices.Lookup.Contact")]
        public string Contact { get; set; } = "";
    }
}
