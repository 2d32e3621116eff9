using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Notices.Contracts;
using Registry.Notices.Domain;
using Registry.Notices.Services;

namespace Registry.Notices.Areas.Notices.Pages.Admin;

/// <summary>Publishing or withdrawing a notice, after a confirmation that says what the public will (no longer) see.</summary>
[Permission(NoticesPermissions.Manage)]
public sealed class StatusModel(NoticeService notices, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    public Notice Notice { get; private set; } = null!;

    /// <summary>"Publish" or "Withdraw".</summary>
    public string To { get; private set; } = "";

    public bool Publishing => To == "Publish";

    public PeriodState Period { get; private set; }

    /// <summary>Things the officer should know before confirming (period over, objections without an open period …).</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string? to, CancellationToken cancellationToken) =>
        await LoadAsync(id, to, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, string? to, long version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, to, cancellationToken))
        {
            return NotFound();
        }

        var result = Publishing
            ? await notices.PublishAsync(Notice, version, cancellationToken)
            : await notices.WithdrawAsync(Notice, version, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Conflict ? localizer["Notices.Error.Conflict"] : localizer.Describe(result.Errors[0]));
            return Page();
        }

        TempData["Flash"] = localizer[Publishing ? "Notices.Admin.PublishedFlash" : "Notices.Admin.WithdrawnFlash", Notice.Title].Value;
        return RedirectToPage("/Admin/Index", new { area = "Notices" });
    }

    private async Task<bool> LoadAsync(int id, string? to, CancellationToken cancellationToken)
    {
        if (to is not ("Publish" or "Withdraw") || await notices.FindAsync(id, cancellationToken) is not { } notice)
        {
            return false;
        }

        Notice = notice;
        To = to;
        Period = notice.PeriodOn(ChinaTime.Today(clock));
        var warnings = new List<string>();
        if (to == "Publish")
        {
            if (Period == PeriodState.Ended)
            {
                warnings.Add(localizer["Notices.StatusPage.WarnPeriodEnded"]);
            }

            if (string.IsNullOrWhiteSpace(notice.BodyMarkdown))
            {
                warnings.Add(localizer["Notices.StatusPage.WarnNoBody"]);
            }
        }
        else if (notice.AcceptsObjections && Period == PeriodState.Open)
        {
            warnings.Add(localizer["Notices.StatusPage.WarnObjectionsOpen"]);
        }

        Warnings = warnings;
        return true;
    }
}
