using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Modularity;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Areas.Organizations.Pages;

/// <summary>The public page of an organization on the register: its particulars and every recorded change.</summary>
[AllowAnonymous]
public sealed class OrgModel(DbContext db, Registry.Core.Modularity.PublicUrls urls, IEnumerable<Contracts.IOrganizationPageSection> sections) : PageModel
{
    /// <summary>Recorded in revisions but not public: contact details are for the bureau only.</summary>
    private static readonly HashSet<string> PrivateFields = new(StringComparer.Ordinal) { "ContactName", "ContactPhone", "ContactEmail" };

    public Organization Organization { get; private set; } = null!;

    public IReadOnlyList<RevisionView> Revisions { get; private set; } = [];

    /// <summary>This page's absolute address, as encoded in the QR code.</summary>
    public string PageUrl { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    /// <summary>What other modules show about this organization (partial view path and its model).</summary>
    public IReadOnlyList<(string PartialPath, object Model)> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Set<Organization>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } organization)
        {
            return NotFound();
        }

        Organization = organization;
        var revisions = await db.Set<OrganizationRevision>().AsNoTracking()
            .Where(r => r.OrganizationId == id)
            .OrderByDescending(r => r.Number)
            .ToListAsync(cancellationToken);
        Revisions = [.. revisions.Select(r => new RevisionView(r.Number, r.ChangedAt, r.Cause, [.. ReadChanges(r.Changes).Where(c => !PrivateFields.Contains(c.Field))]))];
        PageUrl = urls.Absolute(Request, $"/Organizations/Org/{id}");
        QrSvg = QrCodes.Svg(PageUrl);
        var contributed = new List<(string, object)>();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            if (await section.LoadAsync(id, cancellationToken) is { } model)
            {
                contributed.Add((section.PartialPath, model));
            }
        }

        Sections = contributed;
        return Page();
    }

    private static List<FieldChange> ReadChanges(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<FieldChange>>(json) ?? [];
        }
        catch (JsonException)
        {
            // A damaged history entry still shows its date and cause.
            return [];
        }
    }
}

/// <summary>One revision of a register record as the public sees it.</summary>
public sealed record RevisionView(int Number, DateTime ChangedAt, string Cause, IReadOnlyList<FieldChange> Changes);
