using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Feedback.Domain;
using Registry.Feedback.Services;

namespace Registry.Feedback.Areas.Feedback.Pages;

/// <summary>Public satisfaction (好差评公示) per kind of service in a year: counts per level and the satisfaction rate.</summary>
[AllowAnonymous]
public sealed class IndexModel(FeedbackService feedback) : PageModel
{
    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyDictionary<ServiceKind, SatisfactionCounts> ByKind { get; private set; } = new Dictionary<ServiceKind, SatisfactionCounts>();

    public SatisfactionCounts Total { get; private set; } = new(new Dictionary<SatisfactionLevel, int>());

    /// <summary>An unknown year shows the latest one, never an error.</summary>
    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        Years = await feedback.YearsAsync(cancellationToken);
        Year = year is { } y && Years.Contains(y) ? y : Years[0];
        ByKind = await feedback.StatisticsAsync(new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31), cancellationToken);
        Total = SatisfactionCounts.Sum(ByKind.Values);
    }
}
