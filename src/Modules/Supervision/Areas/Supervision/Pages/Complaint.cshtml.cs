using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Organizations.Contracts;
using Registry.Supervision.Domain;
using Registry.Supervision.Services;

namespace Registry.Supervision.Areas.Supervision.Pages;

/// <summary>
/// The public complaint and tip form (投诉举报), named or anonymous, with attachments checked by the file store. The receipt
/// number and a secret are shown once: with both anyone can follow it up; a signed-in complainant also finds it in their list.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.PublicPost)]
public sealed class ComplaintModel(ComplaintService complaints, IOrganizationRegister register, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    public string? Receipt { get; private set; }

    public string? Secret { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        int? organizationId = null;
        if (!string.IsNullOrWhiteSpace(Input.OrganizationCode))
        {
            var found = await register.FindByCodesAsync([Input.OrganizationCode.Trim().ToUpperInvariant()], cancellationToken);
            organizationId = found.Count == 1 ? found[0].Id : null;
        }

        var userId = User.Identity?.IsAuthenticated == true ? User.UserId() : null;
        var files = Attachments.Where(f => f.Length > 0).Select(f => new ComplaintFile(f.OpenReadStream(), f.FileName)).ToList();
        try
        {
            var (complaint, secret, result) = await complaints.SubmitAsync(
                new ComplaintInput(Input.Anonymous, Input.Name, Input.Phone, Input.Email, Input.Subject ?? "", organizationId, Input.Cause, Input.Content ?? ""),
                userId, files, cancellationToken);
            if (complaint is null)
            {
                ModelState.AddResult(result, localizer, "Input.");
                return Page();
            }

            Receipt = complaint.ReceiptNumber;
            Secret = secret;
            ModelState.Clear();
            Input = new InputModel();
            return Page();
        }
        finally
        {
            foreach (var file in files)
            {
                await file.Content.DisposeAsync();
            }
        }
    }

    public sealed class InputModel
    {
        public bool Anonymous { get; set; }

        public string? Name { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public string? Subject { get; set; }

        public string? OrganizationCode { get; set; }

        public ComplaintCause Cause { get; set; }

        public string? Content { get; set; }
    }
}
