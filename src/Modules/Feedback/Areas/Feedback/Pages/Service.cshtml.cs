using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Calendar;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Feedback.Contracts;
using Registry.Feedback.Domain;
using Registry.Feedback.Services;

namespace Registry.Feedback.Areas.Feedback.Pages;

/// <summary>
/// One completed service for its applicant (anyone else: 404): the rating form while the window is open and nothing was
/// rated, else the rating; for a 差评 the follow-up with its due day and the officer's answer, which the applicant accepts
/// or reopens.
/// </summary>
[Permission(FeedbackPermissions.Rate)]
public sealed class ServiceModel(FeedbackService feedback, IStringLocalizer localizer) : PageModel
{
    public MyService Item { get; private set; } = null!;

    public IReadOnlyList<string> ReasonChoices { get; private set; } = [];

    public DueDate? FollowUpDue { get; private set; }

    [BindProperty]
    public RateInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var level = Enum.TryParse<SatisfactionLevel>(Input.Level, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Input.Level, out _) ? parsed : (SatisfactionLevel?)null;
        var result = await feedback.RateAsync(Item, User.UserId()!, level, Input.Reasons ?? [], Input.Comment, cancellationToken);
        if (!result.Succeeded)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddResult(result, localizer, "Input.");
            return Page();
        }

        TempData["Flash"] = localizer["Fb.Service.Thanks"].Value;
        return Redirect(FeedbackLinks.Service(id));
    }

    /// <summary>The applicant accepts the answer (Close) or says it did not resolve the matter (Reopen).</summary>
    public async Task<IActionResult> OnPostFollowUpAsync(int id, FollowUpTrigger trigger, long version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await feedback.StepAsync(Item.Service, trigger, asOfficer: false, null, version, cancellationToken);
        if (!result.Succeeded)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddResult(result, localizer, "");
            return Page();
        }

        return Redirect(FeedbackLinks.Service(id));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await feedback.FindForAsync(id, User.UserId()!, cancellationToken) is not { } found)
        {
            return false;
        }

        Item = found;
        ReasonChoices = (await feedback.RulesAsync(cancellationToken)).Reasons;
        FollowUpDue = found.Service.Rating is { } rating ? FeedbackCalculations.FollowUpDue(rating, await feedback.CalendarAsync(cancellationToken)) : null;
        return true;
    }

    public sealed class RateInput
    {
        public string? Level { get; set; }

        public List<string>? Reasons { get; set; }

        public string? Comment { get; set; }
    }
}
