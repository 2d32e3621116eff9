using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Registry.Content.Domain;
using Registry.Core.Files;

namespace Registry.Content.Services.Media;

/// <summary>
/// Public addresses of the media library: <c>/media/{id}/{name}</c> (the original) and <c>/media/{id}/w{width}/{name}</c>
/// (a rendition). Anonymous: the library holds what the public site shows. The name in the address is decorative (a
/// renamed file still answers at its old address, so pages written before the rename keep working).
/// </summary>
internal static class MediaEndpoints
{
    /// <summary>A file's bytes never change under its id (a new upload is a new id), so browsers may keep it a day.</summary>
    public const string CacheControl = "public, max-age=86400";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/media/{id:long}/{name}", OriginalAsync).AllowAnonymous();
        endpoints.MapGet("/media/{id:long}/w{width:int}/{name}", RenditionAsync).AllowAnonymous();
    }

    private static async Task<IResult> OriginalAsync(long id, HttpContext context, DbContext db, IFileStore store, CancellationToken cancellationToken)
    {
        var media = await db.Set<MediaFile>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (media is null || await store.FindAsync(media.FileId, cancellationToken) is not { } file)
        {
            return Results.NotFound();
        }

        return Serve(context, store, file, media.Name, media.IsImage);
    }

    /// <summary>Only the configured widths exist, so addresses cannot ask for arbitrary resizing.</summary>
    private static async Task<IResult> RenditionAsync(long id, int width, HttpContext context, DbContext db, IFileStore store, Microsoft.Extensions.Options.IOptions<MediaOptions> options, CancellationToken cancellationToken)
    {
        var media = await db.Set<MediaFile>().AsNoTracking().Include(m => m.Renditions).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (media is null || !media.IsImage || !options.Value.RenditionWidths.Contains(width))
        {
            return Results.NotFound();
        }

        // No rendition: the image is no wider than asked (or predates this width), so the original fits.
        var rendition = media.Renditions.SingleOrDefault(r => r.Width == width);
        var fileId = rendition?.FileId ?? media.FileId;
        if (await store.FindAsync(fileId, cancellationToken) is not { } file)
        {
            return Results.NotFound();
        }

        return Serve(context, store, file, media.Name, isImage: true);
    }

    private static IResult Serve(HttpContext context, IFileStore store, StoredFile file, string name, bool isImage)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = CacheControl;
        var etag = new EntityTagHeaderValue($"\"{file.Sha256}\"");
        var modified = new DateTimeOffset(DateTime.SpecifyKind(file.UploadedAt, DateTimeKind.Utc));

        // Images show in pages; anything else (PDF, Office) downloads, so no document renders on this origin.
        return isImage
            ? Results.Stream(store.OpenRead(file), file.ContentType, lastModified: modified, entityTag: etag)
            : Results.Stream(store.OpenRead(file), file.ContentType, fileDownloadName: name, lastModified: modified, entityTag: etag);
    }
}
