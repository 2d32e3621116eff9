using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Identification;
using Registry.Organizations.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Organizations;

/// <summary>
/// Issue 26 item 7: money and dates are bounded at the edge. An absurd amount or date in any field of the registration
/// forms is a localized message on the form, never a 5xx and never a partial write.
/// </summary>
public abstract class InputBoundsTests<TApp>(TApp app)
    where TApp : AppFixture
{
    [Theory]
    [MemberData(nameof(OversizedActivityFunds.Amounts), MemberType = typeof(OversizedActivityFunds))]
    public async Task ApplicationForm_OversizedActivityFunds_IsAMessageAndNothingIsSaved(string amount, string message, string because)
    {
        var client = await app.SignedInClientAsync(TestAccounts.Applicant);
        var id = await client.StartAsync("Establishment");
        var fields = RegistrationClient.Particulars("宁波市海曙区界限测试服务中心");
        fields["Input.ActivityFunds"] = amount;

        using var response = await client.PostFormAsync(id, "Save", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, because);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await SavedNameAsync(id) ?? "").ShouldNotContain("界限测试");
    }

    [Fact]
    public async Task ApplicationForm_ActivityFundsAtTheMaximum_IsSaved()
    {
        var client = await app.SignedInClientAsync(TestAccounts.Applicant);
        var id = await client.StartAsync("Establishment");
        var fields = RegistrationClient.Particulars("宁波市海曙区上限测试服务中心");
        fields["Input.ActivityFunds"] = "10000000000.00";

        using var response = await client.PostFormAsync(id, "Save", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, RegistrationClient.ErrorsOf(await response.Content.ReadAsStringAsync()));
        (await SavedNameAsync(id)).ShouldBe("宁波市海曙区上限测试服务中心");
    }

    [Theory]
    [MemberData(nameof(OversizedActivityFunds.Amounts), MemberType = typeof(OversizedActivityFunds))]
    public async Task RegisterEdit_OversizedActivityFunds_IsAMessageAndTheRecordIsUnchanged(string amount, string message, string because)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var (id, name) = await AnOrganizationAsync();

        using var response = await officer.SubmitFormAsync($"/Organizations/Admin/Register/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.ActivityFunds"] = amount,
            ["Input.Address"] = "界限测试路1号",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, because);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await AddressAsync(id)).ShouldNotBe("界限测试路1号", name);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2100-01-01")]
    public async Task RegisterEdit_FoundedOnOutsideTheDateRange_IsAMessageAndTheRecordIsUnchanged(string day)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var (id, _) = await AnOrganizationAsync();

        using var response = await officer.SubmitFormAsync($"/Organizations/Admin/Register/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.FoundedOn"] = day,
            ["Input.Address"] = "界限测试路2号",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("1900-01-01到2099-12-31之间");
        (await AddressAsync(id)).ShouldNotBe("界限测试路2号");
    }

    /// <summary>The name saved in the draft's form (the JSON escapes non-ASCII, so read it rather than search the raw text).</summary>
    private async Task<string?> SavedNameAsync(int applicationId)
    {
        await using var scope = app.Scope();
        var json = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<RegistrationApplication>().Where(a => a.Id == applicationId).Select(a => a.FormJson).SingleAsync();
        return string.IsNullOrEmpty(json) ? null : JsonDocument.Parse(json).RootElement.TryGetProperty("name", out var name) ? name.GetString() : null;
    }

    /// <summary>A registered 民非 of its own (the test recipe registers none), complete so that only the field under test can fail.</summary>
    private async Task<(int Id, string Name)> AnOrganizationAsync()
    {
        var number = Random.Shared.Next(0, 999_999).ToString("000000", CultureInfo.InvariantCulture);
        var name = $"宁波市海曙区界限测试{number}服务中心";
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var organization = new Organization
        {
            Name = name,
            NormalizedName = name,
            Type = OrganizationType.PrivateNonEnterprise,
            CreditCode = UnifiedSocialCreditCode.Generate('5', '2', "330203", "JX" + number).Value,
            RegisteringAuthority = "宁波市海曙区民政局",
            SupervisingUnit = "海曙区老龄工作委员会办公室",
            LegalRepresentative = "界限",
            District = "海曙区",
            Street = "鼓楼街道",
            Address = "宁波市海曙区孝闻街3号",
            ServiceFields = "养老",
            BusinessScope = "居家养老服务",
            ActivityFundsFen = 5_000_000,
            FoundedOn = new DateOnly(2018, 5, 1),
            Status = OrganizationStatus.Active,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Add(organization);
        await db.SaveChangesAsync();
        return (organization.Id, name);
    }

    private async Task<string> AddressAsync(int organizationId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Organization>().Where(o => o.Id == organizationId).Select(o => o.Address).SingleAsync();
    }
}

/// <summary>Amounts no activity-funds field may accept, with the message each must give.</summary>
public static class OversizedActivityFunds
{
    public static TheoryData<string, string, string> Amounts => new()
    {
        // Does not even fit in 64-bit fen: above the maximum all the same, with the same message.
        { "99999999999999999999", "金额超过该项允许的上限", "Money.TooLarge (beyond 64-bit fen)" },
        // Fits, but above the field's maximum (Registry:Money:Max:ActivityFunds, ¥10,000,000,000).
        { "10000000000.01", "金额超过该项允许的上限", "Money.TooLarge" },
        { "-10000000000.01", "金额超过该项允许的上限", "Money.TooLarge" },
    };
}

public sealed class InputBoundsTestsOnSqlite(SqliteApp app) : InputBoundsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class InputBoundsTestsOnPostgreSql(PostgreSqlApp app) : InputBoundsTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
