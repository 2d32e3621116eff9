using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Data.Sqlite;
using Npgsql;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>
/// Issue 26 high 2: two app processes with different home folders on one database, as behind a load balancer. What one
/// issues (sign-in cookie, form token) the other accepts, because the key ring is in the database, encrypted with the
/// configured certificate.
/// </summary>
public abstract class SharedKeyRingTests<TNodes>(TNodes nodes)
    where TNodes : TwoNodes
{
    [Fact]
    public async Task SignInOnOneNode_CookieIsAcceptedByTheOther()
    {
        var cookies = new CookieContainer();
        using var first = nodes.First.Client(cookies);
        using var second = nodes.Second.Client(cookies);
        await first.SignInAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);

        using var account = await second.GetAsync(new Uri("/Account/Manage", UriKind.Relative));
        account.StatusCode.ShouldBe(HttpStatusCode.OK, nodes.Second.Log());
        (await account.Content.ReadAsStringAsync()).ShouldContain(TestAccounts.Officer.Email);
    }

    [Fact]
    public async Task FormLoadedFromOneNode_IsAcceptedWhenPostedToTheOther()
    {
        var cookies = new CookieContainer();
        using var first = nodes.First.Client(cookies);
        using var second = nodes.Second.Client(cookies);
        var form = await first.ReadFormAsync("/Account/ForgotPassword");

        using var posted = await second.PostFormAsync(form, new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org" });
        posted.StatusCode.ShouldBe(HttpStatusCode.OK, nodes.Second.Log());
    }

    [Fact]
    public async Task KeyRing_IsStoredInTheDatabaseEncryptedWithTheCertificate()
    {
        // The first node has issued something by now (the other tests, or this sign-in).
        using var client = nodes.First.Client(new CookieContainer());
        await client.SignInAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);

        var keys = await nodes.StoredKeysAsync();
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml.Contains("EncryptedData") && !xml.Contains("<masterKey"));
    }
}

/// <summary>Two nodes on one fresh database, both given the same key-encryption certificate.</summary>
public abstract class TwoNodes(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public AppProcess First { get; private set; } = null!;

    public AppProcess Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind);
        var certificate = Path.Combine(_database.Directory, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Registry Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificate, created.Export(X509ContentType.Pfx, "cert-pass"));
        }

        var settings = new Dictionary<string, string>
        {
            ["Registry:DataProtection:Certificate"] = certificate,
            ["Registry:DataProtection:CertificatePassword"] = "cert-pass",
        };
        // One after the other: the first migrates and seeds the database.
        First = await AppProcess.StartAsync(_database, "node1", settings);
        Second = await AppProcess.StartAsync(_database, "node2", settings);
    }

    /// <summary>The key ring's XML as stored.</summary>
    public async Task<List<string>> StoredKeysAsync()
    {
        await using DbConnection connection = kind == DatabaseKind.PostgreSql ? new NpgsqlConnection(_database.ConnectionString) : new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Xml\" FROM \"Core_DataProtectionKeys\"";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public async Task DisposeAsync()
    {
        if (First is not null)
        {
            await First.DisposeAsync();
        }

        if (Second is not null)
        {
            await Second.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}

public sealed class SqliteTwoNodes() : TwoNodes(DatabaseKind.Sqlite);

public sealed class PostgreSqlTwoNodes() : TwoNodes(DatabaseKind.PostgreSql);

public sealed class SharedKeyRingTestsOnSqlite(SqliteTwoNodes nodes) : SharedKeyRingTests<SqliteTwoNodes>(nodes), IClassFixture<SqliteTwoNodes>;

public sealed class SharedKeyRingTestsOnPostgreSql(PostgreSqlTwoNodes nodes) : SharedKeyRingTests<PostgreSqlTwoNodes>(nodes), IClassFixture<PostgreSqlTwoNodes>;
