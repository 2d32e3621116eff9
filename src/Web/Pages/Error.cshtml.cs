using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Web.Pages;

/// <summary>One page for 403, 404, 429 and 500, in the visitor's language, keeping the original status code.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Kind { get; private set; } = "500";

    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    // Re-executed POSTs (a 403 on a form) arrive here with their method.
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        Kind = status is 403 or 404 or 429 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "500";
        if (Kind == "500")
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }

        if (code is null)
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }
}
