using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Identification;
using Registry.Directory.Search;

namespace Registry.Directory.Areas.Directory.Pages;

/// <summary>Certificate check: type a credit code (or filing number), see the organization and its status.</summary>
[AllowAnonymous]
public sealed class CheckModel(DirectorySearch search, IStringLocalizer localizer) : PageModel
{
    public string? Code { get; private set; }

    public bool Searched { get; private set; }

    public DirectoryHit? Hit { get; private set; }

    public void OnGet(string? code)
    {
        Code = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(Code))
        {
            return;
        }

        Searched = true;
        // Filing numbers of community organizations are not credit codes; only 18-character input is checked as one.
        if (Code.Length == 18 && !UnifiedSocialCreditCode.TryParse(Code, out _, out var error))
        {
            ModelState.AddModelError(nameof(Code), localizer[error!]);
            return;
        }

        Hit = search.Search(new DirectoryQuery { Text = Code }).Hits.FirstOrDefault(h => string.Equals(h.Code, Code, StringComparison.OrdinalIgnoreCase));
    }
}
