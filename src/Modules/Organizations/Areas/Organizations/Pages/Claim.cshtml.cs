using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages;

/// <summary>An account asks to act for an organization already on the register; an officer approves.</summary>
[Permission(OrganizationsPermissions.Apply)]
public sealed class ClaimModel(MembershipService memberships, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Org.Claim.Code")]
    public string Code { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(2000, MinimumLength = 10, ErrorMessage = "Validation.Length")]
    [Display(Name = "Org.Claim.Statement")]
    public string Statement { get; set; } = "";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await memberships.ClaimAsync(User.UserId()!, Code, Statement, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Code), localizer.Describe(result.Errors[0]));
            return Page();
        }

        TempData["Flash"] = localizer["Org.Claim.Sent"].Value;
        return RedirectToPage("/My/Index", new { area = "Organizations" });
    }
}
