using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Calendar;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Organizations.Contracts;
using Registry.Supervision.Contracts;
using Registry.Supervision.Domain;
using Registry.Supervision.Services;

namespace Registry.Supervision.Areas.Supervision.Pages.Admin;

/// <summary>Penalty cases with their derived decision deadlines; officers open a case (立案) here.</summary>
[Permission(SupervisionPermissions.ManageCases)]
public sealed class CasesModel(DbContext db, CaseService cases, IOrganizationRegister register, ICalendarProvider calendars, CaseOptions options, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(PenaltyCase Case, CaseDeadlines Deadlines)> Rows { get; private set; } = [];

    [BindProperty]
    public FilingInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = (Input.OrganizationCode ?? "").Trim().ToUpperInvariant();
        var found = code.Length is > 0 and <= 30 ? await register.FindByCodesAsync([code], cancellationToken) : [];
        if (found.Count != 1)
        {
            ModelState.AddModelError("Input.OrganizationCode", localizer["Sup.Error.UnknownOrganization"].Value);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var (opened, result) = await cases.FileAsync(new CaseFiling(found[0].Id, Input.Source, Input.SourceId, Input.Cause ?? "", Input.LegalBasis, Input.Facts), cancellationToken);
        if (opened is null)
        {
            ModelState.AddResult(result, localizer, "Input.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect(SupervisionLinks.AdminCase(opened.Id));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var loaded = await db.Set<PenaltyCase>().AsNoTracking().Include(c => c.Events).OrderByDescending(c => c.FiledOn).ThenByDescending(c => c.Id).Take(500).ToListAsync(cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        Rows = [.. loaded.Select(c => (c, CaseClock.Compute(calendar, options, c, today)))];
    }

    public sealed class FilingInput
    {
        public string? OrganizationCode { get; set; }

        public CaseSource Source { get; set; } = CaseSource.Officer;

        public int? SourceId { get; set; }

        public string? Cause { get; set; }

        public string? LegalBasis { get; set; }

        public string? Facts { get; set; }
    }
}
