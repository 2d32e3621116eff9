using System.Net;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>Issue 26 item 7: no input gives a server error.</summary>
public abstract class InputGuardTests<TApp>(TApp app)
    where TApp : AppFixture
{
    [Theory]
    [InlineData("/Account/Login", "Input.Email", "a\0b@example.org")]
    [InlineData("/Account/Register", "Input.DisplayName", "陈\0秘书长")]
    [InlineData("/Account/ForgotPassword", "Input.Email", "x\u0001@example.org")]
    public async Task Post_WithNulOrControlCharacterInAField_Answers400WithTheErrorPage(string page, string field, string value)
    {
        using var response = await app.Client().SubmitFormAsync(page, new Dictionary<string, string> { [field] = value });
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldContain("请求无法处理");
    }

    [Fact]
    public async Task GetError_WithoutCode_IsNotAServerError()
    {
        using var response = await app.Client().GetAsync(new Uri("/Error", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_WithNonBooleanCheckboxValue_ShowsTheFormAgain()
    {
        var junk = new string('x', 100_000);
        using var response = await app.Client().SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = TestAccounts.Officer.Email,
            ["Input.Password"] = TestAccounts.Officer.Password,
            ["Input.RememberMe"] = junk,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        // Not signed in: the form comes back, without the posted value.
        html.ShouldContain("name=\"Input.RememberMe\"");
        html.ShouldNotContain(junk[..100]);
    }

    [Fact]
    public async Task Post_NamingNoHandlerOfAPageWhoseButtonsEachNameOne_Answers400()
    {
        var client = await app.SignedInClientAsync(TestAccounts.Admin);
        // The draft form's action names its handler; the same post to the bare page names none.
        var form = await client.ReadFormAsync("/Reports/Summary", "form[data-testid=draft-form]");
        using var response = await client.PostFormAsync(form with { Action = "/Reports/Summary" }, new Dictionary<string, string>());
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/Ratings/Admin/Applications?from=0001-01-01&to=9999-12-31")]
    [InlineData("/Ratings/Admin/Grades?asOf=9999-12-31")]
    [InlineData("/Organizations/Admin/Applications?from=0001-01-01&to=9999-12-31")]
    [InlineData("/Organizations/Admin/Register?asOf=9999-12-31")]
    [InlineData("/Inspections/Admin/CreditLists?from=0001-01-01&to=9999-12-31&on=9999-12-31")]
    [InlineData("/Reports?from=0001-01-01&to=9999-12-31")]
    public async Task ListFilter_WithExtremeDates_IsNotAServerError(string url)
    {
        var client = await app.SignedInClientAsync(TestAccounts.Admin);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        ((int)response.StatusCode).ShouldBeLessThan(500);
    }
}

public sealed class InputGuardTestsOnSqlite(SqliteApp app) : InputGuardTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class InputGuardTestsOnPostgreSql(PostgreSqlApp app) : InputGuardTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
