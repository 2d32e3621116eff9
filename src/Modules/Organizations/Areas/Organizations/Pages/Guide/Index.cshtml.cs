using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Guide;

/// <summary>办事指南: one card per procedure, generated from the configured kinds.</summary>
[AllowAnonymous]
public sealed class IndexModel(IRegistrationRulesProvider rules) : PageModel
{
    public IReadOnlyList<KindDefinition> Kinds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Kinds = [.. Enum.GetValues<ApplicationKind>().Select((await rules.GetAsync(cancellationToken)).Kind)];
}
