using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Admin;

/// <summary>
/// One application for the officer: the project, the eligibility report rebuilt live from the contracts, screening
/// (a fail names the rule), the reviewers with their sheets (assign, reassign, reopen with a reason) and withdrawal.
/// </summary>
[Permission(GrantsPermissions.Manage)]
public sealed class ApplicationModel(GrantApplicationService applications, ReviewService reviews, DecisionService decisions, StreetRecommendationService streets, GrantAttachmentService attachments, MessageService messages, IStringLocalizer localizer) : PageModel
{
    public GrantApplication Application { get; private set; } = null!;

    public GrantRound Round { get; private set; } = null!;

    public IReadOnlyList<EligibilityCheck> Report { get; private set; } = [];

    public IReadOnlyList<ReviewAssignment> Seats { get; private set; } = [];

    public IReadOnlyList<ReviewerLoad> Candidates { get; private set; } = [];

    /// <summary>The street office's recommendation opinion (推荐意见), when given.</summary>
    public StreetRecommendation? StreetOpinion { get; private set; }

    public IReadOnlyList<ApplicationAttachment> Attachments { get; private set; } = [];

    public IReadOnlyList<ApplicationMessage> Messages { get; private set; } = [];

    [BindProperty]
    public string? MessageBody { get; set; }

    [BindProperty]
    public Microsoft.AspNetCore.Http.IFormFile? MessageFile { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostScreenAsync(int id, bool pass, string? rule, string? note, long version, CancellationToken cancellationToken) =>
        ActAsync(id, a => applications.ScreenAsync(a, pass, rule, note, version, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(int id, string? reviewer, CancellationToken cancellationToken) =>
        ActAsync(id, a => reviews.AssignAsync(a, [reviewer ?? ""], cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReassignAsync(int id, int seatId, string? reviewer, CancellationToken cancellationToken) =>
        ActAsync(id, async a => await reviews.FindSeatAsync(seatId, cancellationToken) is { } seat && seat.ApplicationId == a.Id
            ? await reviews.ReassignAsync(seat, reviewer ?? "", cancellationToken) : OperationResult.Fail("", "Grant.Error.WrongState"), cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(int id, int seatId, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, async a => await reviews.FindSeatAsync(seatId, cancellationToken) is { } seat && seat.ApplicationId == a.Id
            ? await reviews.ReopenAsync(seat, reason, cancellationToken) : OperationResult.Fail("", "Grant.Error.WrongState"), cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int id, string? reason, long version, CancellationToken cancellationToken) =>
        ActAsync(id, a => decisions.WithdrawAsync(a, reason, version, cancellationToken), cancellationToken);

    /// <summary>Writes to the applicant organization about its application (with an optional file).</summary>
    public Task<IActionResult> OnPostMessageAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async a =>
        {
            await using var stream = MessageFile is { Length: > 0 } file ? file.OpenReadStream() : null;
            return await messages.PostAsync(a, fromApplicant: false, MessageBody, stream, MessageFile?.FileName, cancellationToken);
        }, cancellationToken);

    private Task<IActionResult> ActAsync(int id, Func<GrantApplication, Task<OperationResult>> action, CancellationToken cancellationToken) =>
        this.StepAsync(() => applications.FindAsync(id, cancellationToken), action, localizer,
            new StepOutcome("Grant.Admin.SavedFlash", () => RedirectToPage("/Admin/Application", new { area = "Grants", id })),
            () => LoadAsync(id, cancellationToken));

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await applications.FindAsync(id, cancellationToken) is not { } application)
        {
            return false;
        }

        Application = application;
        Round = await applications.RoundOfAsync(application, cancellationToken);
        Report = application.State is GrantState.Submitted ? await applications.CheckAsync(Round, application, cancellationToken) : GrantApplicationService.Report(application);
        Seats = await reviews.SeatsOfApplicationAsync(id, cancellationToken);
        StreetOpinion = await streets.OfApplicationAsync(id, cancellationToken);
        Attachments = await attachments.OfApplicationAsync(id, cancellationToken);
        Messages = await messages.ThreadAsync(id, cancellationToken);
        var linked = await reviews.LinkedAsync(application, cancellationToken);
        var seated = Seats.Select(s => s.ReviewerUserId).ToHashSet();
        Candidates = [.. (await reviews.PoolAsync(Round.Id, cancellationToken)).Where(r => !linked.Contains(r.UserId) && !seated.Contains(r.UserId)).OrderBy(r => r.Assigned)];
        return true;
    }
}
