using QRCoder;

namespace Registry.Core.Modularity;

/// <summary>QR codes as inline SVG (no image request, crisp when printed), e.g. of an organization's public page on a certificate.</summary>
public static class QrCodes
{
    /// <summary>The SVG markup of a QR code for <paramref name="text"/> (error correction M); trusted output to render raw.</summary>
    public static string Svg(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
