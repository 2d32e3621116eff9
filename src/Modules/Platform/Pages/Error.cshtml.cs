using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Platform.Pages;

/// <summary>
/// One page for 400, 403, 404, 429 and 500, in the visitor's language, keeping the original status code. The code comes
/// from the route only: a re-executed POST carries the refused form, which may be unreadable.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Kind { get; private set; } = "500";

    public string? RequestId { get; private set; }

    public void OnGet([FromRoute] int? code) => Describe(code);

    // Re-executed POSTs (a 403 on a form) arrive here with their method.
    public void OnPost([FromRoute] int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Without a code this page is reached by the exception handler (a real 500) or by someone typing /Error.
        // A re-executed request whose form cannot be bound may lose the route's code: the original status still says it.
        var failed = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        var status = code
            ?? HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
            ?? (failed ? StatusCodes.Status500InternalServerError : StatusCodes.Status404NotFound);
        Kind = status is 400 or 403 or 404 or 429 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "500";
        if (Kind == "500")
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }

        if (code is null)
        {
            Response.StatusCode = status;
        }
    }
}
