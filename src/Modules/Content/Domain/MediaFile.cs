using Registry.Core.Data;
using Registry.Core.Files;

namespace Registry.Content.Domain;

/// <summary>A folder of the media library; folders nest (a null parent is the library's root).</summary>
public sealed class MediaFolder : IVersioned
{
    public const int MaxName = 100;

    public int Id { get; set; }

    public int? ParentId { get; set; }

    public string Name { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// A file of the media library: its bytes are a <see cref="StoredFile"/> of Core's file store (outside wwwroot, type checked
/// by content); the library adds a display name, folder, alt text and caption. Everything in the library is meant for the
/// public site, so its public address answers anonymously.
/// </summary>
public sealed class MediaFile : IVersioned
{
    public const int MaxName = 200;
    public const int MaxAlt = 300;
    public const int MaxCaption = 1000;

    public long Id { get; set; }

    public int? FolderId { get; set; }

    /// <summary>The original's bytes in Core's file store.</summary>
    public Guid FileId { get; set; }

    /// <summary>Display and address name (with its extension, which never changes: the type was checked against it).</summary>
    public string Name { get; set; } = "";

    public FileKind Kind { get; set; }

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    /// <summary>Pixel size of an image (null for documents).</summary>
    public int? Width { get; set; }

    public int? Height { get; set; }

    /// <summary>Text alternative for screen readers (WCAG 1.1.1); required for images.</summary>
    public string? AltText { get; set; }

    public string? Caption { get; set; }

    public DateTime UploadedAt { get; set; }

    public string? UploadedBy { get; set; }

    public long Version { get; set; }

    public List<MediaRendition> Renditions { get; set; } = [];

    public bool IsImage => Kind is FileKind.Jpeg or FileKind.Png;
}

/// <summary>A resized copy of an image, made once at upload and stored in Core's file store.</summary>
public sealed class MediaRendition
{
    public long Id { get; set; }

    public long MediaFileId { get; set; }

    /// <summary>The rendition width asked for (one of the library's widths); the address uses it.</summary>
    public int Width { get; set; }

    /// <summary>The stored image's height in pixels (its width is <see cref="Width"/>).</summary>
    public int Height { get; set; }

    public Guid FileId { get; set; }

    public string ContentType { get; set; } = "";

    public long Size { get; set; }
}
