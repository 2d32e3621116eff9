using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Supervision.Contracts;
using Registry.Supervision.Domain;
using Registry.Supervision.Services;

namespace Registry.Supervision.Areas.Supervision.Pages.Admin;

/// <summary>One penalty case: its steps, derived deadlines, and the officer's next step through the transition table.</summary>
[Permission(SupervisionPermissions.ManageCases)]
public sealed class CaseModel(CaseService cases, IMoneyLimits money, CaseOptions options, IStringLocalizer localizer) : PageModel
{
    public PenaltyCase Item { get; private set; } = null!;

    public CaseDeadlines Deadlines { get; private set; } = null!;

    public bool HearingApplies { get; private set; }

    [BindProperty]
    public StepForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CaseTrigger trigger, long version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Enum.IsDefined(trigger))
        {
            ModelState.AddModelError("", localizer["Sup.Error.UnknownStep"].Value);
            return Page();
        }

        PenaltyMeasures? measures = null;
        if (trigger is CaseTrigger.Notify or CaseTrigger.Decide)
        {
            measures = ParseMeasures();
            if (measures is null)
            {
                return Page();
            }
        }

        var result = await cases.StepAsync(Item, trigger, new CaseStepInput(measures, Input.Days, Input.ApprovedBy, Input.Note, Input.HearingWaived), version, cancellationToken);
        if (!result.Succeeded)
        {
            cases.Forget();
            await LoadAsync(id, cancellationToken);
            ModelState.AddResult(result, localizer, "Input.");
            return Page();
        }

        return Redirect(SupervisionLinks.AdminCase(id));
    }

    public async Task<IActionResult> OnPostWaiveAsync(int id, long version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await cases.WaiveHearingAsync(Item, version, cancellationToken);
        if (!result.Succeeded)
        {
            cases.Forget();
            await LoadAsync(id, cancellationToken);
            ModelState.AddResult(result, localizer, "Input.");
            return Page();
        }

        return Redirect(SupervisionLinks.AdminCase(id));
    }

    private PenaltyMeasures? ParseMeasures()
    {
        var measures = new PenaltyMeasures
        {
            Warning = Input.Warning,
            ConfiscatedProperty = string.IsNullOrWhiteSpace(Input.ConfiscatedProperty) ? null : Input.ConfiscatedProperty.Trim(),
            SuspensionMonths = Input.SuspensionMonths ?? 0,
            RevokeRegistration = Input.RevokeRegistration,
        };
        var ok = true;
        foreach (var (field, label, text, set) in new (string, string, string?, Action<long>)[]
        {
            ("Fine", "Sup.Field.Fine", Input.Fine, v => measures.FineFen = v),
            ("ConfiscatedIncome", "Sup.Field.ConfiscatedIncome", Input.ConfiscatedIncome, v => measures.ConfiscatedIncomeFen = v),
            ("ConfiscatedPropertyValue", "Sup.Field.ConfiscatedPropertyValue", Input.ConfiscatedPropertyValue, v => measures.ConfiscatedPropertyFen = v),
        })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!money.TryParse(text, CaseService.MoneyFieldName, out var amount, out var error) || amount.Fen < 0)
            {
                ModelState.AddModelError("Input." + field, localizer.Describe(error ?? Money.ErrorRange, [label]));
                ok = false;
                continue;
            }

            set(amount.Fen);
        }

        return ok ? measures : null;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await cases.FindAsync(id, cancellationToken) is not { } found)
        {
            return false;
        }

        Item = found;
        Deadlines = await cases.DeadlinesAsync(found, cancellationToken);
        HearingApplies = PenaltyRules.QualifiesForHearing(found.Proposed, options);
        return true;
    }

    public sealed class StepForm
    {
        public bool Warning { get; set; }

        public string? Fine { get; set; }

        public string? ConfiscatedIncome { get; set; }

        public string? ConfiscatedProperty { get; set; }

        public string? ConfiscatedPropertyValue { get; set; }

        public int? SuspensionMonths { get; set; }

        public bool RevokeRegistration { get; set; }

        public int? Days { get; set; }

        public string? ApprovedBy { get; set; }

        public string? Note { get; set; }

        public bool HearingWaived { get; set; }
    }
}
