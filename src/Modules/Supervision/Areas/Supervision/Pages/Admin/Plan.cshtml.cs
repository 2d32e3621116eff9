using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Calendar;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Supervision.Contracts;
using Registry.Supervision.Domain;
using Registry.Supervision.Services;

namespace Registry.Supervision.Areas.Supervision.Pages.Admin;

/// <summary>One plan: commit (population frozen, seed committed), draw, then each check's result and its publication.</summary>
[Permission(SupervisionPermissions.ManagePlans)]
public sealed class PlanModel(PlanService plans, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    public InspectionPlan Item { get; private set; } = null!;

    public IReadOnlyDictionary<int, DueDate> PublishDue { get; private set; } = new Dictionary<int, DueDate>();

    /// <summary>Today in China: a result still unpublished after its due day is marked overdue.</summary>
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostCommitAsync(int id, long version, CancellationToken cancellationToken) =>
        ActAsync(id, () => plans.CommitAsync(Item, version, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDrawAsync(int id, long version, CancellationToken cancellationToken) =>
        ActAsync(id, () => plans.DrawAsync(Item, version, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostResultAsync(int id, int checkId, string? items, string? findings, CheckResult result, long version, CancellationToken cancellationToken) =>
        ActAsync(id, () => Item.Checks.SingleOrDefault(c => c.Id == checkId) is { } check
            ? plans.RecordResultAsync(check, items, findings, result, version, cancellationToken)
            : Task.FromResult(OperationResult.Fail("", "Sup.Error.UnknownCheck")), cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int id, int checkId, long version, CancellationToken cancellationToken) =>
        ActAsync(id, () => Item.Checks.SingleOrDefault(c => c.Id == checkId) is { } check
            ? plans.PublishAsync(check, version, cancellationToken)
            : Task.FromResult(OperationResult.Fail("", "Sup.Error.UnknownCheck")), cancellationToken);

    private Task<IActionResult> ActAsync(int id, Func<Task<OperationResult>> action, CancellationToken cancellationToken) =>
        this.StepAsync(async () => await LoadAsync(id, cancellationToken) ? Item : null, _ => action(), localizer,
            new StepOutcome(null, () => Redirect(SupervisionLinks.AdminPlan(id))), () => LoadAsync(id, cancellationToken));

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await plans.FindAsync(id, cancellationToken) is not { } found)
        {
            return false;
        }

        Item = found;
        Today = Registry.Core.Localization.ChinaTime.Today(clock);
        var calendar = await plans.CalendarAsync(cancellationToken);
        PublishDue = found.Checks.Where(c => c.ResultOn is not null).ToDictionary(c => c.Id, c => calendar.DueAfter(c.ResultOn!.Value, plans.PublishWorkingDays));
        return true;
    }
}
