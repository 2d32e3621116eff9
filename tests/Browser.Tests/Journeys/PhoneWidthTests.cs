using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;
using Registry.Testing;

namespace Registry.Browser.Tests.Journeys;

/// <summary>
/// Issue 25 item 11: at 390 px (a phone) no page is wider than the screen, tables scroll inside their wrapper instead of
/// squeezing names (a table of an item and its figure fits the screen), and the header folds behind a menu button that says whether it is open.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class PhoneWidthTests(BrowserFixture fixture)
{
    private const int Phone = 390;

    [Fact]
    public async Task Header_AtPhoneWidth_FoldsBehindAMenuButtonThatOpensIt()
    {
        await using var session = await PhoneSessionAsync();
        var home = await HomePage.OpenAsync(session.Page);
        var button = session.Page.GetByTestId("menu-button");
        var menu = session.Page.Locator("#site-menu");

        await Assertions.Expect(button).ToBeVisibleAsync();
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(menu).ToBeHiddenAsync();
        (await session.Page.Locator("header.site-header").BoundingBoxAsync())!.Height.ShouldBeLessThan(80);
        await Screenshots.SaveAsync(session.Page, "1-menu-closed");

        await button.ClickAsync();

        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "公示公告" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(session.Page, "2-menu-open");
        (await PageWidthAsync(session.Page)).ShouldBeLessThanOrEqualTo(Phone);
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Header_AtDesktopWidth_ShowsTheMenuWithoutAButton()
    {
        await using var session = await fixture.OpenSessionAsync();
        await HomePage.OpenAsync(session.Page);

        await Assertions.Expect(session.Page.GetByTestId("menu-button")).ToBeHiddenAsync();
        // The modules' pages sit in four sections (社会组织, 办事服务, 信息公开, 我的事项): the header stays one row of links.
        var menu = session.Page.Locator("#site-menu");
        var section = menu.GetByRole(AriaRole.Link, new() { Name = "信息公开", Exact = true });
        var notices = menu.GetByRole(AriaRole.Link, new() { Name = "公示公告" });
        await Assertions.Expect(section).ToBeVisibleAsync();
        await Assertions.Expect(notices).ToBeHiddenAsync();
        (await session.Page.Locator("header.site-header").BoundingBoxAsync())!.Height.ShouldBeLessThan(140);

        await section.HoverAsync();
        await Assertions.Expect(notices).ToBeVisibleAsync();
        await Screenshots.SaveAsync(session.Page, "desktop-section-open");
    }

    [Fact]
    public async Task RegistrationForm_AtPhoneWidth_FitsTheScreen()
    {
        await using var session = await PhoneSessionAsync();
        var login = await LoginPage.OpenAsync(session.Page, returnUrl: ApplicantDeskPage.Path);
        await login.SubmitAsync(TestAccounts.Applicant.Email, TestAccounts.Applicant.Password);
        var desk = await ApplicantDeskPage.AttachAsync(session.Page);

        await desk.StartAsync("Establishment");

        await Screenshots.SaveAsync(session.Page, "1-establishment-form");
        (await PageWidthAsync(session.Page)).ShouldBeLessThanOrEqualTo(Phone);
        var form = (await session.Page.Locator("#main form").First.BoundingBoxAsync())!;
        (form.X + form.Width).ShouldBeLessThanOrEqualTo(Phone);
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Table_AtPhoneWidth_ScrollsInsideItsWrapperAndKeepsNamesReadable()
    {
        await using var session = await BackOfficePhoneSessionAsync(TestAccounts.Admin, "/Admin/Users");
        var wrapper = session.Page.Locator("#main .table-wrap").First;
        await Assertions.Expect(wrapper).ToBeVisibleAsync();

        await Screenshots.SaveAsync(session.Page, "1-users-table");
        (await PageWidthAsync(session.Page)).ShouldBeLessThanOrEqualTo(Phone);
        var widths = await wrapper.EvaluateAsync<int[]>("w => [w.clientWidth, w.scrollWidth]");
        widths[1].ShouldBeGreaterThan(widths[0]);
        // A name is laid out on one line, not one character per line.
        var cell = (await session.Page.Locator("#main .table-wrap tbody td").First.BoundingBoxAsync())!;
        cell.Height.ShouldBeLessThan(60);
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task NarrowTable_AtPhoneWidth_ShowsItsFiguresWithoutScrolling()
    {
        await using var session = await BackOfficePhoneSessionAsync(TestAccounts.Officer, "/Reports");
        var table = session.Page.GetByTestId("table-processing");
        await table.ScrollIntoViewIfNeededAsync();

        await Screenshots.SaveAsync(session.Page, "2-processing-table");
        var widths = await table.EvaluateAsync<int[]>("t => [t.parentElement.clientWidth, t.parentElement.scrollWidth]");
        widths[1].ShouldBeLessThanOrEqualTo(widths[0]);
        var figure = (await session.Page.GetByTestId("cell-processing-Decided-Value").BoundingBoxAsync())!;
        (figure.X + figure.Width).ShouldBeLessThanOrEqualTo(Phone);
        session.Problems.ShouldBeEmpty();
    }

    private async Task<BrowserSession> PhoneSessionAsync()
    {
        var session = await fixture.OpenSessionAsync();
        await session.Page.SetViewportSizeAsync(Phone, 844);
        return session;
    }

    /// <summary>A phone-sized session signed in to the back office as <paramref name="account"/>, on <paramref name="path"/>.</summary>
    private async Task<BrowserSession> BackOfficePhoneSessionAsync((string Email, string Password) account, string path)
    {
        var session = await PhoneSessionAsync();
        try
        {
            var login = await LoginPage.OpenAsync(session.Page, returnUrl: "/Admin");
            await login.SignInToBackOfficeAsync(account.Email, account.Password);
            await session.Page.GotoAsync(path);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>How wide the page lays out: wider than the viewport means the visitor scrolls sideways.</summary>
    private static Task<int> PageWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
}
