using Registry.Core.Mail;

namespace Registry.Core.Tests.Mail;

public sealed class MailOptionsValidatorTests
{
    private readonly MailOptionsValidator _validator = new();

    [Theory]
    [InlineData("Pickup")]
    [InlineData("Smtp")]
    [InlineData("smtp")]
    public void Validate_KnownMode_Succeeds(string mode) =>
        _validator.Validate(null, new MailOptions { Mode = mode }).Succeeded.ShouldBeTrue();

    [Theory]
    [InlineData("Smpt")]
    [InlineData("")]
    [InlineData("SMTP ")]
    public void Validate_MistypedMode_FailsNamingTheKey(string mode)
    {
        // A typo must stop the start, not silently write .eml files where a real server was meant.
        var result = _validator.Validate(null, new MailOptions { Mode = mode });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Registry:Mail:Mode");
    }

    [Fact]
    public void Validate_UnknownSecurityOrPortOutOfRange_Fails()
    {
        _validator.Validate(null, new MailOptions { Security = "Tls" }).Failed.ShouldBeTrue();
        _validator.Validate(null, new MailOptions { Port = 0 }).Failed.ShouldBeTrue();
        _validator.Validate(null, new MailOptions { Port = 70000 }).Failed.ShouldBeTrue();
    }

    [Fact]
    public void Validate_LongValue_IsEchoedBounded()
    {
        var result = _validator.Validate(null, new MailOptions { Mode = new string('x', 5000) });

        result.FailureMessage!.Length.ShouldBeLessThan(300);
    }
}
