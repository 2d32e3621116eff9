using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Contracts;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Feedback.Contracts;
using Registry.Feedback.Services;

namespace Registry.Feedback.Areas.Feedback.Pages;

/// <summary>The applicant's completed services (their own and their organizations'): to rate, rated, and the follow-ups' answers; paged.</summary>
[Permission(FeedbackPermissions.Rate)]
public sealed class MyModel(FeedbackService feedback) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<MyService> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public async Task OnGetAsync(int p = 1, CancellationToken cancellationToken = default)
    {
        var userId = User.UserId()!;
        var (_, total) = await feedback.MineAsync(userId, 1, 1, cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        (Rows, _) = await feedback.MineAsync(userId, page, PageSize, cancellationToken);
        Paging = new PageInfo(page, PageSize, total, n => LinkPath.With(FeedbackLinks.My, ("p", n)));
    }
}
