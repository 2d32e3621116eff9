using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Disclosure.Domain;
using Registry.Disclosure.Services;

namespace Registry.Disclosure.Areas.Disclosure.Pages.Admin;

/// <summary>
/// One request for disclosure: its clock, its history, and, for the disclosure officers, the applicant's identity and the
/// steps the workflow allows now (补正, consultation, extension, answer).
/// </summary>
[Permission(DisclosurePermissions.ViewRequests)]
public sealed class RequestModel(RequestService requests, IStringLocalizer localizer) : PageModel
{
    public DisclosureRequest Item { get; private set; } = null!;

    public RequestClockStatus Clock { get; private set; } = null!;

    public bool CanHandle { get; private set; }

    [BindProperty]
    public StepForm Step { get; set; } = new();

    [BindProperty]
    public AnswerForm Answer { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStepAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanHandle)
        {
            return Forbid();
        }

        if (!Enum.IsDefined(Step.Trigger))
        {
            ModelState.AddModelError(string.Empty, localizer["Disclosure.Error.UnknownStep"]);
            return Page();
        }

        var result = await requests.StepAsync(Item, Step.Trigger, new StepInput(Step.Days, Step.Party, Step.Note), Step.Version, CultureInfo.CurrentUICulture.Name, cancellationToken);
        return await DoneAsync(result, $"Disclosure.Done.{Step.Trigger}", "Step.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAttachAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanHandle)
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(string.Empty, localizer["Disclosure.Error.NoFile"]);
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var result = await requests.AttachAsync(Item, stream, file.FileName, cancellationToken);
        return await DoneAsync(result, "Disclosure.Done.Attached", "", cancellationToken);
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanHandle)
        {
            return Forbid();
        }

        if (Answer.Type is not { } type || !Enum.IsDefined(type))
        {
            ModelState.AddModelError(string.Empty, localizer["Disclosure.Error.AnswerTypeRequired"]);
            return Page();
        }

        var result = await requests.AnswerAsync(Item, new AnswerInput(type, Answer.Reason, Answer.Explanation, Answer.Reference), Answer.Version, CultureInfo.CurrentUICulture.Name, cancellationToken);
        return await DoneAsync(result, "Disclosure.Done.Answer", "Answer.", cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(OperationResult result, string flashKey, string prefix, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, prefix);
            // Show the request as it now stands; the officer's input stays in the form.
            await LoadAsync(Item.Id, cancellationToken, reload: true);
            return Page();
        }

        TempData["Flash"] = localizer[flashKey, Item.ReceiptNumber].Value;
        return Redirect($"/Disclosure/Admin/Requests/{Item.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken, bool reload = false)
    {
        if (reload)
        {
            requests.Forget();
        }

        if (await requests.FindAsync(id, cancellationToken) is not { } request)
        {
            return false;
        }

        Item = request;
        Clock = await requests.ClockAsync(request, cancellationToken);
        CanHandle = User.HasPermission(DisclosurePermissions.HandleRequests);
        return true;
    }

    public sealed class StepForm
    {
        public RequestTrigger Trigger { get; set; }

        public int? Days { get; set; }

        public string? Party { get; set; }

        public string? Note { get; set; }

        public long Version { get; set; }
    }

    public sealed class AnswerForm
    {
        public AnswerType? Type { get; set; }

        public AnswerReason? Reason { get; set; }

        public string? Explanation { get; set; }

        public string? Reference { get; set; }

        public long Version { get; set; }
    }
}
