namespace Registry.Core.Files;

/// <summary>The file types the registry accepts, as recognized from their content.</summary>
public enum FileKind
{
    /// <summary>PDF document.</summary>
    Pdf,

    /// <summary>JPEG image.</summary>
    Jpeg,

    /// <summary>PNG image.</summary>
    Png,

    /// <summary>Office Open XML (docx, xlsx, pptx): a zip container.</summary>
    OfficeOpenXml,
}

/// <summary>
/// Recognizes an uploaded file's type by its leading bytes (magic numbers), never by its name, and checks that the
/// name's extension agrees.
/// </summary>
public static class FileSignature
{
    private static readonly (FileKind Kind, byte[] Magic)[] Signatures =
    [
        (FileKind.Pdf, "%PDF-"u8.ToArray()),
        (FileKind.Jpeg, [0xFF, 0xD8, 0xFF]),
        (FileKind.Png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        // A local file header; an OOXML file is a zip, so any zip passes here and deeper checks belong to the reader.
        (FileKind.OfficeOpenXml, [0x50, 0x4B, 0x03, 0x04]),
    ];

    /// <summary>How many leading bytes <see cref="Detect"/> needs (the longest signature).</summary>
    public static int HeaderLength { get; } = Signatures.Max(s => s.Magic.Length);

    /// <summary>The kind whose signature starts <paramref name="head"/>, or null when none does.</summary>
    public static FileKind? Detect(ReadOnlySpan<byte> head)
    {
        foreach (var (kind, magic) in Signatures)
        {
            if (head.StartsWith(magic))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>True when the extension (with or without the dot, any case) is one used for the kind.</summary>
    public static bool ExtensionMatches(FileKind kind, string extension) => ContentTypeOrNull(kind, extension) is not null;

    /// <summary>The MIME type to serve; throws <see cref="ArgumentException"/> when the extension does not match the kind.</summary>
    public static string ContentType(FileKind kind, string extension) =>
        ContentTypeOrNull(kind, extension)
        ?? throw new ArgumentException($"Extension '{extension}' does not belong to {kind}.", nameof(extension));

    private static string? ContentTypeOrNull(FileKind kind, string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var normalized = extension.TrimStart('.').ToUpperInvariant();
        return (kind, normalized) switch
        {
            (FileKind.Pdf, "PDF") => "application/pdf",
            (FileKind.Jpeg, "JPG" or "JPEG") => "image/jpeg",
            (FileKind.Png, "PNG") => "image/png",
            (FileKind.OfficeOpenXml, "DOCX") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            (FileKind.OfficeOpenXml, "XLSX") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            (FileKind.OfficeOpenXml, "PPTX") => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            _ => null,
        };
    }
}
