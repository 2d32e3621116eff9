using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages;

/// <summary>
/// 办件进度查询 without signing in, as 政务服务 portals offer: the receipt number and the contact phone given in the
/// application (or, for an organization already registered, its unified social credit code) show the application's
/// steps and their dates, never its contents. A wrong pair and an unknown number get the same answer, and the host's
/// "auth" rate limit (per IP, on POST) brakes guessing.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.PublicPost)]
public sealed class ProgressModel(DbContext db, IStringLocalizer localizer) : PageModel
{
    public const int MaxReceipt = 30;
    public const int MaxContact = 40;

    [BindProperty]
    public LookupInput Input { get; set; } = new();

    public RegistrationApplication? Application { get; private set; }

    /// <summary>The state changes in order: the steps and their dates.</summary>
    public IReadOnlyList<ApplicationEvent> Steps { get; private set; } = [];

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var receipt = Input.ReceiptNumber!.Trim().ToUpperInvariant();
        var application = await db.Set<RegistrationApplication>().AsNoTracking().Include(a => a.Events)
            .SingleOrDefaultAsync(a => a.ReceiptNumber == receipt, cancellationToken);
        if (application is null || !await MatchesAsync(application, Input.Contact!, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, localizer["Org.Progress.NotFound"]);
            return Page();
        }

        Application = application;
        Steps = [.. application.Events.OrderBy(e => e.At).ThenBy(e => e.Id)];
        return Page();
    }

    /// <summary>The contact phone of the application (digits compared) or the credit code of its organization.</summary>
    private async Task<bool> MatchesAsync(RegistrationApplication application, string contact, CancellationToken cancellationToken)
    {
        var digits = new string([.. contact.Where(char.IsAsciiDigit)]);
        var phone = RegistrationService.ReadForm(application).ContactPhone is { } given ? new string([.. given.Where(char.IsAsciiDigit)]) : "";
        if (digits.Length >= 7 && string.Equals(digits, phone, StringComparison.Ordinal))
        {
            return true;
        }

        var code = contact.Trim().ToUpperInvariant();
        return application.OrganizationId is { } id && code.Length == 18
            && await db.Set<Organization>().AnyAsync(o => o.Id == id && o.CreditCode == code, cancellationToken);
    }

    public sealed class LookupInput
    {
        [Required(ErrorMessage = "Org.Progress.ReceiptRequired")]
        [StringLength(MaxReceipt, ErrorMessage = "Org.Progress.ReceiptRequired")]
        public string? ReceiptNumber { get; set; }

        [Required(ErrorMessage = "Org.Progress.ContactRequired")]
        [StringLength(MaxContact, ErrorMessage = "Org.Progress.ContactRequired")]
        public string? Contact { get; set; }
    }
}
