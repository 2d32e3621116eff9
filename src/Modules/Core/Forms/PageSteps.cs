using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Registry.Core.Forms;

/// <summary>Where a step goes when it succeeds, and where its refusal shows.</summary>
/// <param name="FlashKey">Catalog key of the flash it leaves; none when null.</param>
/// <param name="Next">The page it redirects to.</param>
/// <param name="Prefix">Prefix of the fields the step's errors name on the form (e.g. <c>Decision.</c>).</param>
/// <param name="FlashArgs">Arguments of the flash, read after the step (e.g. the receipt number a submission drew).</param>
public sealed record StepOutcome(string? FlashKey, Func<IActionResult> Next, string Prefix = "", Func<object[]>? FlashArgs = null);

/// <summary>
/// The shapes of a page's POST handlers, one copy for every module: a back-office step on a stored thing
/// (<see cref="StepAsync"/>) and the applicant's draft form (<see cref="SaveDraftAsync"/>, <see cref="SubmitDraftAsync"/>).
/// Success is post-redirect-get with a flash; a refusal re-renders the page with its errors or the conflict message.
/// </summary>
public static class PageSteps
{
    /// <summary>The TempData key the layouts show once, after the redirect.</summary>
    public const string FlashKey = "Flash";

    /// <summary>
    /// One step on a stored thing: 404 when <paramref name="load"/> finds nothing (absent or not this user's), else the step
    /// runs when the form bound without errors. A refused step puts its errors on the page, which <paramref name="reload"/>
    /// (when given) then reads again so it shows what is stored, not this request's half-done edits.
    /// </summary>
    public static async Task<IActionResult> StepAsync<T>(this PageModel page, Func<Task<T?>> load, Func<T, Task<OperationResult>> step,
        IStringLocalizer localizer, StepOutcome outcome, Func<Task>? reload = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(outcome);
        if (await load() is not { } subject)
        {
            return page.NotFound();
        }

        if (page.ModelState.IsValid)
        {
            var result = await step(subject);
            if (result.Succeeded)
            {
                return page.Done(localizer, outcome);
            }

            page.ModelState.AddResult(result, localizer, outcome.Prefix);
        }

        if (reload is not null)
        {
            await reload();
        }

        return page.Page();
    }

    /// <summary>
    /// Saves a draft: <paramref name="load"/> answers the refusal (404, a redirect once it is no longer editable) or null;
    /// <paramref name="save"/> writes it with the version the form was read at and puts its own errors on the page (false).
    /// </summary>
    public static async Task<IActionResult> SaveDraftAsync(this PageModel page, Func<Task<IActionResult?>> load, Func<Task<bool>> save,
        IStringLocalizer localizer, StepOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(save);
        if (await load() is { } refused)
        {
            return refused;
        }

        return await save() ? page.Done(localizer, outcome) : page.Page();
    }

    /// <summary>
    /// Saves the draft as <see cref="SaveDraftAsync"/> does, then <paramref name="submit"/>s it (the workflow's transition, at
    /// the version just saved); its refusal goes on the page through <paramref name="refused"/>, which also brings the form's
    /// version up to the saved one.
    /// </summary>
    public static async Task<IActionResult> SubmitDraftAsync(this PageModel page, Func<Task<IActionResult?>> load, Func<Task<bool>> save,
        Func<Task<OperationResult>> submit, Action<OperationResult> refused, IStringLocalizer localizer, StepOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(refused);
        if (await load() is { } refusal)
        {
            return refusal;
        }

        if (!await save())
        {
            return page.Page();
        }

        var result = await submit();
        if (!result.Succeeded)
        {
            refused(result);
            return page.Page();
        }

        return page.Done(localizer, outcome);
    }

    private static IActionResult Done(this PageModel page, IStringLocalizer localizer, StepOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (outcome.FlashKey is { } key)
        {
            page.TempData[FlashKey] = localizer[key, outcome.FlashArgs?.Invoke() ?? []].Value;
        }

        return outcome.Next();
    }
}
