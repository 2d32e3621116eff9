using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Calendar;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Feedback.Contracts;
using Registry.Feedback.Domain;
using Registry.Feedback.Services;

namespace Registry.Feedback.Areas.Feedback.Pages.Admin;

/// <summary>One rating and, for a 差评, its follow-up: readers see it; an officer who handles follow-ups answers or closes it.</summary>
[Permission(FeedbackPermissions.ViewRatings)]
public sealed class RatingModel(DbContext db, FeedbackService feedback, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    public CompletedService Service { get; private set; } = null!;

    public ServiceRating Rating => Service.Rating!;

    public DueDate? Due { get; private set; }

    public bool Overdue { get; private set; }

    public bool MayHandle { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Answer (text required) or Close; refused (403) without the permission to handle follow-ups.</summary>
    public async Task<IActionResult> OnPostAsync(int id, FollowUpTrigger trigger, string? answer, long version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!MayHandle)
        {
            return Forbid();
        }

        var result = await feedback.StepAsync(Service, trigger, asOfficer: true, answer, version, cancellationToken);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            ModelState.AddResult(result, localizer, "");
            return Page();
        }

        return Redirect(FeedbackLinks.AdminRating(id));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var rating = await db.Set<ServiceRating>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rating is null)
        {
            return false;
        }

        Service = await db.Set<CompletedService>().SingleAsync(s => s.Id == rating.ServiceId, cancellationToken);
        var calendar = await feedback.CalendarAsync(cancellationToken);
        Due = FeedbackCalculations.FollowUpDue(rating, calendar);
        Overdue = FeedbackCalculations.IsOverdue(rating, calendar, ChinaTime.Today(clock));
        MayHandle = User.HasPermission(FeedbackPermissions.HandleFollowUps);
        return true;
    }
}
