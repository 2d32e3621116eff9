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

    [Fact]
    public async Task Directory_TabFromSearchBoxThenEnterOnFacet_ReachesButtonAndFacetsAndAppliesFilter()
    {
        await fixture.EnsureDemoRegisterAsync();
        await using var session = await fixture.OpenSessionAsync();
        var directory = await DirectoryPage.OpenAsync(session.Page);
        var typeLinks = directory.FacetLinks("type");
        await Assertions.Expect(typeLinks).Not.ToHaveCountAsync(0);
        await directory.Query.FocusAsync();

        await session.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(directory.SearchButton).ToBeFocusedAsync();
        await session.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(typeLinks.First).ToBeFocusedAsync();
        await session.Page.Keyboard.PressAsync("Tab");
        var facet = typeLinks.Nth(1);
        await Assertions.Expect(facet).ToBeFocusedAsync();
        var label = (await facet.InnerTextAsync()).Trim();
        await Screenshots.SaveAsync(session.Page, "1-facet-focused");

        await session.Page.Keyboard.PressAsync("Enter");

        await directory.WaitForFacetAsync("type", label);
        new Uri(session.Page.Url).Query.ShouldContain("type=");
        await Assertions.Expect(directory.Hits.First).ToContainTextAsync(label);
        await Screenshots.SaveAsync(session.Page, "2-facet-applied");
        session.Problems.ShouldBeEmpty();
    }
}
