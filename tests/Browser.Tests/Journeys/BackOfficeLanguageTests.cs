using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;
using Registry.Testing;

namespace Registry.Browser.Tests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed class BackOfficeLanguageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task BackOffice_OfficerSignsInThenSwitchesLanguage_ShowsChineseThenEnglishWithoutUsersEntry()
    {
        await using var session = await fixture.OpenSessionAsync();
        var login = await LoginPage.OpenAsync(session.Page, returnUrl: BackOfficePage.Path);

        var backOffice = await login.SignInToBackOfficeAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);

        await Assertions.Expect(backOffice.Heading).ToHaveTextAsync("工作台");
        (await backOffice.Chrome.LanguageAsync()).ShouldBe("zh-CN");
        var chineseNavigation = await backOffice.NavigationTitlesAsync();
        chineseNavigation.ShouldContain("工作台");
        chineseNavigation.ShouldContain("节假日日历");
        chineseNavigation.ShouldNotContain("用户与角色");
        (await backOffice.NavigationLink(BackOfficePage.UsersLink).CountAsync()).ShouldBe(0);
        await Screenshots.SaveAsync(session.Page, "1-zh-CN");

        (await backOffice.Chrome.SwitchLanguageAsync()).ShouldBe("en");

        await Assertions.Expect(backOffice.Heading).ToHaveTextAsync("Dashboard");
        (await backOffice.Chrome.LanguageAsync()).ShouldBe("en");
        session.Page.Url.ShouldEndWith(BackOfficePage.Path);
        var englishNavigation = await backOffice.NavigationTitlesAsync();
        englishNavigation.ShouldContain("Dashboard");
        englishNavigation.ShouldContain("Holiday calendar");
        englishNavigation.ShouldNotContain("Users and roles");
        (await backOffice.NavigationLink(BackOfficePage.UsersLink).CountAsync()).ShouldBe(0);
        await Screenshots.SaveAsync(session.Page, "2-en");
        session.Problems.ShouldBeEmpty();
    }
}
