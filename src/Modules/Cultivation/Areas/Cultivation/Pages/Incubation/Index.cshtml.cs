using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;

namespace Registry.Cultivation.Areas.Cultivation.Pages.Incubation;

/// <summary>The public page of the incubation bases (孵化基地): each base with its places, the figures per year and the graduates.</summary>
[AllowAnonymous]
public sealed class IndexModel(IncubationService incubation) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<IncubationBase> Bases { get; private set; } = [];

    public IReadOnlyList<IncubationYear> Figures { get; private set; } = [];

    public IReadOnlyList<(IncubatedOrganization Stay, string BaseName)> Graduates { get; private set; } = [];

    public int GraduateCount { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public async Task OnGetAsync(int? page, CancellationToken cancellationToken)
    {
        Bases = await incubation.BasesAsync(cancellationToken);
        Figures = await incubation.FiguresAsync(cancellationToken);
        PageNumber = Math.Max(1, page ?? 1);
        (Graduates, GraduateCount) = await incubation.GraduatesAsync((PageNumber - 1) * PageSize, PageSize, cancellationToken);
        PageCount = Math.Max(1, (GraduateCount + PageSize - 1) / PageSize);
    }
}
