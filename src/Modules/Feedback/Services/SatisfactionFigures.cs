using Microsoft.EntityFrameworkCore;
using Registry.Core.Localization;
using Registry.Feedback.Contracts;
using Registry.Feedback.Domain;

namespace Registry.Feedback.Services;

internal sealed class SatisfactionFigures(DbContext db, FeedbackService feedback, TimeProvider clock) : ISatisfactionFigures
{
    public async Task<IReadOnlyList<SatisfactionFigure>> ByKindAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var counts = await feedback.StatisticsAsync(first, last, cancellationToken);
        var open = await db.Set<ServiceRating>().AsNoTracking()
            .Where(r => r.RatedOn >= first && r.RatedOn <= last && r.FollowUp == FollowUpState.Open).ToListAsync(cancellationToken);
        var calendar = await feedback.CalendarAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        return
        [
            .. Enum.GetValues<ServiceKind>().Select(kind =>
            {
                var c = counts[kind];
                var mine = open.Where(r => r.Kind == kind).ToList();
                return new SatisfactionFigure(kind.ToString(), Enum.GetValues<SatisfactionLevel>().ToDictionary(l => (int)l, c.Count), c.Total, c.RatePercent,
                    mine.Count, mine.Count(r => FeedbackCalculations.IsOverdue(r, calendar, today)));
            }),
        ];
    }
}
