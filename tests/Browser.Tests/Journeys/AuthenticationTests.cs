using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;

namespace Registry.Browser.Tests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed class AuthenticationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task BackOffice_AnonymousVisitor_IsSentToLoginWithReturnUrl()
    {
        await using var session = await fixture.OpenSessionAsync();

        await session.Page.GotoAsync(BackOfficePage.Path);

        var login = await LoginPage.AttachAsync(session.Page);
        var url = new Uri(session.Page.Url);
        url.AbsolutePath.ShouldBe(LoginPage.Path);
        url.Query.ShouldBe("?ReturnUrl=%2FAdmin");
        await Assertions.Expect(login.Email).ToBeVisibleAsync();
        await Assertions.Expect(login.Password).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.GetByTestId("back-office-heading")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(session.Page, "1-login");
        session.Problems.ShouldBeEmpty();
    }
}
