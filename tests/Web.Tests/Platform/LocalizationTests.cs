using System.Net;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

public sealed class LocalizationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task HomePage_ByDefault_IsChinese()
    {
        using var response = await app.Client().GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"zh-CN\">");
        html.ShouldContain("社会组织登记与公益创投管理平台");
    }

    [Fact]
    public async Task HomePage_EvenForEnglishBrowsers_StaysChineseUntilSwitched()
    {
        var client = app.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        html.ShouldContain("<html lang=\"zh-CN\">");
    }

    [Fact]
    public async Task CultureSwitch_SetsCookie_AndPagesAreEnglish()
    {
        var client = app.Client();
        using var switched = await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "en" }, "form.lang-switch");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("Social Organization Registry");
    }

    [Fact]
    public async Task CultureSwitch_ExternalReturnUrl_StaysOnSite()
    {
        var client = app.Client();
        using var switched = await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "https://evil.example/" }, "form.lang-switch");
        switched.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Theory]
    [InlineData("zh-CN", "页面不存在")]
    [InlineData("en", "Page not found")]
    public async Task MissingPage_Returns404PageInTheVisitorsLanguage(string culture, string text)
    {
        using var response = await app.Client().GetAsync(new Uri($"/no-such-page?culture={culture}&ui-culture={culture}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain(text);
    }

    [Fact]
    public async Task Health_ReportsDatabaseMailDiskAndCalendar()
    {
        // The detail is for admins; anonymous callers get the bare status (HealthAndHomeTests).
        var client = await app.SignedInClientAsync(TestAccounts.Admin);
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.Content.ReadAsStringAsync();
        json.ShouldContain("\"database\":{\"status\":\"Healthy\"");
        json.ShouldContain("\"mail-outbox\":{\"status\":\"Healthy\"");
        json.ShouldContain("\"disk\":{\"status\":\"Healthy\"");
        // The test recipe holds the 2025 and 2026 notices only: a missing year's notice degrades, never fails, the site.
        json.ShouldContain("\"calendar\":{\"status\":");
        json.ShouldNotContain("Unhealthy");
    }
}
