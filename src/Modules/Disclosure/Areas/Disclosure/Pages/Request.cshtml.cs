using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Disclosure.Domain;
using Registry.Disclosure.Services;

namespace Registry.Disclosure.Areas.Disclosure.Pages;

/// <summary>
/// The online request for disclosure (政府信息公开申请表, 条例 第二十九条). Anyone may file: a signed-in applicant finds it in their
/// account; an anonymous visitor gives an email address and receives the receipt there.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.PublicPost)]
public sealed class RequestModel(RequestService requests, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Receipt number shown after an anonymous filing.</summary>
    public string? Receipt { get; private set; }

    /// <summary>The follow-up secret, shown once after an anonymous filing (only its hash is kept).</summary>
    public string? Secret { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userId = User.Identity?.IsAuthenticated == true ? User.UserId() : null;
        var (request, secret, result) = await requests.SubmitAsync(Input.ToInput(), userId, CultureInfo.CurrentUICulture.Name, cancellationToken);
        if (request is null)
        {
            ModelState.AddResult(result, localizer, "Input.");
            return Page();
        }

        if (userId is not null)
        {
            TempData["Flash"] = localizer["Disclosure.Request.Filed", request.ReceiptNumber].Value;
            return Redirect($"/Disclosure/My/{request.Id}");
        }

        Receipt = request.ReceiptNumber;
        Secret = secret;
        ModelState.Clear();
        Input = new InputModel();
        return Page();
    }

    public sealed class InputModel
    {
        public ApplicantKind ApplicantKind { get; set; }

        public OrganizationKind? OrganizationKind { get; set; }

        public string? Name { get; set; }

        public string? IdType { get; set; }

        public string? IdNumber { get; set; }

        public string? Representative { get; set; }

        public string? ContactPerson { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public string? Address { get; set; }

        public string? PostalCode { get; set; }

        public string? Description { get; set; }

        public string? Purpose { get; set; }

        public InformationForm PreferredForm { get; set; } = InformationForm.Electronic;

        public DeliveryMethod Delivery { get; set; } = DeliveryMethod.Email;

        public RequestInput ToInput() => new(ApplicantKind, OrganizationKind, Name ?? "", IdType ?? "", IdNumber ?? "", Representative, ContactPerson,
            Phone ?? "", Email, Address, PostalCode, Description ?? "", Purpose, PreferredForm, Delivery);
    }
}
