using System.Security.Cryptography.X509Certificates;
using Registry.Documents.Services;

namespace Registry.Documents.Tests.Services;

/// <summary>The demo signing certificate generated when the bureau configures none.</summary>
public sealed class DocumentSigningTests
{
    [Fact]
    public void CreateSelfSigned_DemoCertificate_HasAPrivateKeyForSigningAndSaysItIsADemo()
    {
        using var certificate = DocumentSigning.CreateSelfSigned();

        certificate.HasPrivateKey.ShouldBeTrue();
        certificate.Subject.ShouldContain("demo");
        certificate.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature).ShouldBeTrue();
        (certificate.NotAfter - certificate.NotBefore).TotalDays.ShouldBeGreaterThan(3000);
    }
}
