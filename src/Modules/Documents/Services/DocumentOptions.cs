using Microsoft.Extensions.Configuration;

namespace Registry.Documents.Services;

/// <summary>Configuration of the documents (README: <c>Registry:Documents:*</c>).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Registry:Documents";

    /// <summary>The bureau's seal (PNG or JPEG, transparent background); without it a drawn demo seal marked 样章 is used.</summary>
    public string? SealImage { get; set; }

    /// <summary>Seal diameter in millimetres (公章 are commonly 42 mm).</summary>
    public double SealSizeMm { get; set; } = 42;

    /// <summary>Shift of the seal's centre from the centre of the issuer's line, in millimetres (right and down positive).</summary>
    public double SealOffsetXMm { get; set; }

    public double SealOffsetYMm { get; set; }

    /// <summary>The bureau's signing certificate (PKCS#12 with its private key); without it a self-signed one is generated once and kept.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Where the generated certificate is kept (relative to the content root), so it is the same after a restart.</summary>
    public string GeneratedCertificatePath { get; set; } = "App_Data/documents/signing-demo.pfx";

    public static DocumentOptions From(IConfiguration configuration)
    {
        var options = new DocumentOptions();
        configuration.GetSection(Section).Bind(options);
        return options;
    }
}
