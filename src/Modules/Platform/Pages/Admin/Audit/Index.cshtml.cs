using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core;
using Registry.Core.Auditing;
using Registry.Core.Modularity;
using Registry.Core.Security;

namespace Registry.Platform.Pages.Admin.Audit;

/// <summary>
/// The audit trail, newest first (entries not yet sealed show no number), a check of the whole hash chain (optionally
/// against a head statement kept outside the database), and the download of a signed statement of the current head.
/// </summary>
[Permission(CorePermissions.ViewAudit)]
public sealed class IndexModel(DbContext db, AuditKey key, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public AuditVerification? Verification { get; private set; }

    public Task OnGetAsync(int p = 1, CancellationToken cancellationToken = default) => LoadAsync(p, cancellationToken);

    /// <summary>A statement of an earlier head (the JSON downloaded here), pasted or uploaded; optional.</summary>
    [BindProperty]
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Admin.Audit.Statement")]
    public string? Statement { get; set; }

    [BindProperty]
    public IFormFile? StatementFile { get; set; }

    public AuditHeadStatement? CheckedStatement { get; private set; }

    public async Task OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        var text = Statement;
        if (StatementFile is { Length: > 0 and <= 4000 })
        {
            using var reader = new StreamReader(StatementFile.OpenReadStream());
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        if (ModelState.IsValid && !string.IsNullOrWhiteSpace(text) && AuditHeadStatement.Parse(text) is null)
        {
            ModelState.AddModelError(nameof(Statement), localizer["Admin.Audit.StatementUnreadable"]);
        }

        if (ModelState.IsValid)
        {
            CheckedStatement = AuditHeadStatement.Parse(text);
            // Verify before sealing: a broken chain is reported as found, not extended.
            Verification = await AuditChain.VerifyAsync(db, key, cancellationToken, CheckedStatement);
            if (Verification.IsIntact)
            {
                await AuditChain.SealPendingAsync(db, key, cancellationToken);
                Verification = await AuditChain.VerifyAsync(db, key, cancellationToken, CheckedStatement);
            }
        }

        await LoadAsync(1, cancellationToken);
    }

    /// <summary>The current head, signed with the chain key, as a file to keep outside the database.</summary>
    public async Task<IActionResult> OnGetStatementAsync(CancellationToken cancellationToken)
    {
        var statement = await AuditChain.StateHeadAsync(db, key, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return File(System.Text.Encoding.UTF8.GetBytes(statement.ToJson()), "application/json", $"audit-head-{statement.Sequence}-{statement.IssuedAt:yyyyMMddHHmmss}.json");
    }

    private async Task LoadAsync(int p, CancellationToken cancellationToken)
    {
        var total = await db.Set<AuditEntry>().CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        Entries = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Paging = new PageInfo(page, PageSize, total, n => $"?p={n}");
    }
}
