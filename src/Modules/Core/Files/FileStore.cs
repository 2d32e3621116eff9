using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Registry.Core.Security;

namespace Registry.Core.Files;

/// <summary>Checked uploads and their bytes.</summary>
public interface IFileStore
{
    /// <summary>
    /// Checks size and content (magic bytes must match the extension), then stores the bytes and adds the metadata row
    /// to the context (saved with the caller's SaveChanges). A refused upload changes nothing.
    /// </summary>
    Task<FileUploadResult> SaveAsync(Stream content, string fileName, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="SaveAsync(Stream, string, CancellationToken)"/> for an applicant's upload, counted against the storage quota
    /// of <paramref name="organizationId"/> (or, before the organization exists, of the uploading account); refused with
    /// <c>Files.QuotaExceeded</c> when it would go over <see cref="FileStoreOptions.QuotaBytesPerOrganization"/>.
    /// </summary>
    Task<FileUploadResult> SaveForOrganizationAsync(Stream content, string fileName, int? organizationId, CancellationToken cancellationToken);

    /// <summary>
    /// Drops a file its record no longer refers to (a replaced attachment): the row goes with the caller's SaveChanges; call
    /// <see cref="PurgeReleasedAsync"/> after it to delete the bytes, which stay while another file has the same content.
    /// </summary>
    Task ReleaseAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>After the caller's save: deletes the bytes of released files that no stored file refers to any more.</summary>
    Task PurgeReleasedAsync(CancellationToken cancellationToken);

    Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken);

    Stream OpenRead(StoredFile file);
}

internal sealed class FileStore(DbContext db, IOptions<FileStoreOptions> options, IHostEnvironment environment, ICurrentActor actor, TimeProvider clock) : IFileStore
{
    private readonly HashSet<string> _released = [];

    private string Root => Path.Combine(environment.ContentRootPath, options.Value.Root);

    public Task<FileUploadResult> SaveAsync(Stream content, string fileName, CancellationToken cancellationToken) =>
        SaveAsync(content, fileName, quota: false, organizationId: null, cancellationToken);

    public Task<FileUploadResult> SaveForOrganizationAsync(Stream content, string fileName, int? organizationId, CancellationToken cancellationToken) =>
        SaveAsync(content, fileName, quota: true, organizationId, cancellationToken);

    public async Task ReleaseAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await db.Set<StoredFile>().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (file is not null)
        {
            db.Set<StoredFile>().Remove(file);
            _released.Add(file.Sha256);
        }
    }

    public async Task PurgeReleasedAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // Not committed yet (a recipe's unit of work): a rollback would bring the rows back without their bytes.
            // Leaving unreferenced bytes behind is harmless; losing referenced ones is not.
            _released.Clear();
            return;
        }

        foreach (var sha in _released.ToList())
        {
            _released.Remove(sha);
            // Content-addressed: the bytes are shared by every file with the same content, so they go with the last one.
            if (!await db.Set<StoredFile>().AnyAsync(f => f.Sha256 == sha, cancellationToken))
            {
                File.Delete(PathFor(sha));
            }
        }
    }

    private async Task<FileUploadResult> SaveAsync(Stream content, string fileName, bool quota, int? organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Forms.BidiControls.Contains(fileName))
        {
            return new FileUploadResult(null, Forms.BidiControls.FileNameErrorKey);
        }

        var extension = Path.GetExtension(fileName);
        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $"upload-{Guid.NewGuid():N}.tmp");
        try
        {
            long size;
            byte[] head;
            string sha;
            await using (var output = File.Create(temp))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                size = 0;
                head = [];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (head.Length < FileSignature.HeaderLength)
                    {
                        head = [.. head, .. buffer.AsSpan(0, Math.Min(read, FileSignature.HeaderLength - head.Length))];
                    }

                    size += read;
                    if (size > options.Value.MaxBytes)
                    {
                        return new FileUploadResult(null, "Files.TooLarge");
                    }

                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            if (size == 0)
            {
                return new FileUploadResult(null, "Files.Empty");
            }

            if (FileSignature.Detect(head) is not { } kind)
            {
                return new FileUploadResult(null, "Files.TypeNotAllowed");
            }

            if (!FileSignature.ExtensionMatches(kind, extension))
            {
                return new FileUploadResult(null, "Files.ExtensionMismatch");
            }

            if (quota && await UsedBytesAsync(organizationId, cancellationToken) + size > options.Value.QuotaBytesPerOrganization)
            {
                return new FileUploadResult(null, "Files.QuotaExceeded");
            }

            var path = PathFor(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Always (re)written: a purge of the same content racing this upload then loses at most what it checked.
            File.Move(temp, path, overwrite: true);

            // A released file with this content is kept: this upload refers to it again.
            _released.Remove(sha);

            var stored = new StoredFile
            {
                Id = Guid.NewGuid(),
                Sha256 = sha,
                FileName = Path.GetFileName(fileName),
                ContentType = FileSignature.ContentType(kind, extension),
                Kind = kind,
                Size = size,
                OwnerUserId = actor.UserId,
                OrganizationId = organizationId,
                UploadedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Set<StoredFile>().Add(stored);
            return new FileUploadResult(stored, null);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<StoredFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);

    public Stream OpenRead(StoredFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return File.OpenRead(PathFor(file.Sha256));
    }

    /// <summary>Bytes stored for the organization, or for the current account's uploads made before an organization exists; unsaved uploads included.</summary>
    private async Task<long> UsedBytesAsync(int? organizationId, CancellationToken cancellationToken)
    {
        var owner = actor.UserId;
        var query = organizationId is { } id
            ? db.Set<StoredFile>().Where(f => f.OrganizationId == id)
            : db.Set<StoredFile>().Where(f => f.OrganizationId == null && f.OwnerUserId == owner);
        var saved = await query.SumAsync(f => f.Size, cancellationToken);
        var pending = db.ChangeTracker.Entries<StoredFile>()
            .Where(e => e.State == EntityState.Added && e.Entity.OrganizationId == organizationId && (organizationId is not null || e.Entity.OwnerUserId == owner))
            .Sum(e => e.Entity.Size);
        return saved + pending;
    }

    private string PathFor(string sha) => Path.Combine(Root, sha[..2], sha);
}
