using Registry.Core.Files;

namespace Registry.Core.Tests.Files;

public sealed class FileSignatureTests
{
    public static TheoryData<byte[], FileKind> KnownHeads() => new()
    {
        { "%PDF-1.7\n%\u00e2\u00e3"u8.ToArray(), FileKind.Pdf },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46], FileKind.Jpeg },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], FileKind.Png },
        { [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], FileKind.OfficeOpenXml },
    };

    public static TheoryData<byte[]> UnknownHeads() => new()
    {
        Array.Empty<byte>(),
        "%PDF"u8.ToArray(),
        "<html><body>"u8.ToArray(),
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A }, // PNG cut one byte short
        new byte[] { 0x50, 0x4B, 0x05, 0x06, 0x00, 0x00, 0x00, 0x00 }, // empty zip: no entries, not a document
        new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00 }, // GIF
    };

    [Theory]
    [MemberData(nameof(KnownHeads))]
    public void Detect_KnownSignature_ReturnsKind(byte[] head, FileKind expected)
    {
        FileSignature.Detect(head).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(UnknownHeads))]
    public void Detect_UnknownOrShortHead_ReturnsNull(byte[] head)
    {
        FileSignature.Detect(head).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(KnownHeads))]
    public void HeaderLength_EveryKnownSignature_IsDetectedFromThatManyBytes(byte[] head, FileKind expected)
    {
        FileSignature.Detect(head.AsSpan(0, FileSignature.HeaderLength)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(FileKind.Pdf, ".pdf")]
    [InlineData(FileKind.Pdf, "PDF")]
    [InlineData(FileKind.Jpeg, ".jpg")]
    [InlineData(FileKind.Jpeg, ".JPEG")]
    [InlineData(FileKind.Png, "png")]
    [InlineData(FileKind.OfficeOpenXml, ".docx")]
    [InlineData(FileKind.OfficeOpenXml, ".XLSX")]
    [InlineData(FileKind.OfficeOpenXml, "pptx")]
    public void ExtensionMatches_ExtensionOfKind_IsTrue(FileKind kind, string extension)
    {
        FileSignature.ExtensionMatches(kind, extension).ShouldBeTrue();
    }

    [Theory]
    [InlineData(FileKind.Pdf, ".png")]
    [InlineData(FileKind.Jpeg, ".jpe")]
    [InlineData(FileKind.Png, "")]
    [InlineData(FileKind.OfficeOpenXml, ".zip")]
    [InlineData(FileKind.OfficeOpenXml, ".doc")]
    [InlineData(FileKind.Pdf, ".pdf.exe")]
    public void ExtensionMatches_OtherExtension_IsFalse(FileKind kind, string extension)
    {
        FileSignature.ExtensionMatches(kind, extension).ShouldBeFalse();
    }

    [Theory]
    [InlineData(FileKind.Pdf, ".pdf", "application/pdf")]
    [InlineData(FileKind.Jpeg, ".jpg", "image/jpeg")]
    [InlineData(FileKind.Png, ".png", "image/png")]
    [InlineData(FileKind.OfficeOpenXml, ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData(FileKind.OfficeOpenXml, "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData(FileKind.OfficeOpenXml, ".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    public void ContentType_MatchingExtension_IsMimeType(FileKind kind, string extension, string expected)
    {
        FileSignature.ContentType(kind, extension).ShouldBe(expected);
    }

    [Fact]
    public void ContentType_MismatchedExtension_Throws()
    {
        Should.Throw<ArgumentException>(() => FileSignature.ContentType(FileKind.Png, ".pdf"));
    }
}
