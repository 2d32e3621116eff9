using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;

namespace Registry.Browser.Tests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SkipLink_TabFromStartOfHomePageThenEnter_FocusesSkipLinkThenMain()
    {
        await using var session = await fixture.OpenSessionAsync();
        var home = await HomePage.OpenAsync(session.Page);
        await Assertions.Expect(home.Chrome.SkipLink).Not.ToBeInViewportAsync();

        await session.Page.Keyboard.PressAsync("Tab");

        await Assertions.Expect(home.Chrome.SkipLink).ToBeFocusedAsync();
        // Hidden off-screen until focused: a sighted keyboard user must see where the focus went.
        await Assertions.Expect(home.Chrome.SkipLink).ToBeInViewportAsync();
        await Assertions.Expect(home.Chrome.SkipLink).ToHaveTextAsync("跳到主要内容");
        await Screenshots.SaveAsync(session.Page, "1-skip-link-focused");

        await session.Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(home.Chrome.Main).ToBeFocusedAsync();
        new Uri(session.Page.Url).Fragment.ShouldBe("#main");
        await Screenshots.SaveAsync(session.Page, "2-main-focused");
        session.Problems.ShouldBeEmpty();
    }
}
