using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;

namespace Registry.Cultivation.Areas.Cultivation.Pages.Admin;

/// <summary>Hub organizations by batch with their coverage; officers recognise a new batch here.</summary>
[Permission(CultivationPermissions.ManageHubs)]
public sealed class HubsModel(HubService hubs, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    public IReadOnlyList<HubBatch> Batches { get; private set; } = [];

    public IReadOnlyDictionary<int, HubCoverage> Coverage { get; private set; } = new Dictionary<int, HubCoverage>();

    [BindProperty]
    public BatchForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.Number = Batches.Count == 0 ? 1 : Batches.Max(b => b.Number) + 1;
        Input.DecidedOn = ChinaTime.Today(clock);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (lines, lineErrors) = HubRules.ParseLines(Input.Hubs);
        OperationResult result;
        if (lineErrors.Count > 0)
        {
            result = new OperationResult(lineErrors);
        }
        else
        {
            (_, result) = await hubs.RecognizeAsync(new BatchInput(Input.Number ?? 0, Input.Title ?? "", Input.DecisionNumber ?? "", Input.DecidedOn, lines), cancellationToken);
        }

        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "Input.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Flash"] = localizer["Cult.Hubs.Recognized"].Value;
        return Redirect(CultivationLinks.AdminHubs);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Batches = await hubs.BatchesAsync(cancellationToken);
        Coverage = await hubs.CoverageAsync([.. Batches.SelectMany(b => b.Hubs)], cancellationToken);
    }

    public sealed class BatchForm
    {
        public int? Number { get; set; }

        public string? Title { get; set; }

        public string? DecisionNumber { get; set; }

        public DateOnly? DecidedOn { get; set; }

        /// <summary>One hub a line: "credit code|field" or "credit code|field|street".</summary>
        public string? Hubs { get; set; }
    }
}
