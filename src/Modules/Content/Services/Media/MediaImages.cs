using SkiaSharp;

namespace Registry.Content.Services.Media;

/// <summary>Settings of the media library (<c>Registry:Content:Media</c>).</summary>
public sealed class MediaOptions
{
    public const string Section = "Registry:Content:Media";

    /// <summary>
    /// Largest image accepted, in pixels (width × height). A small file can declare a huge canvas (a decompression bomb)
    /// that would take gigabytes to decode; 50 million covers a 48-megapixel phone photo.
    /// </summary>
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>Widths of the resized copies made of each image wider than them.</summary>
    public int[] RenditionWidths { get; set; } = [320, 800, 1600];

    /// <summary>JPEG quality of renditions (1–100).</summary>
    public int JpegQuality { get; set; } = 82;
}

/// <summary>What an image's header says, read without decoding its pixels.</summary>
public sealed record ImageProbe(ImageProbeStatus Status, int Width, int Height)
{
    public long Pixels => (long)Width * Height;
}

public enum ImageProbeStatus
{
    Ok,

    /// <summary>Not decodable as an image (a damaged file or one that only starts like a PNG/JPEG).</summary>
    Unreadable,

    /// <summary>More pixels than allowed: refused before decoding.</summary>
    TooManyPixels,
}

/// <summary>A resized image, encoded.</summary>
public sealed record RenderedImage(byte[] Bytes, int Width, int Height, string Extension);

/// <summary>Reads image sizes and makes renditions with SkiaSharp (Skia's decoders: no hand-written decoding).</summary>
public static class MediaImages
{
    /// <summary>Reads the image header (size and orientation); the pixels are not decoded, so a bomb costs nothing here.</summary>
    public static ImageProbe Probe(byte[] bytes, long maxPixels)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return new ImageProbe(ImageProbeStatus.Unreadable, 0, 0);
        }

        var (width, height) = Oriented(codec.Info.Width, codec.Info.Height, codec.EncodedOrigin);
        var probe = new ImageProbe(ImageProbeStatus.Ok, width, height);
        return probe.Pixels > maxPixels ? probe with { Status = ImageProbeStatus.TooManyPixels } : probe;
    }

    /// <summary>
    /// A copy <paramref name="width"/> pixels wide (height in proportion), turned upright by its EXIF orientation: JPEG
    /// for opaque images, PNG when the source has transparency (JPEG would lose it). Null when the bytes do not decode.
    /// Call only after <see cref="Probe"/> accepted the image.
    /// </summary>
    public static RenderedImage? Render(byte[] bytes, int width, int jpegQuality)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        var origin = codec.EncodedOrigin;
        var (orientedWidth, orientedHeight) = Oriented(codec.Info.Width, codec.Info.Height, origin);
        var height = Math.Max(1, (int)Math.Round((double)orientedHeight * width / orientedWidth));
        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque;

        // JPEG decoders can scale by 1/2, 1/4, 1/8 while decoding: decode no larger than needed.
        var scale = (float)width / orientedWidth;
        var decodeSize = codec.GetScaledDimensions(scale);
        if (decodeSize.Width < Math.Min(width, codec.Info.Width) || decodeSize.Height <= 0)
        {
            decodeSize = new SKSizeI(codec.Info.Width, codec.Info.Height);
        }

        var decodeInfo = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKImageInfo.PlatformColorType, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var decoded = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }

        using var target = new SKBitmap(new SKImageInfo(width, height, SKImageInfo.PlatformColorType, decodeInfo.AlphaType));
        using (var canvas = new SKCanvas(target))
        using (var image = SKImage.FromBitmap(decoded))
        {
            canvas.Clear(opaque ? SKColors.White : SKColors.Transparent);
            var swaps = SwapsAxes(origin);
            var drawWidth = swaps ? height : width;
            var drawHeight = swaps ? width : height;
            Orient(canvas, origin, width, height);
            canvas.DrawImage(image, new SKRect(0, 0, drawWidth, drawHeight), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }

        var format = opaque ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png;
        using var encoded = target.Encode(format, jpegQuality);
        return encoded is null ? null : new RenderedImage(encoded.ToArray(), width, height, opaque ? ".jpg" : ".png");
    }

    private static (int Width, int Height) Oriented(int width, int height, SKEncodedOrigin origin) =>
        SwapsAxes(origin) ? (height, width) : (width, height);

    private static bool SwapsAxes(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Sets the canvas so that the encoded image drawn at (0,0) appears upright in a width × height target.</summary>
    private static void Orient(SKCanvas canvas, SKEncodedOrigin origin, int width, int height)
    {
        switch (origin)
        {
            case SKEncodedOrigin.TopRight:
                canvas.Scale(-1, 1, width / 2f, 0);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.RotateDegrees(180, width / 2f, height / 2f);
                break;
            case SKEncodedOrigin.BottomLeft:
                canvas.Scale(1, -1, 0, height / 2f);
                break;
            case SKEncodedOrigin.LeftTop:
                // Transposed: mirror of a 90° turn.
                canvas.Translate(width, 0);
                canvas.RotateDegrees(90);
                canvas.Scale(1, -1, 0, width / 2f);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(width, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom:
                canvas.Translate(0, height);
                canvas.RotateDegrees(270);
                canvas.Scale(1, -1, 0, width / 2f);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, height);
                canvas.RotateDegrees(270);
                break;
            default:
                break;
        }
    }
}
