using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;
using Registry.Documents.Domain;

namespace Registry.Documents.Areas.Documents.Pages.Admin;

/// <summary>Every issued document, newest first, filtered by kind, year and number/holder text.</summary>
[Permission(DocumentsPermissions.ViewAll)]
public sealed class IndexModel(DbContext db) : PageModel
{
    public const int PageSize = 200;

    public IReadOnlyList<IssuedDocument> Documents { get; private set; } = [];

    public int Total { get; private set; }

    public DocumentKind? Kind { get; private set; }

    public int? Year { get; private set; }

    public string? Query { get; private set; }

    public async Task OnGetAsync(string? kind, string? year, string? q, CancellationToken cancellationToken)
    {
        var query = db.Set<IssuedDocument>().AsNoTracking();
        if (Enum.TryParse<DocumentKind>(kind, out var k) && Enum.IsDefined(k))
        {
            Kind = k;
            query = query.Where(d => d.Kind == k);
        }

        if (int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2099)
        {
            Year = y;
            query = query.Where(d => d.Year == y);
        }

        if (!string.IsNullOrWhiteSpace(q) && q.Trim().Length <= 100)
        {
            Query = q.Trim();
            query = query.Where(d => d.Number.Contains(Query) || d.HolderName.Contains(Query));
        }

        Total = await query.CountAsync(cancellationToken);
        Documents = await query.OrderByDescending(d => d.IssuedAt).ThenByDescending(d => d.Id).Take(PageSize).ToListAsync(cancellationToken);
    }
}
