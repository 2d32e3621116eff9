namespace Registry.Core.Files;

/// <summary>Metadata of an uploaded file; the bytes live outside wwwroot under their SHA-256.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }

    public string Sha256 { get; set; } = "";

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public FileKind Kind { get; set; }

    public long Size { get; set; }

    public string? OwnerUserId { get; set; }

    /// <summary>The organization whose storage quota the file counts against; null for staff uploads and for applicants' uploads before an organization exists (those count against the uploading account).</summary>
    public int? OrganizationId { get; set; }

    public DateTime UploadedAt { get; set; }
}

/// <summary>Upload limits.</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Registry:Files";

    public string Root { get; set; } = "App_Data/files";

    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Bytes an organization's (or a not-yet-registered applicant's) uploads may take in all; replaced attachments are removed and no longer count.</summary>
    public long QuotaBytesPerOrganization { get; set; } = 1024L * 1024 * 1024;
}

/// <summary>Outcome of an upload: the stored file, or a localization key saying why it was refused.</summary>
public sealed record FileUploadResult(StoredFile? File, string? ErrorKey)
{
    public bool Succeeded => File is not null;
}

/// <summary>
/// Lets a module grant access to files attached to its records (e.g. an applicant to their own application's documents).
/// The uploader and holders of <c>Core.Files.ReadAll</c> always have access.
/// </summary>
public interface IFileAccessRule
{
    Task<bool> CanReadAsync(System.Security.Claims.ClaimsPrincipal user, StoredFile file, CancellationToken cancellationToken);
}
