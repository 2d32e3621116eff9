using System.Net;
using Registry.Testing;
using static Registry.Web.Tests.Grants.GrantsApp;
using static Registry.Web.Tests.Grants.GrantSteps;

namespace Registry.Web.Tests.Grants;

/// <summary>
/// Issue 26 item 7: every money and date field of the venture-fund application and round forms is bounded at the edge.
/// An oversized amount or a date like 9999-12-31 is a localized message on the form, never a 5xx, and nothing is saved.
/// </summary>
public abstract class GrantInputBoundsTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    [Theory]
    [MemberData(nameof(GrantOversizedInputs.ApplicationFields), MemberType = typeof(GrantOversizedInputs))]
    public async Task ApplicationForm_OversizedValue_IsAMessageAndNothingIsSaved(string field, string value, string message)
    {
        var id = await app.DraftAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("界限之前"));
        var client = await app.SignedInClientAsync(DemoApplicant);

        using var response = await client.SubmitFormAsync($"/Grants/Application/{id}", new Dictionary<string, string>
        {
            ["Form.Title"] = "界限之后",
            [field] = value,
        }, "#grant-form", handler: "Save");

        ((int)response.StatusCode).ShouldBeLessThan(500);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await app.ApplicationAsync(id)).Title.ShouldBe("界限之前");
    }

    [Fact]
    public async Task ApplicationForm_TitleWithRightToLeftOverride_IsAMessageAndNothingIsSaved()
    {
        var id = await app.DraftAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("方向之前"));
        var client = await app.SignedInClientAsync(DemoApplicant);

        using var response = await client.SubmitFormAsync($"/Grants/Application/{id}", new Dictionary<string, string> { ["Form.Title"] = "探访\u202E目项" }, "#grant-form", handler: "Save");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("不能包含文字方向控制字符");
        (await app.ApplicationAsync(id)).Title.ShouldBe("方向之前");
    }

    [Theory]
    [MemberData(nameof(GrantOversizedInputs.RoundFields), MemberType = typeof(GrantOversizedInputs))]
    public async Task RoundForm_OversizedValue_IsAMessageAndTheRoundIsUnchanged(string field, string value, string message)
    {
        var roundId = await app.OpenRoundAsync();
        var before = await app.RoundAsync(roundId);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.SubmitFormAsync($"/Grants/Admin/EditRound/{roundId}", new Dictionary<string, string>
        {
            ["Form.Name"] = "界限测试轮次",
            [field] = value,
        }, "[data-testid=round-form]");

        ((int)response.StatusCode).ShouldBeLessThan(500);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        var after = await app.RoundAsync(roundId);
        (after.Name, after.BudgetFen, after.ProjectCapFen, after.ClosesAt).ShouldBe((before.Name, before.BudgetFen, before.ProjectCapFen, before.ClosesAt));
    }
}

/// <summary>Oversized values for each money and date field of the fund's forms, with the message each must give.</summary>
public static class GrantOversizedInputs
{
    public static TheoryData<string, string, string> ApplicationFields => new()
    {
        { "Form.Lines[0].Requested", "99999999999999999999", "金额超过该项允许的上限" },
        { "Form.Lines[0].Requested", "100000000.01", "金额超过该项允许的上限" },
        { "Form.Lines[0].Matching", "99999999999999999999", "金额超过该项允许的上限" },
        { "Form.Lines[0].Matching", "92233720368547758.07", "金额超过该项允许的上限" },
        { "Form.StartOn", "9999-12-31", "日期应在1900-01-01到2099-12-31之间" },
        { "Form.EndOn", "9999-12-31", "日期应在1900-01-01到2099-12-31之间" },
        { "Form.StartOn", "0001-01-01", "日期应在1900-01-01到2099-12-31之间" },
    };

    public static TheoryData<string, string, string> RoundFields => new()
    {
        { "Form.Budget", "99999999999999999999", "金额超过该项允许的上限" },
        { "Form.Budget", "10000000000.01", "金额超过该项允许的上限" },
        { "Form.ProjectCap", "92233720368547758.07", "金额超过该项允许的上限" },
        { "Form.Categories", "为老服务,10000000000.01\n助残服务", "金额超过该项允许的上限" },
        { "Form.ClosesAt", "9999-12-31T10:00", "日期应在1900-01-01到2099-12-31之间" },
    };
}

public sealed class GrantInputBoundsTestsOnSqlite(GrantsSqliteApp app) : GrantInputBoundsTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class GrantInputBoundsTestsOnPostgreSql(GrantsPostgreSqlApp app) : GrantInputBoundsTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
