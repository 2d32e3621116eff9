using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;

namespace Registry.Documents.Services;

/// <summary>
/// Signs the PDFs (PAdES basic: an <c>adbe.pkcs7.detached</c> CMS signature over the /ByteRange, SHA-256) with the bureau's
/// certificate from configuration; without one, with a self-signed certificate generated once and kept in App_Data, so
/// documents issued before and after a restart carry the same signer.
/// </summary>
internal sealed class DocumentSigning(DocumentOptions options, IHostEnvironment environment, ILogger<DocumentSigning> logger)
{
    private readonly Lazy<X509Certificate2> _certificate = new(() => Load(options, environment, logger));

    public X509Certificate2 Certificate => _certificate.Value;

    public async Task<byte[]> SaveSignedAsync(PdfDocument document, string reason, string location)
    {
        ArgumentNullException.ThrowIfNull(document);
        var signer = new PdfSharpDefaultSigner(Certificate, PdfMessageDigestType.SHA256, null);
        DigitalSignatureHandler.ForDocument(document, signer, new DigitalSignatureOptions
        {
            Reason = reason,
            Location = location,
            AppName = "Registry",
            ContactInfo = Certificate.GetNameInfo(X509NameType.SimpleName, false),
            PageIndex = 0,
            Rectangle = new PdfSharp.Drawing.XRect(0, 0, 0, 0),
        });
        using var output = new MemoryStream();
        await document.SaveAsync(output, closeStream: false);
        return output.ToArray();
    }

    private static X509Certificate2 Load(DocumentOptions options, IHostEnvironment environment, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var path = Path.Combine(environment.ContentRootPath, options.CertificatePath);
            return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, X509KeyStorageFlags.Exportable);
        }

        var generated = Path.Combine(environment.ContentRootPath, options.GeneratedCertificatePath);
        if (!File.Exists(generated))
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(generated)!);
            var temp = generated + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temp, CreateSelfSigned().Export(X509ContentType.Pkcs12));
            try
            {
                // Another process may have won the race: keep its certificate, so every node signs alike.
                File.Move(temp, generated, overwrite: false);
                logger.LogWarning("No signing certificate configured ({Section}:CertificatePath): generated a self-signed one at {Path}", DocumentOptions.Section, generated);
            }
            catch (IOException) when (File.Exists(generated))
            {
                File.Delete(temp);
            }
        }

        return X509CertificateLoader.LoadPkcs12FromFile(generated, null, X509KeyStorageFlags.Exportable);
    }

    /// <summary>A self-signed document-signing certificate (RSA 2048, 10 years), marked as a demo.</summary>
    internal static X509Certificate2 CreateSelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Registry document signing demo (self-signed), O=Registry", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
    }
}
