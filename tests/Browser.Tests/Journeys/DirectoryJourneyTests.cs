using System.Globalization;
using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;
using Registry.Core.Identification;

namespace Registry.Browser.Tests.Journeys;

/// <summary>
/// The public directory over the demo district register, as an anonymous visitor: search with highlighting, a type
/// filter, an organization's page, and the certificate check of its credit code (and of a mistyped one).
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class DirectoryJourneyTests(BrowserFixture fixture)
{
    private const string PrivateNonEnterprise = "民办非企业单位";

    [Fact]
    public async Task Directory_VisitorSearchesFiltersOpensAndChecksCode_FindsActiveOrganizationAndRejectsBadCheckDigit()
    {
        await fixture.EnsureDemoRegisterAsync();
        await using var visitor = await fixture.OpenSessionAsync();

        // 1. A search for 养老 lists the elderly-care centre with the word marked.
        var directory = await DirectoryPage.OpenAsync(visitor.Page);
        await directory.SearchAsync("养老");
        var sunshine = directory.Hit("宁波市海曙区阳光养老服务中心");
        await Assertions.Expect(sunshine).ToHaveCountAsync(1);
        await Assertions.Expect(sunshine.Locator("h3 mark")).ToHaveTextAsync("养老");
        await Screenshots.SaveAsync(visitor.Page, "1-search-yanglao");

        // 2. The type filter 民办非企业单位: the total is the facet's count and every hit is of that type.
        var expected = await directory.FacetCountAsync("type", PrivateNonEnterprise);
        expected.ShouldBeGreaterThan(0);
        await directory.ApplyFacetAsync("type", PrivateNonEnterprise);
        await Assertions.Expect(directory.Total).ToHaveTextAsync($"共找到 {expected.ToString(CultureInfo.InvariantCulture)} 个社会组织");
        await Assertions.Expect(directory.Hits).ToHaveCountAsync(Math.Min(expected, 20));
        foreach (var hit in await directory.Hits.AllAsync())
        {
            await Assertions.Expect(hit.Locator("p.muted").First).ToContainTextAsync(PrivateNonEnterprise);
        }

        await Assertions.Expect(directory.Hit("宁波市海曙区阳光养老服务中心")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(visitor.Page, "2-type-filter");

        // 3. The first hit's public page shows its name and credit code, the same as in its result row.
        var first = directory.Hits.First.Locator("h3 a");
        var name = (await first.InnerTextAsync()).Trim();
        var href = await first.GetAttributeAsync("href");
        href.ShouldNotBeNull();
        href.ShouldStartWith("/Organizations/Org/");
        var id = int.Parse(href["/Organizations/Org/".Length..], CultureInfo.InvariantCulture);
        await first.ClickAsync();
        var organization = await OrganizationPage.AttachAsync(visitor.Page, id);
        await Assertions.Expect(organization.Name).ToHaveTextAsync(name);
        await Assertions.Expect(organization.Particular("统一社会信用代码")).ToBeVisibleAsync();
        var code = (await organization.PublicCode.InnerTextAsync()).Trim();
        UnifiedSocialCreditCode.IsValid(code).ShouldBeTrue(code);
        code.ShouldStartWith("52"); // 5 = civil affairs, 2 = 民办非企业单位
        await Assertions.Expect(organization.Particular("统一社会信用代码")).ToHaveTextAsync(code);
        await Screenshots.SaveAsync(visitor.Page, "3-organization-page");

        // 4. The certificate check finds it by that code: name and 正常.
        var check = await CertificateCheckPage.OpenAsync(visitor.Page);
        await check.CheckAsync(code);
        await Assertions.Expect(check.Result).ToContainTextAsync(name);
        await Assertions.Expect(check.Result).ToContainTextAsync(code);
        await Assertions.Expect(check.Result.GetByTestId("check-status")).ToHaveTextAsync("正常");
        await Assertions.Expect(check.Result.GetByTestId("check-standing")).ToContainTextAsync("未列入");
        await Assertions.Expect(check.Errors).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(visitor.Page, "4-check-valid");

        // 5. The same code with its check character changed is refused with a clear word about the check character.
        var mistyped = code[..^1] + (code[^1] == '0' ? '1' : '0');
        UnifiedSocialCreditCode.IsValid(mistyped).ShouldBeFalse(mistyped);
        await check.CheckAsync(mistyped);
        await Assertions.Expect(check.Errors).ToHaveCountAsync(1);
        await Assertions.Expect(check.Errors).ToContainTextAsync("校验位");
        await Assertions.Expect(check.Result).ToHaveCountAsync(0);
        await Assertions.Expect(check.NotFound).ToHaveCountAsync(0);
        await Assertions.Expect(check.Code).ToHaveValueAsync(mistyped);
        await Screenshots.SaveAsync(visitor.Page, "5-check-bad-check-digit");

        visitor.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Directory_VisitorSearchesDeregisteredOrganization_ListsItMarkedDeregistered()
    {
        await fixture.EnsureDemoRegisterAsync();
        await using var visitor = await fixture.OpenSessionAsync();
        var directory = await DirectoryPage.OpenAsync(visitor.Page);

        await directory.SearchAsync("电子商务");

        var association = directory.Hit("宁波市海曙区电子商务协会");
        await Assertions.Expect(association).ToHaveCountAsync(1);
        await Assertions.Expect(association.Locator(".badge")).ToHaveTextAsync("已注销");
        await Screenshots.SaveAsync(visitor.Page, "1-deregistered");
        visitor.Problems.ShouldBeEmpty();
    }
}
