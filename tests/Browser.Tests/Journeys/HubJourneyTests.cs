using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;
using Registry.Testing;

namespace Registry.Browser.Tests.Journeys;

/// <summary>
/// The hub journey of issue #22: an officer recognises 老年协会 as the hub (枢纽型社会组织) for 养老 in a new batch and links two
/// members from the register; the hub's own account (applicant@demo.local acts for it) sees its members' standing and
/// obligations; the public hubs page shows it with its coverage, also on a phone.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class HubJourneyTests(BrowserFixture fixture)
{
    private const string Journey = nameof(Hub_OfficerRecognizesAndLinksMembers_HubAccountSeesThemAndThePublicPageShowsIt);

    private const string Hub = "宁波市海曙区老年协会";

    private const int Phone = 390;

    /// <summary>A member organization of applicant@demo.local in Recipes/data/demo-register.json.</summary>
    private static readonly (string Email, string Password) HubAccount = ("applicant@demo.local", "Demo-applicant-2026");

    [Fact]
    public async Task Hub_OfficerRecognizesAndLinksMembers_HubAccountSeesThemAndThePublicPageShowsIt()
    {
        await fixture.EnsureDemoRegisterAsync();
        await using var officer = await fixture.OpenSessionAsync();
        await using var account = await fixture.OpenSessionAsync();
        await using var visitor = await fixture.OpenSessionAsync();

        // 1. The officer recognises 老年协会 for 养老 in a new batch; the decision is published as a notice.
        var login = await LoginPage.OpenAsync(officer.Page, returnUrl: HubsAdminPage.Path);
        await login.SubmitAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);
        var hubs = await HubsAdminPage.AttachAsync(officer.Page);
        await Screenshots.SaveAsync(officer.Page, "01-officer-hubs", Journey);
        await hubs.RecognizeAsync("关于认定区级枢纽型社会组织的决定（浏览器）", "海民〔2026〕88号", "51330203500001026J|养老");
        await Assertions.Expect(hubs.Row(Hub)).ToBeVisibleAsync();
        await Screenshots.SaveAsync(officer.Page, "02-officer-hub-recognized", Journey);

        // 2. Two members from the register: 颐乐居家养老服务中心 and 夕阳红合唱团 (by its filing number).
        await hubs.Row(Hub).Locator("a").First.ClickAsync();
        var hub = new HubAdminPage(officer.Page);
        await hub.AddMemberAsync("523302035000011731");
        await Assertions.Expect(hub.Members).ToHaveCountAsync(1);
        await hub.AddMemberAsync("330203SB20150034");
        await Assertions.Expect(hub.Members).ToHaveCountAsync(2);
        // 养老 besides the hub in the demo register: 阳光养老, 颐乐居家, 乐龄康复, 孝闻社区老年协会 and 夕阳红合唱团, two of them
        // members; other journeys on this app may register more 养老 organizations, so the register decides the denominator.
        await Assertions.Expect(hub.Coverage).ToHaveAttributeAsync("data-covered", "2");
        var eligible = int.Parse((await hub.Coverage.GetAttributeAsync("data-eligible"))!, System.Globalization.CultureInfo.InvariantCulture);
        eligible.ShouldBeGreaterThanOrEqualTo(5);
        var percent = Math.Round(200m / eligible, 1, MidpointRounding.AwayFromZero).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        await Screenshots.SaveAsync(officer.Page, "03-officer-hub-members", Journey);

        // 3. The hub's account sees its hub and its members' standing, and nobody else's.
        var accountLogin = await LoginPage.OpenAsync(account.Page, returnUrl: HubDeskPage.Path);
        await accountLogin.SubmitAsync(HubAccount.Email, HubAccount.Password);
        var desk = new HubDeskPage(account.Page);
        await Assertions.Expect(desk.Hubs).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(account.Page, "04-hub-desk", Journey);
        await desk.Hubs.Locator("a").First.ClickAsync();
        await Assertions.Expect(desk.Members).ToHaveCountAsync(2);
        await Assertions.Expect(account.Page.Locator("main")).ToContainTextAsync("宁波市海曙区颐乐居家养老服务中心");
        await Screenshots.SaveAsync(account.Page, "05-hub-members", Journey);

        // 4. The public hubs page lists it with its coverage (40% on the demo register alone), also at phone width without sideways scrolling.
        await visitor.Page.GotoAsync("/Cultivation/Hubs");
        var listed = visitor.Page.GetByTestId("public-hub").Filter(new() { HasText = Hub });
        await Assertions.Expect(listed).ToContainTextAsync(percent);
        await Screenshots.SaveAsync(visitor.Page, "06-public-hubs", Journey);
        await visitor.Page.SetViewportSizeAsync(Phone, 844);
        await Assertions.Expect(listed).ToBeVisibleAsync();
        (await visitor.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(Phone);
        await Screenshots.SaveAsync(visitor.Page, "07-public-hubs-phone", Journey);

        officer.Problems.ShouldBeEmpty();
        account.Problems.ShouldBeEmpty();
        visitor.Problems.ShouldBeEmpty();
    }
}
