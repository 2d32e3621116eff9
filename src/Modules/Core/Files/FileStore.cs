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

    Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken);

    Stream OpenRead(StoredFile file);
}

internal sealed class FileStore(DbContext db, IOptions<FileStoreOptions> options, IHostEnvironment environment, ICurrentActor actor, TimeProvider clock) : IFileStore
{
    private string Root => Path.Combine(environment.ContentRootPath, options.Value.Root);

    public async Task<FileUploadResult> SaveAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
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

            var path = PathFor(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path))
            {
                File.Move(temp, path);
            }

            var stored = new StoredFile
            {
                Id = Guid.NewGuid(),
                Sha256 = sha,
                FileName = Path.GetFileName(fileName),
                ContentType = FileSignature.ContentType(kind, extension),
                Kind = kind,
                Size = size,
                OwnerUserId = actor.UserId,
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

    private string PathFor(string sha) => Path.Combine(Root, sha[..2], sha);
}
