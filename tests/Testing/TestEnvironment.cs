namespace Registry.Testing;

/// <summary>
/// Services the tests need are started by ./build/test.sh and named in environment variables.
/// A missing one fails the test loudly: a test that skips because a service is absent hides a defect.
/// </summary>
public static class TestEnvironment
{
    /// <summary>The audit chain key of the apps started in Production (which refuse to start without one); base64 of 32 bytes.</summary>
    public const string ProductionAuditChainKey = "uR137LzUaZKvX1Ucib7YWQp1k+Z3dcmU8yRqavY2MdE=";

    public static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Environment variable {name} is not set. Run the tests with ./build/test.sh, which starts PostgreSQL, the SMTP sink and chromium.");

    public static string PostgresAdmin => Require("REGISTRY_TEST_POSTGRES");

    public static string SmtpHost => Require("REGISTRY_TEST_SMTP_HOST");

    public static int SmtpPort => int.Parse(Require("REGISTRY_TEST_SMTP_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    public static string MailDir => Require("REGISTRY_TEST_MAILDIR");

    public static string Chromium => Require("REGISTRY_TEST_CHROMIUM");

    /// <summary>Screenshots and other artifacts; defaults under the repository when run outside the script.</summary>
    public static string Artifacts => Environment.GetEnvironmentVariable("REGISTRY_TEST_ARTIFACTS") is { Length: > 0 } dir
        ? dir
        : Path.Combine(Path.GetTempPath(), "registry-artifacts");
}
