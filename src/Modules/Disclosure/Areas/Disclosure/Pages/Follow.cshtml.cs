using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Files;
using Registry.Core.Security;
using Registry.Disclosure.Contracts;
using Registry.Disclosure.Domain;
using Registry.Disclosure.Services;

namespace Registry.Disclosure.Areas.Disclosure.Pages;

/// <summary>
/// Following a request without an account: its receipt number with the secret shown once on filing open its progress, the
/// written reply, the reply's PDF and the information given. A receipt number alone or a wrong secret shows nothing (the
/// same message either way); the identity details are never shown here.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.PublicPost)]
public sealed class FollowModel(DbContext db, IFileStore store, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public string? Receipt { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    public DisclosureRequest? Item { get; private set; }

    public ReplyDocument? Document { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is not { } request)
        {
            return Page();
        }

        Item = request;
        Document = request.State == RequestState.Answered ? await ReplyFile.FindAsync(HttpContext.RequestServices, request.Id, cancellationToken) : null;
        return Page();
    }

    /// <summary>The reply's PDF, for the receipt number and secret posted with it.</summary>
    public async Task<IActionResult> OnPostPdfAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is not { State: RequestState.Answered } request)
        {
            return Page();
        }

        var result = await ReplyFile.ResultAsync(request, HttpContext, store, HttpContext.RequestServices, cancellationToken);
        return new ResultAdapter(result);
    }

    /// <summary>A file given with the answer (the information disclosed).</summary>
    public async Task<IActionResult> OnPostAttachmentAsync(Guid fileId, CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is not { State: RequestState.Answered } request
            || request.Attachments.SingleOrDefault(a => a.FileId == fileId) is not { } attachment
            || await store.FindAsync(fileId, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(store.OpenRead(file), file.ContentType, attachment.FileName);
    }

    private async Task<DisclosureRequest?> FindAsync(CancellationToken cancellationToken)
    {
        var receipt = Receipt?.Trim().ToUpperInvariant();
        var request = string.IsNullOrEmpty(receipt) || receipt.Length > 30
            ? null
            : await db.Set<DisclosureRequest>().AsNoTracking().Include(r => r.Events).Include(r => r.Attachments).AsSplitQuery()
                .SingleOrDefaultAsync(r => r.ReceiptNumber == receipt, cancellationToken);
        if (request is null || !request.Matches(Secret))
        {
            ModelState.AddModelError(string.Empty, localizer["Disclosure.Follow.NotFound"].Value);
            return null;
        }

        return request;
    }

    /// <summary>Lets a page handler return an endpoint result (the PDF served the same way as to the account holder).</summary>
    private sealed class ResultAdapter(Microsoft.AspNetCore.Http.IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
