using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Notices.Contracts;
using Registry.Notices.Domain;
using Registry.Notices.Services;

namespace Registry.Notices.Areas.Notices.Pages;

/// <summary>
/// One notice: body, attachments, publicity period with its badge, and the objection form while the period is open.
/// Officers also see drafts and withdrawn notices here (a preview).
/// </summary>
[AllowAnonymous]
// Per-IP fixed window on POST,
// GETs unlimited. An anonymous form deserves the same brake as sign-in.
[EnableRateLimiting(RateLimitPolicies.PublicPost)]
public sealed class DetailModel(NoticeService notices, NoticeMarkdown markdown, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    public const string ReceiptKey = "Notices.Receipt";

    public Notice Notice { get; private set; } = null!;

    public string BodyHtml { get; private set; } = "";

    public PeriodState Period { get; private set; }

    public bool ObjectionsOpen { get; private set; }

    public bool CanManage => User.HasPermission(NoticesPermissions.Manage);

    /// <summary>The receipt of the objection just filed (shown once, after the redirect).</summary>
    public string? Receipt { get; private set; }

    [BindProperty]
    public ObjectionForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Receipt = TempData[ReceiptKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Notice.Status != NoticeStatus.Published)
        {
            return NotFound();
        }

        // The period is checked before the fields: after it closes, the answer is the same whatever was typed.
        if (!ObjectionsOpen)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, localizer[Period == PeriodState.NotStarted ? "Notices.Objection.NotYetOpen" : "Notices.Objection.Closed"]);
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (objection, result) = await notices.SubmitObjectionAsync(Notice, new ObjectionInput(Input.Name!, Input.Contact!, Input.Text!), CultureInfo.CurrentUICulture.Name, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, localizer.Describe(error));
            }

            return Page();
        }

        TempData[ReceiptKey] = objection!.ReceiptNumber;
        return RedirectToPage("/Detail", null, new { area = "Notices", id }, "receipt");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var notice = await notices.FindAsync(id, cancellationToken);
        if (notice is null || (notice.Status != NoticeStatus.Published && !CanManage))
        {
            return false;
        }

        var today = ChinaTime.Today(clock);
        Notice = notice;
        BodyHtml = markdown.ToSafeHtml(notice.BodyMarkdown);
        Period = notice.PeriodOn(today);
        ObjectionsOpen = notice.IsOpenForObjections(today);
        return true;
    }

    public sealed class ObjectionForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Objection.MaxName, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Notices.Field.ObjectionName")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Objection.MaxContact, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Notices.Field.Contact")]
        public string? Contact { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Objection.MaxText, MinimumLength = 10, ErrorMessage = "Validation.Length")]
        [Display(Name = "Notices.Field.ObjectionText")]
        public string? Text { get; set; }
    }
}
