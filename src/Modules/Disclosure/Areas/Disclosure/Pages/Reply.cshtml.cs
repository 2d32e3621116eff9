using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Settings;
using Registry.Disclosure.Domain;
using Registry.Disclosure.Services;

namespace Registry.Disclosure.Areas.Disclosure.Pages;

/// <summary>
/// The formal written reply (政府信息公开申请答复书, 条例 第三十六条) with the request's number, for the applicant's account and
/// the disclosure officers; <c>?download=1</c> gives it as a file. Anyone else gets 404.
/// </summary>
[Authorize]
public sealed class ReplyModel(RequestService requests, ISettings settings) : PageModel
{
    public DisclosureRequest Item { get; private set; } = null!;

    public string Bureau { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, bool download, CancellationToken cancellationToken)
    {
        if (await requests.FindAsync(id, cancellationToken) is not { State: RequestState.Answered } request || !RequestAccess.CanReadReply(User, request))
        {
            return NotFound();
        }

        Item = request;
        Bureau = await settings.GetAsync("Bureau.Name", cancellationToken) ?? "";
        if (download)
        {
            Response.Headers.ContentDisposition = $"attachment; filename=\"reply-{request.ReceiptNumber}.html\"";
        }

        return Page();
    }
}
