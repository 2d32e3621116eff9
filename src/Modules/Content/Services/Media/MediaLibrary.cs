using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Registry.Content.Contracts;
using Registry.Content.Domain;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Files;
using Registry.Core.Forms;
using Registry.Core.Security;

namespace Registry.Content.Services.Media;

/// <summary>Public addresses of media files; content bodies hold these, so "where used" searches for <see cref="ReferencePrefix"/>.</summary>
public static class MediaUrls
{
    public static string File(long id, string name) => $"/media/{id.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(name)}";

    public static string Rendition(long id, int width, string name) =>
        $"/media/{id.ToString(CultureInfo.InvariantCulture)}/w{width.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(name)}";

    /// <summary>
    /// What every address of the file (original and renditions, under any earlier name) starts with; the trailing slash
    /// keeps <c>/media/1/</c> from matching <c>/media/12/</c>. This is what <see cref="IMediaReferences.FindAsync"/> receives.
    /// </summary>
    /// <summary>The smallest rendition for a thumbnail (the original when the image is small).</summary>
    public static string Thumbnail(MediaFile media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return media.Renditions.OrderBy(r => r.Width).FirstOrDefault() is { } smallest
            ? Rendition(media.Id, smallest.Width, media.Name)
            : File(media.Id, media.Name);
    }

    public static string ReferencePrefix(long id) => $"/media/{id.ToString(CultureInfo.InvariantCulture)}/";
}

/// <summary>What an upload carries besides the bytes.</summary>
public sealed record MediaUpload(int? FolderId, string FileName, string? AltText, string? Caption);

/// <summary>What an editor changes on a file: rename, move, alt text, caption.</summary>
public sealed record MediaChanges(string Name, int? FolderId, string? AltText, string? Caption);

/// <summary>Outcome of an upload: the new file, or why it was refused.</summary>
public sealed record MediaUploadResult(MediaFile? File, OperationResult Result);

/// <summary>
/// The media library: uploads through Core's file store (type by content, size limit, outside wwwroot), image checks and
/// renditions, rename/move, folders, "where used" and guarded deletion. Every change is audited.
/// </summary>
public sealed class MediaLibrary(
    DbContext db,
    IFileStore files,
    IOptions<FileStoreOptions> fileOptions,
    IOptions<MediaOptions> options,
    IEnumerable<IMediaReferences> references,
    IAuditTrail audit,
    ICurrentActor actor,
    TimeProvider clock)
{
    public const string AuditEntity = "MediaFile";
    public const string FolderAuditEntity = "MediaFolder";

    public Task<MediaFile?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.Set<MediaFile>().Include(m => m.Renditions).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    public Task<MediaFolder?> FindFolderAsync(int id, CancellationToken cancellationToken) =>
        db.Set<MediaFolder>().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);

    /// <summary>All folders, for pickers and breadcrumbs (a bureau has tens, not thousands).</summary>
    public async Task<IReadOnlyList<MediaFolder>> FoldersAsync(CancellationToken cancellationToken) =>
        await db.Set<MediaFolder>().AsNoTracking().OrderBy(f => f.Name).ToListAsync(cancellationToken);

    /// <summary>
    /// Checks and stores one file. Images need alt text and a size Skia can read within <see cref="MediaOptions.MaxImagePixels"/>;
    /// their renditions are made here, once. A refused upload stores nothing.
    /// </summary>
    public async Task<MediaUploadResult> UploadAsync(Stream content, MediaUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(upload);
        var fileName = CleanName(Path.GetFileName(upload.FileName ?? ""));
        var errors = new List<FormError>();
        if (upload.FolderId is { } folderId && !await db.Set<MediaFolder>().AnyAsync(f => f.Id == folderId, cancellationToken))
        {
            errors.Add(new FormError("FolderId", "Content.Media.Error.NoSuchFolder"));
        }

        CheckTexts(upload.AltText, upload.Caption, errors);
        if (fileName.Length == 0 || fileName.Length > MediaFile.MaxName)
        {
            errors.Add(new FormError("File", "Content.Media.Error.BadName", MediaFile.MaxName));
        }

        if (errors.Count > 0)
        {
            return new MediaUploadResult(null, new OperationResult(errors));
        }

        // Images are inspected before anything is stored: read into memory up to the store's limit (20 MiB by default).
        var bytes = await ReadLimitedAsync(content, fileOptions.Value.MaxBytes, cancellationToken);
        if (bytes is null)
        {
            return Refused("Files.TooLarge", fileName);
        }

        var kind = FileSignature.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, FileSignature.HeaderLength)));
        ImageProbe? probe = null;
        if (kind is FileKind.Jpeg or FileKind.Png && FileSignature.ExtensionMatches(kind.Value, Path.GetExtension(fileName)))
        {
            if (string.IsNullOrWhiteSpace(upload.AltText))
            {
                return new MediaUploadResult(null, OperationResult.Fail("AltText", "Content.Media.Error.AltRequired"));
            }

            probe = MediaImages.Probe(bytes, options.Value.MaxImagePixels);
            switch (probe.Status)
            {
                case ImageProbeStatus.Unreadable:
                    return Refused("Content.Media.Error.Unreadable", fileName);
                case ImageProbeStatus.TooManyPixels:
                    return new MediaUploadResult(null, OperationResult.Fail(
                        "File", "Content.Media.Error.TooManyPixels", fileName, probe.Width, probe.Height, options.Value.MaxImagePixels / 1_000_000));
                default:
                    break;
            }
        }

        using var buffer = new MemoryStream(bytes, writable: false);
        var stored = await files.SaveAsync(buffer, fileName, cancellationToken);
        if (!stored.Succeeded)
        {
            return Refused(stored.ErrorKey!, fileName);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var media = new MediaFile
        {
            FolderId = upload.FolderId,
            FileId = stored.File!.Id,
            Name = fileName,
            Kind = stored.File.Kind,
            ContentType = stored.File.ContentType,
            Size = stored.File.Size,
            Width = probe?.Width,
            Height = probe?.Height,
            AltText = Trimmed(upload.AltText),
            Caption = Trimmed(upload.Caption),
            UploadedAt = now,
            UploadedBy = actor.Name,
        };

        if (probe is { Status: ImageProbeStatus.Ok })
        {
            foreach (var width in options.Value.RenditionWidths.Where(w => w > 0 && w < probe.Width).Distinct().Order())
            {
                var rendered = MediaImages.Render(bytes, width, options.Value.JpegQuality);
                if (rendered is null)
                {
                    return Refused("Content.Media.Error.Unreadable", fileName);
                }

                using var renditionContent = new MemoryStream(rendered.Bytes, writable: false);
                var renditionName = $"{Path.GetFileNameWithoutExtension(fileName)}-{width.ToString(CultureInfo.InvariantCulture)}{rendered.Extension}";
                var renditionFile = await files.SaveAsync(renditionContent, renditionName, cancellationToken);
                if (!renditionFile.Succeeded)
                {
                    return Refused(renditionFile.ErrorKey!, fileName);
                }

                media.Renditions.Add(new MediaRendition
                {
                    Width = rendered.Width,
                    Height = rendered.Height,
                    FileId = renditionFile.File!.Id,
                    ContentType = renditionFile.File.ContentType,
                    Size = renditionFile.File.Size,
                });
            }
        }

        db.Set<MediaFile>().Add(media);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("media.uploaded", AuditEntity, Id(media), $"{media.Name} ({media.ContentType}, {media.Size} B{(media.Width is { } w ? $", {w}×{media.Height}" : "")})");
        await db.SaveChangesAsync(cancellationToken);
        return new MediaUploadResult(media, OperationResult.Ok);
    }

    /// <summary>Renames (keeping the extension the type was checked against), moves, and edits alt text and caption.</summary>
    public async Task<OperationResult> UpdateAsync(MediaFile media, MediaChanges changes, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(changes);
        var errors = new List<FormError>();
        var name = CleanName(changes.Name ?? "");
        var extension = Path.GetExtension(media.Name);
        if (!name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
        {
            name += extension;
        }

        if (name.Length == extension.Length || name.Length > MediaFile.MaxName)
        {
            errors.Add(new FormError("Name", "Content.Media.Error.BadName", MediaFile.MaxName));
        }

        if (changes.FolderId is { } folderId && !await db.Set<MediaFolder>().AnyAsync(f => f.Id == folderId, cancellationToken))
        {
            errors.Add(new FormError("FolderId", "Content.Media.Error.NoSuchFolder"));
        }

        CheckTexts(changes.AltText, changes.Caption, errors);
        if (media.IsImage && string.IsNullOrWhiteSpace(changes.AltText))
        {
            errors.Add(new FormError("AltText", "Content.Media.Error.AltRequired"));
        }

        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var described = new List<string>();
        if (name != media.Name)
        {
            described.Add($"{media.Name} → {name}");
        }

        if (changes.FolderId != media.FolderId)
        {
            described.Add($"folder {media.FolderId?.ToString(CultureInfo.InvariantCulture) ?? "/"} → {changes.FolderId?.ToString(CultureInfo.InvariantCulture) ?? "/"}");
        }

        if (Trimmed(changes.AltText) != media.AltText)
        {
            described.Add("alt");
        }

        if (Trimmed(changes.Caption) != media.Caption)
        {
            described.Add("caption");
        }

        if (described.Count == 0)
        {
            return media.Version == seenVersion ? OperationResult.Ok : OperationResult.Stale;
        }

        db.ExpectVersion(media, seenVersion);
        media.Name = name;
        media.FolderId = changes.FolderId;
        media.AltText = Trimmed(changes.AltText);
        media.Caption = Trimmed(changes.Caption);
        audit.Record("media.updated", AuditEntity, Id(media), $"{media.Name}: {string.Join(", ", described)}");
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>The content items whose text points at the file (any of its addresses), from every registered <see cref="IMediaReferences"/>.</summary>
    public async Task<IReadOnlyList<MediaReference>> FindUsesAsync(long mediaId, CancellationToken cancellationToken)
    {
        var prefix = MediaUrls.ReferencePrefix(mediaId);
        var found = new List<MediaReference>();
        foreach (var source in references)
        {
            found.AddRange(await source.FindAsync(prefix, cancellationToken));
        }

        return [.. found.DistinctBy(r => (r.ItemId, r.EditUrl)).OrderBy(r => r.Title, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Deletes the file from the library. A file still used by content is deleted only when <paramref name="confirmInUse"/>
    /// says the editor saw its uses (its addresses then answer 404 in those pages). The stored bytes stay in Core's
    /// content-addressed store, which other records may share.
    /// </summary>
    public async Task<OperationResult> DeleteAsync(MediaFile media, long seenVersion, bool confirmInUse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        var uses = await FindUsesAsync(media.Id, cancellationToken);
        if (uses.Count > 0 && !confirmInUse)
        {
            return OperationResult.Fail("ConfirmInUse", "Content.Media.Error.InUse", uses.Count);
        }

        db.ExpectVersion(media, seenVersion);
        db.Set<MediaFile>().Remove(media);
        audit.Record("media.deleted", AuditEntity, Id(media), uses.Count == 0
            ? media.Name
            : $"{media.Name}; in use by {string.Join(", ", uses.Select(u => u.ItemId.ToString(CultureInfo.InvariantCulture)))}");
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    public async Task<(MediaFolder? Folder, OperationResult Result)> CreateFolderAsync(int? parentId, string name, CancellationToken cancellationToken)
    {
        var errors = await CheckFolderAsync(null, parentId, name, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, new OperationResult(errors));
        }

        var folder = new MediaFolder { ParentId = parentId, Name = name.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Set<MediaFolder>().Add(folder);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("media.folder.created", FolderAuditEntity, folder.Id.ToString(CultureInfo.InvariantCulture), folder.Name);
        await db.SaveChangesAsync(cancellationToken);
        return (folder, OperationResult.Ok);
    }

    public async Task<OperationResult> RenameFolderAsync(MediaFolder folder, string name, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var errors = await CheckFolderAsync(folder.Id, folder.ParentId, name, cancellationToken);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        db.ExpectVersion(folder, seenVersion);
        audit.Record("media.folder.renamed", FolderAuditEntity, folder.Id.ToString(CultureInfo.InvariantCulture), $"{folder.Name} → {name.Trim()}");
        folder.Name = name.Trim();
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Only an empty folder can go: files are moved or deleted one by one, where their uses are shown.</summary>
    public async Task<OperationResult> DeleteFolderAsync(MediaFolder folder, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (await db.Set<MediaFile>().AnyAsync(m => m.FolderId == folder.Id, cancellationToken)
            || await db.Set<MediaFolder>().AnyAsync(f => f.ParentId == folder.Id, cancellationToken))
        {
            return OperationResult.Fail("", "Content.Media.Error.FolderNotEmpty", folder.Name);
        }

        db.ExpectVersion(folder, seenVersion);
        db.Set<MediaFolder>().Remove(folder);
        audit.Record("media.folder.deleted", FolderAuditEntity, folder.Id.ToString(CultureInfo.InvariantCulture), folder.Name);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    private async Task<List<FormError>> CheckFolderAsync(int? id, int? parentId, string name, CancellationToken cancellationToken)
    {
        var errors = new List<FormError>();
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Length > MediaFolder.MaxName || trimmed.IndexOfAny(['/', '\\']) >= 0 || trimmed.Any(char.IsControl))
        {
            errors.Add(new FormError("Name", "Content.Media.Error.BadFolderName", MediaFolder.MaxName));
            return errors;
        }

        if (parentId is { } parent && !await db.Set<MediaFolder>().AnyAsync(f => f.Id == parent, cancellationToken))
        {
            errors.Add(new FormError("ParentId", "Content.Media.Error.NoSuchFolder"));
        }
        else if (await db.Set<MediaFolder>().AnyAsync(f => f.ParentId == parentId && f.Name == trimmed && f.Id != id, cancellationToken))
        {
            errors.Add(new FormError("Name", "Content.Media.Error.FolderExists", trimmed));
        }

        return errors;
    }

    private static void CheckTexts(string? alt, string? caption, List<FormError> errors)
    {
        if (alt?.Trim().Length > MediaFile.MaxAlt)
        {
            errors.Add(new FormError("AltText", "Validation.MaxLength", "Content.Media.Field.AltText", MediaFile.MaxAlt));
        }

        if (caption?.Trim().Length > MediaFile.MaxCaption)
        {
            errors.Add(new FormError("Caption", "Validation.MaxLength", "Content.Media.Field.Caption", MediaFile.MaxCaption));
        }
    }

    /// <summary>A name fit for an address and a download: no folders, no control characters, trimmed.</summary>
    internal static string CleanName(string name) =>
        new string([.. name.Where(c => !char.IsControl(c) && c is not ('/' or '\\' or '"'))]).Trim();

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A refusal after the store accepted some bytes: their rows, still unsaved, are dropped so nothing is recorded.</summary>
    private MediaUploadResult Refused(string reasonKey, string fileName)
    {
        foreach (var entry in db.ChangeTracker.Entries<StoredFile>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }

        return new(null, OperationResult.Fail("File", "Content.Media.Error.UploadRefused", fileName, reasonKey));
    }

    private static string Id(MediaFile media) => media.Id.ToString(CultureInfo.InvariantCulture);

    private static async Task<byte[]?> ReadLimitedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
