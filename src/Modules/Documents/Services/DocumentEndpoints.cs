using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Registry.Documents.Domain;

namespace Registry.Documents.Services;

/// <summary>Download of an issued PDF: staff with <see cref="DocumentsPermissions.ViewAll"/>, the organization's members or the addressee; anyone else 404.</summary>
internal static class DocumentEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/Documents/File/{id:int}", DownloadAsync).RequireAuthorization();

    private static async Task<IResult> DownloadAsync(int id, HttpContext context, DbContext db, DocumentService documents, CancellationToken cancellationToken)
    {
        var document = await db.Set<IssuedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null || !await documents.CanReadAsync(context.User, document, cancellationToken)
            || await documents.ReadAsync(document, cancellationToken) is not { } bytes)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(bytes, "application/pdf", $"{document.Number}.pdf");
    }
}
