using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Settings;
using Registry.Supervision.Domain;
using Registry.Supervision.Services;

namespace Registry.Supervision.Areas.Supervision.Pages;

/// <summary>
/// The printable decision (行政处罚决定书, 行政处罚法 第五十九条): public once decided (行政处罚信息公示, 第四十八条); 404 before.
/// Until the documents module renders numbered PDFs this page is the document.
/// </summary>
[AllowAnonymous]
public sealed class DecisionModel(CaseService cases, ISettings settings) : PageModel
{
    public PenaltyCase Item { get; private set; } = null!;

    public string Bureau { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await cases.FindAsync(id, cancellationToken) is not { IsPenalty: true } decided)
        {
            return NotFound();
        }

        Item = decided;
        Bureau = await settings.GetAsync("Bureau.Name", cancellationToken) ?? "";
        return Page();
    }
}
