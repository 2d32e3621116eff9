using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Registry.Testing;

namespace Registry.Web.Tests.Directory;

/// <summary>The directory page and API served from the response cache: per visitor where it matters, never stale.</summary>
public sealed partial class DirectoryPageCacheTests(DirectoryApp app) : IClassFixture<DirectoryApp>
{
    private const string Page = "/Directory?q=%E4%B9%A6%E6%B3%95";

    [Fact]
    public async Task SearchPage_SecondVisitor_GetsTheSamePageWithTheirOwnAntiforgeryToken()
    {
        var first = await app.Client().GetStringAsync(new Uri(Page, UriKind.Relative));
        var visitor = app.Client();
        var second = await visitor.GetStringAsync(new Uri(Page, UriKind.Relative));

        Token(second).ShouldNotBe(Token(first));
        TokenPattern().Replace(second, "").ShouldBe(TokenPattern().Replace(first, ""));
        // The language switch posts with the token of the cached page: it must be this visitor's own.
        using var response = await visitor.PostAsync(new Uri("/Culture", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = Page,
            ["__RequestVerificationToken"] = Token(second),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await visitor.GetStringAsync(new Uri(Page, UriKind.Relative))).ShouldContain("Find a social organization");
    }

    [Fact]
    public async Task SearchPage_SignedInUser_SeesTheirAccount_AnonymousVisitorsDoNot()
    {
        const string Shared = "/Directory?q=%E5%8D%8F%E4%BC%9A";
        (await app.Client().GetStringAsync(new Uri(Shared, UriKind.Relative))).ShouldNotContain("data-testid=\"logout\"");
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        (await officer.GetStringAsync(new Uri(Shared, UriKind.Relative))).ShouldContain("data-testid=\"logout\"");
        (await app.Client().GetStringAsync(new Uri(Shared, UriKind.Relative))).ShouldNotContain("data-testid=\"logout\"");
    }

    [Fact]
    public async Task SearchPageAndApi_CommittedChange_ReplacesTheCachedResults()
    {
        const string Word = "%E8%B7%B3%E7%BB%B3%E6%AF%94%E8%B5%9B";
        var client = app.Client();
        (await client.GetStringAsync(new Uri($"/Directory?q={Word}", UriKind.Relative))).ShouldContain("data-testid=\"directory-empty\"");
        (await ApiTotalAsync(client, Word)).ShouldBe(0);
        await app.ReviseAsync("宁波市海曙区体育总会", o => o.BusinessScope += "，举办跳绳比赛");

        // How soon is a figure for bench/, not a functional assertion: here only that the cached page does not stay stale.
        await Eventually.HoldsAsync(
            async () => (await client.GetStringAsync(new Uri($"/Directory?q={Word}", UriKind.Relative))).Contains("宁波市海曙区体育总会", StringComparison.Ordinal),
            "the page still shows the results from before the change");

        (await ApiTotalAsync(client, Word)).ShouldBe(1);
    }

    private static async Task<int> ApiTotalAsync(HttpClient client, string word)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/directory/search?q={word}", UriKind.Relative)));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
