using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages;

/// <summary>The fund's open data: what it contains (360Giving), its licence, the funder and the download links.</summary>
[AllowAnonymous]
public sealed class OpenDataModel(IOptions<GrantOpenDataOptions> options) : PageModel
{
    public GrantOpenDataOptions Settings => options.Value;
}
