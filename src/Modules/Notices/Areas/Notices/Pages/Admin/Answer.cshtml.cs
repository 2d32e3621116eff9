using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Notices.Domain;
using Registry.Notices.Services;

namespace Registry.Notices.Areas.Notices.Pages.Admin;

/// <summary>One objection and the bureau's written answer (mailed to the submitter when they left an email address).</summary>
[Permission(NoticesPermissions.Manage)]
public sealed class AnswerModel(DbContext db, NoticeService notices, IStringLocalizer localizer) : PageModel
{
    public Objection Objection { get; private set; } = null!;

    public Notice Notice { get; private set; } = null!;

    public bool Conflict { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new InputModel { Answer = Objection.Answer, Version = Objection.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await notices.AnswerAsync(Objection, Input.Answer!, Input.Version, CultureInfo.CurrentUICulture.Name, cancellationToken);
        if (result.Conflict)
        {
            // Show the answer as it now stands; the officer's text stays in the form.
            await db.Entry(Objection).ReloadAsync(cancellationToken);
            Conflict = true;
            ModelState.AddModelError(string.Empty, localizer["Notices.Error.Conflict"]);
            return Page();
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Answer", localizer.Describe(error));
            }

            return Page();
        }

        TempData["Flash"] = localizer["Notices.Objections.AnswerSaved", Objection.ReceiptNumber].Value;
        return RedirectToPage("/Admin/Objections", new { area = "Notices", notice = Objection.NoticeId });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Set<Objection>().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } objection)
        {
            return false;
        }

        Objection = objection;
        Notice = await db.Set<Notice>().AsNoTracking().SingleAsync(n => n.Id == objection.NoticeId, cancellationToken);
        return true;
    }

    public sealed class InputModel
    {
        public long Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Objection.MaxAnswer, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Notices.Field.Answer")]
        public string? Answer { get; set; }
    }
}
