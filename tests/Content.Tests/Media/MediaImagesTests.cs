using System.Buffers.Binary;
using Registry.Content.Services.Media;
using Registry.Core.Files;
using SkiaSharp;

namespace Registry.Content.Tests.Media;

/// <summary>Image checks and renditions of the media library (SkiaSharp), and the content signatures uploads are judged by.</summary>
public sealed class MediaImagesTests
{
    private const long Limit = 50_000_000;

    [Fact]
    public void Signature_RealPngAndJpeg_AreRecognizedAndMatchTheirExtensions()
    {
        var png = Image(40, 30, SKEncodedImageFormat.Png);
        var jpeg = Image(40, 30, SKEncodedImageFormat.Jpeg);

        FileSignature.Detect(png).ShouldBe(FileKind.Png);
        FileSignature.ExtensionMatches(FileKind.Png, ".png").ShouldBeTrue();
        FileSignature.Detect(jpeg).ShouldBe(FileKind.Jpeg);
        FileSignature.ExtensionMatches(FileKind.Jpeg, ".JPG").ShouldBeTrue();
    }

    [Fact]
    public void Signature_TextRenamedPngOrJpegUnderPngName_IsRefused()
    {
        FileSignature.Detect("<html><script>alert(1)</script></html>"u8).ShouldBeNull("text with an image's name is not an image");
        FileSignature.ExtensionMatches(FileKind.Jpeg, ".png").ShouldBeFalse("a JPEG named .png does not match its extension");
        FileSignature.ExtensionMatches(FileKind.Png, ".svg").ShouldBeFalse();
    }

    [Fact]
    public void Probe_OrdinaryImage_ReportsItsSize()
    {
        var probe = MediaImages.Probe(Image(1200, 900, SKEncodedImageFormat.Jpeg), Limit);

        probe.Status.ShouldBe(ImageProbeStatus.Ok);
        (probe.Width, probe.Height).ShouldBe((1200, 900));
    }

    [Fact]
    public void Probe_ImageAtTheLimit_IsAcceptedAndOnePixelMoreIsRefused()
    {
        var image = Image(100, 50, SKEncodedImageFormat.Png);

        MediaImages.Probe(image, maxPixels: 5000).Status.ShouldBe(ImageProbeStatus.Ok);
        MediaImages.Probe(image, maxPixels: 4999).Status.ShouldBe(ImageProbeStatus.TooManyPixels);
    }

    [Fact]
    public void Probe_PngDeclaringHugeCanvas_IsRefusedWithoutDecoding()
    {
        // A few hundred bytes that claim 100,000 × 100,000 pixels (40 GB decoded): a decompression bomb.
        var bomb = PngWithHeader(100_000, 100_000);

        var probe = MediaImages.Probe(bomb, Limit);

        probe.Status.ShouldBe(ImageProbeStatus.TooManyPixels);
        (probe.Width, probe.Height).ShouldBe((100_000, 100_000));
    }

    [Fact]
    public void Probe_JpegDeclaringHugeCanvas_IsRefused()
    {
        var jpeg = Image(16, 16, SKEncodedImageFormat.Jpeg);
        // Rewrite the frame header (SOF0: FF C0, length, precision, height, width) to 60,000 × 60,000.
        var sof = FindMarker(jpeg, 0xC0);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), 60_000);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), 60_000);

        var probe = MediaImages.Probe(jpeg, Limit);

        probe.Status.ShouldBe(ImageProbeStatus.TooManyPixels);
        probe.Pixels.ShouldBe(3_600_000_000L);
    }

    [Fact]
    public void Probe_BytesThatOnlyStartLikeAPng_AreUnreadable()
    {
        byte[] fake = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "not really an image"u8];

        MediaImages.Probe(fake, Limit).Status.ShouldBe(ImageProbeStatus.Unreadable);
    }

    [Theory]
    [InlineData(320, 240)]
    [InlineData(800, 600)]
    [InlineData(1600, 1200)]
    public void Render_OpaqueImage_IsAJpegOfTheWidthWithProportionalHeight(int width, int height)
    {
        var source = Image(2000, 1500, SKEncodedImageFormat.Jpeg);

        var rendition = MediaImages.Render(source, width, 82)!;

        rendition.Extension.ShouldBe(".jpg");
        (rendition.Width, rendition.Height).ShouldBe((width, height));
        FileSignature.Detect(rendition.Bytes).ShouldBe(FileKind.Jpeg);
        using var decoded = SKBitmap.Decode(rendition.Bytes);
        (decoded.Width, decoded.Height).ShouldBe((width, height));
    }

    [Fact]
    public void Render_TransparentPng_StaysAPngWithTransparency()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(1000, 500, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(SKColors.Transparent);
        var source = Encode(bitmap, SKEncodedImageFormat.Png);

        var rendition = MediaImages.Render(source, 320, 82)!;

        rendition.Extension.ShouldBe(".png");
        (rendition.Width, rendition.Height).ShouldBe((320, 160));
        using var decoded = SKBitmap.Decode(rendition.Bytes);
        decoded.GetPixel(10, 10).Alpha.ShouldBe((byte)0);
    }

    [Fact]
    public void Render_KeepsTheImageContent()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(800, 400, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Red);
            canvas.DrawRect(new SKRect(400, 0, 800, 400), new SKPaint { Color = SKColors.Blue });
        }

        var rendition = MediaImages.Render(Encode(bitmap, SKEncodedImageFormat.Png), 320, 90)!;

        using var decoded = SKBitmap.Decode(rendition.Bytes);
        decoded.GetPixel(40, 80).Red.ShouldBeGreaterThan((byte)200, "the left half stays red");
        decoded.GetPixel(280, 80).Blue.ShouldBeGreaterThan((byte)200, "the right half stays blue");
    }

    [Fact]
    public void MediaUrls_ReferencePrefix_DoesNotMatchAnotherIdThatStartsTheSame()
    {
        var prefix = MediaUrls.ReferencePrefix(1);

        MediaUrls.File(1, "照片.jpg").ShouldStartWith(prefix);
        MediaUrls.Rendition(1, 800, "照片.jpg").ShouldStartWith(prefix);
        MediaUrls.File(12, "照片.jpg").ShouldNotStartWith(prefix);
        MediaUrls.File(1, "a b.jpg").ShouldBe("/media/1/a%20b.jpg");
    }

    internal static byte[] Image(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, new SKPaint { Color = SKColors.Gold });
        }

        return Encode(bitmap, format);
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A PNG whose header (IHDR) declares the size; its one data chunk is tiny.</summary>
    internal static byte[] PngWithHeader(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(output, "IHDR", header);
        Chunk(output, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
        output.Write(crc);
    }

    /// <summary>PNG's CRC-32 (ISO 3309), so the crafted chunks pass the decoder's checks.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static int FindMarker(byte[] jpeg, byte marker)
    {
        for (var i = 2; i < jpeg.Length - 1; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] == marker)
            {
                return i;
            }
        }

        throw new InvalidDataException("marker not found");
    }
}
