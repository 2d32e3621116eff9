using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Calendar;
using Registry.Core.Contracts;
using Registry.Core.Localization;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Feedback.Contracts;
using Registry.Feedback.Domain;
using Registry.Feedback.Services;

namespace Registry.Feedback.Areas.Feedback.Pages.Admin;

/// <summary>
/// Every rating with its service and, for a 差评, the follow-up's due day (derived when read) and an overdue marker; filtered
/// by kind, level (stars), 差评, follow-up state, overdue and days rated (what a dashboard figure links to), paged.
/// </summary>
[Permission(FeedbackPermissions.ViewRatings)]
public sealed class IndexModel(DbContext db, FeedbackService feedback, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public ServiceKind? Kind { get; private set; }

    public SatisfactionLevel? Level { get; private set; }

    public bool Bad { get; private set; }

    public FollowUpState? FollowUp { get; private set; }

    public bool Overdue { get; private set; }

    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    public bool Filtered => Kind is not null || Level is not null || Bad || FollowUp is not null || Overdue || From is not null || To is not null;

    /// <summary>Unknown or malformed filter values are ignored (the whole list), never an error page.</summary>
    public async Task OnGetAsync(string? kind, int? stars, string? bad, string? followUp, string? overdue, string? from, string? to, int p = 1, CancellationToken cancellationToken = default)
    {
        Kind = Parse<ServiceKind>(kind);
        Level = stars is >= 1 and <= 5 ? (SatisfactionLevel)stars.Value : null;
        Bad = bad == "true";
        FollowUp = Parse<FollowUpState>(followUp);
        Overdue = overdue == "true";
        From = Day(from);
        To = Day(to);
        var query = FeedbackService.Filter(db.Set<ServiceRating>().AsNoTracking(), Kind, Level, Bad, FollowUp, From, To);
        var calendar = await feedback.CalendarAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        List<ServiceRating> ratings;
        int total;
        var page = 1;
        if (Overdue)
        {
            // Overdue is derived from the calendar, so it is decided here, over the open follow-ups only (few).
            var open = await query.Where(r => r.FollowUp == FollowUpState.Open).OrderByDescending(r => r.RatedOn).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
            var overdueOnes = open.Where(r => FeedbackCalculations.IsOverdue(r, calendar, today)).ToList();
            total = overdueOnes.Count;
            page = PageInfo.Clamp(p, PageSize, total);
            ratings = [.. overdueOnes.Skip((page - 1) * PageSize).Take(PageSize)];
        }
        else
        {
            total = await query.CountAsync(cancellationToken);
            page = PageInfo.Clamp(p, PageSize, total);
            ratings = await query.OrderByDescending(r => r.RatedOn).ThenByDescending(r => r.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        }

        var ids = ratings.Select(r => r.ServiceId).ToList();
        var services = await db.Set<CompletedService>().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        Rows = [.. ratings.Select(r => new Row(r, services[r.ServiceId], FeedbackCalculations.FollowUpDue(r, calendar), FeedbackCalculations.IsOverdue(r, calendar, today)))];
        Paging = new PageInfo(page, PageSize, total, UrlFor);
    }

    private string UrlFor(int page) => LinkPath.With(FeedbackLinks.AdminRatings, ("kind", Kind), ("stars", Level is { } l ? (int)l : null), ("bad", Bad ? "true" : null),
        ("followUp", FollowUp), ("overdue", Overdue ? "true" : null), ("from", From), ("to", To), ("p", page));

    private static T? Parse<T>(string? text)
        where T : struct, Enum => Enum.TryParse<T>(text, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 1900 and <= 2099 ? day : null;

    public sealed record Row(ServiceRating Rating, CompletedService Service, DueDate? Due, bool Overdue);
}
