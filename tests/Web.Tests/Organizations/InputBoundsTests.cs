using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        (await FormJsonAsync(id)).ShouldNotContain("界限测试");
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
        (await FormJsonAsync(id)).ShouldContain("上限测试");
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

    private async Task<string> FormJsonAsync(int applicationId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<RegistrationApplication>().Where(a => a.Id == applicationId).Select(a => a.FormJson).SingleAsync();
    }

    private async Task<(int Id, string Name)> AnOrganizationAsync()
    {
        await using var scope = app.Scope();
        var organization = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Organization>()
            .Where(o => o.Status == OrganizationStatus.Active && o.Type != OrganizationType.Community).OrderBy(o => o.Id).FirstAsync();
        return (organization.Id, organization.Name);
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
        // Does not fit in 64-bit fen.
        { "99999999999999999999", "金额超出允许范围", "Money.Range" },
        // Fits, but above the field's maximum (Registry:Money:Max:ActivityFunds, ¥10,000,000,000).
        { "10000000000.01", "金额超过该项允许的上限", "Money.TooLarge" },
        { "-10000000000.01", "金额超过该项允许的上限", "Money.TooLarge" },
    };
}

public sealed class InputBoundsTestsOnSqlite(SqliteApp app) : InputBoundsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class InputBoundsTestsOnPostgreSql(PostgreSqlApp app) : InputBoundsTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
