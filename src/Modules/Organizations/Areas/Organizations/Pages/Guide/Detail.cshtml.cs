using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Guide;

/// <summary>
/// The guide of one procedure, built from the same configuration the form and the validator use
/// (document checklist, periods, thresholds), so it cannot drift from what is actually required.
/// </summary>
[AllowAnonymous]
public sealed class DetailModel(IRegistrationRulesProvider rulesProvider, IStringLocalizer localizer) : PageModel
{
    public KindDefinition Definition { get; private set; } = null!;

    public IReadOnlyList<string> Conditions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ApplicationKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return NotFound();
        }

        var rules = await rulesProvider.GetAsync(cancellationToken);
        Definition = rules.Kind(parsed);
        Conditions = parsed switch
        {
            ApplicationKind.Establishment =>
            [
                localizer["Org.Guide.Condition.Members", rules.MinIndividualMembers, rules.MinUnitMembers],
                .. rules.MinActivityFundsFen.Select(p => localizer["Org.Guide.Condition.Funds", localizer[$"Org.Type.{p.Key}"], new Money(p.Value).Format()].Value),
                localizer["Org.Guide.Condition.ApprovedName", rules.NameReservationMonths],
            ],
            ApplicationKind.NameApproval => [localizer["Org.Guide.Condition.UniqueName"], localizer["Org.Guide.Condition.Reservation", rules.NameReservationMonths]],
            ApplicationKind.CommunityFiling => [localizer["Org.Guide.Condition.Community", rules.CommunityMinMembers, rules.CommunityMinStaff]],
            ApplicationKind.Change => [localizer["Org.Guide.Condition.ChangeWithin30"]],
            _ => [localizer["Org.Guide.Condition.Liquidation"]],
        };
        return Page();
    }
}
