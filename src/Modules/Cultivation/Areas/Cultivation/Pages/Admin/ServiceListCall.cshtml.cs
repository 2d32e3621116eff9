using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;
using Registry.Notices.Contracts;

namespace Registry.Cultivation.Areas.Cultivation.Pages.Admin;

/// <summary>One call: its applications with their eligibility, the officers' decisions, 公示 and announcement.</summary>
[Permission(CultivationPermissions.ManageServiceList)]
public sealed class ServiceListCallModel(ServiceListService service, INoticePublisher notices, ServiceListOptions options, IStringLocalizer localizer) : PageModel
{
    public ServiceListCall Call { get; private set; } = null!;

    public IReadOnlyDictionary<int, IReadOnlyList<FormError>> Ineligible { get; private set; } = new Dictionary<int, IReadOnlyList<FormError>>();

    public NoticeSummary? Publicity { get; private set; }

    [BindProperty]
    public DateOnly? PublicityEnd { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        PublicityEnd = service.Today.AddDays(options.PublicityDays);
        return Page();
    }

    public Task<IActionResult> OnPostStepAsync(int id, CallTrigger trigger, CancellationToken cancellationToken) =>
        ActAsync(id, call => service.StepAsync(call, trigger, PublicityEnd, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDecideAsync(int id, int applicationId, ServiceApplicationTrigger trigger, CancellationToken cancellationToken) =>
        ActAsync(id, call => service.DecideAsync(call, applicationId, trigger, Note, cancellationToken), cancellationToken);

    private Task<IActionResult> ActAsync(int id, Func<ServiceListCall, Task<OperationResult>> action, CancellationToken cancellationToken) =>
        this.StepAsync(() => service.FindCallAsync(id, cancellationToken), action, localizer,
            new StepOutcome("Cult.List.Done", () => Redirect(CultivationLinks.AdminServiceListCall(id))), () => LoadAsync(id, cancellationToken));

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await service.FindCallAsync(id, cancellationToken) is not { } call)
        {
            return false;
        }

        Call = call;
        var ineligible = new Dictionary<int, IReadOnlyList<FormError>>();
        foreach (var application in call.Applications.Where(a => a.State == ServiceApplicationState.Submitted))
        {
            ineligible[application.Id] = ServiceListRules.Eligibility(call, await service.FactsAsync(call, application.OrganizationId, cancellationToken));
        }

        Ineligible = ineligible;
        Publicity = call.PublicityNoticeId is null ? null : await notices.FindBySourceAsync(nameof(Cultivation), ServiceListService.PublicityKey(call.Year), cancellationToken);
        return true;
    }
}
