using System.Globalization;
using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;
using Registry.Testing;
using SkiaSharp;

namespace Registry.Browser.Tests.Journeys;

/// <summary>
/// Issue 17's content journey: the editor (信息员) writes a 工作动态 in the rich editor with an image from the media library
/// (alt text) and a table, and submits it; an officer approves it at every review level and publishes it; a visitor finds it
/// on the home page and through site search, reads it, and in English gets the Chinese text with the fallback note.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class ContentJourneyTests(BrowserFixture fixture)
{
    private const string Journey = nameof(Article_EditorWritesOfficerApprovesAndPublishes_OnTheHomePageAndInSearchInBothLanguages);

    /// <summary>A 1 × 1 PNG.</summary>
    /// <summary>The enrolment table the editor types into the article: a header row and two streets.</summary>
    private static readonly string[][] Enrolment = [["街道", "社区", "学员"], ["鼓楼街道", "8", "36"], ["白云街道", "6", "29"]];

    [Fact]
    public async Task Article_EditorWritesOfficerApprovesAndPublishes_OnTheHomePageAndInSearchInBothLanguages()
    {
        await using var editor = await fixture.OpenSessionAsync();
        await using var officer = await fixture.OpenSessionAsync();
        await using var visitor = await fixture.OpenSessionAsync();
        var core = string.Concat(Random.Shared.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture).Select(c => "零壹贰叁肆伍陆柒捌玖"[c - '0']));
        var title = $"海曙区社区社会组织骨干培训班开班{core}";

        // 1. The editor writes the article: fields, then the body in the rich editor with an image (alt text) and a table.
        const string NewArticle = "/Content/Admin/Items/Edit?type=Article";
        await (await LoginPage.OpenAsync(editor.Page, NewArticle)).SubmitAsync(TestAccounts.Editor.Email, TestAccounts.Editor.Password);
        var page = editor.Page;
        await Arrival.AtAsync(page, "/Content/Admin/Items/Edit");
        await page.Locator("input[name='Input.Title']").FillAsync(title);
        await page.Locator("input[name='Input.Slug']").FillAsync($"training-{Guid.NewGuid().ToString("N")[..8]}");
        await page.Locator("select[name='Input.Category']").SelectOptionAsync("Work");
        await page.Locator("textarea[name='Input.Summary']").FillAsync("首期培训班聚焦社区社会组织规范化建设。");
        var body = page.GetByTestId("rich-editor").Locator("[contenteditable=true]");
        await body.ClickAsync();
        await page.Keyboard.TypeAsync("12月4日，区民政局举办社区社会组织骨干培训班，42个社区的学员参加。");
        await page.Keyboard.PressAsync("Enter");
        await EditorToolbar.OpenUntilShownAsync(page.Locator("[data-menu-key=insertTable]"), page.Locator(".w-e-panel-content-table"));
        await page.Locator(".w-e-panel-content-table td[data-x='2'][data-y='2']").ClickAsync();
        await Assertions.Expect(body.Locator("table tr")).ToHaveCountAsync(Enrolment.Length);
        // The image goes after the first paragraph, from the media library, with its alt text. The caret leaves the table by
        // keyboard: the table's own toolbar covers the paragraph above it.
        await page.Keyboard.PressAsync("Control+Home");
        await page.Keyboard.PressAsync("End");
        var picker = page.GetByTestId("media-picker");
        await EditorToolbar.OpenUntilShownAsync(page.Locator("[data-menu-key=uploadImage]"), picker);
        await picker.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "培训现场.png", MimeType = "image/png", Buffer = TrainingPhoto() });
        await picker.GetByTestId("picker-alt").FillAsync("培训班现场");
        await picker.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Assertions.Expect(body.Locator("img")).ToHaveAttributeAsync("alt", "培训班现场");
        // Then the table's cells.
        var cells = body.Locator("table th, table td");
        var texts = Enrolment.SelectMany(row => row).ToArray();
        for (var i = 0; i < texts.Length; i++)
        {
            await cells.Nth(i).ClickAsync();
            await page.Keyboard.TypeAsync(texts[i]);
        }

        await Assertions.Expect(body.Locator("table")).ToContainTextAsync("鼓楼街道");
        await Screenshots.SaveAsync(page, "01-editor-writes", Journey);
        await page.GetByTestId("save").ClickAsync();
        var id = await Arrival.AtIdAsync(page, @"/Content/Admin/Items/Edit/(\d+)");
        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-status")).ToContainTextAsync("审");
        await Screenshots.SaveAsync(page, "02-submitted", Journey);

        // 2. The officer approves it at every level the type asks for, then publishes it now.
        var review = $"/Content/Admin/Items/Review/{id}";
        await (await LoginPage.OpenAsync(officer.Page, review)).SubmitAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);
        await Arrival.AtAsync(officer.Page, review);
        await Screenshots.SaveAsync(officer.Page, "03-officer-reviews", Journey);
        for (var level = 0; level < 3 && await officer.Page.GetByTestId("approve").IsVisibleAsync(); level++)
        {
            await officer.Page.GetByTestId("approve").ClickAsync();
            await officer.Page.WaitForFunctionAsync("() => document.readyState === 'complete'");
            if (!officer.Page.Url.Contains(review, StringComparison.Ordinal))
            {
                await officer.Page.GotoAsync(review);
            }
        }

        await officer.Page.GotoAsync($"/Content/Admin/Items/Publish/{id}");
        await officer.Page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(officer.Page.Locator("[data-testid=publish-errors] li:visible")).ToHaveCountAsync(0);
        await officer.Page.GotoAsync($"/Content/Admin/Items/Edit/{id}");
        await Assertions.Expect(officer.Page.GetByTestId("item-status")).ToContainTextAsync("已发布");
        await Screenshots.SaveAsync(officer.Page, "04-published", Journey);

        // 3. The visitor sees it among the latest news on the home page (the page cache follows the change feed).
        await visitor.Page.GotoAsync("/");
        var onHome = visitor.Page.Locator("#main a", new() { HasText = title });
        await Eventually.HoldsAsync(async () =>
        {
            if (await onHome.CountAsync() > 0)
            {
                return true;
            }

            await visitor.Page.ReloadAsync();
            return false;
        }, "the published article is on the home page", interval: TimeSpan.FromMilliseconds(500));
        await Screenshots.SaveAsync(visitor.Page, "05-home-page", Journey);

        // 4. Site search finds it (its index follows the change feed too); the article shows the image and the table.
        var search = $"/search?q={Uri.EscapeDataString(title)}";
        var hit = visitor.Page.Locator("[data-testid=search-results] a", new() { HasText = title });
        await Eventually.HoldsAsync(async () =>
        {
            await visitor.Page.GotoAsync(search);
            return await hit.CountAsync() > 0;
        }, "site search finds the published article", interval: TimeSpan.FromMilliseconds(500));
        await Screenshots.SaveAsync(visitor.Page, "06-site-search", Journey);
        await hit.First.ClickAsync();
        await Assertions.Expect(visitor.Page.Locator("#main h1")).ToHaveTextAsync(title);
        await Assertions.Expect(visitor.Page.Locator("#main img[alt='培训班现场']")).ToHaveCountAsync(1);
        await Assertions.Expect(visitor.Page.Locator("#main table")).ToHaveCountAsync(1);
        await Assertions.Expect(visitor.Page.Locator("#main table tr").Nth(1)).ToContainTextAsync("鼓楼街道");
        await Screenshots.SaveAsync(visitor.Page, "07-article", Journey);

        // 5. In English: no English variant, so the Chinese article with the note; search marks it as Chinese.
        var chrome = new SiteChrome(visitor.Page);
        (await chrome.SwitchLanguageAsync()).ShouldBe("en");
        await Assertions.Expect(visitor.Page.GetByTestId("fallback-note")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Page.Locator("#main h1")).ToHaveTextAsync(title);
        await Screenshots.SaveAsync(visitor.Page, "08-article-in-english", Journey);
        await visitor.Page.GotoAsync(search);
        await Assertions.Expect(hit).ToHaveCountAsync(1);
        await Assertions.Expect(visitor.Page.GetByTestId("search-fallback").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(visitor.Page, "09-search-in-english", Journey);

        editor.Problems.ShouldBeEmpty();
        officer.Problems.ShouldBeEmpty();
        visitor.Problems.ShouldBeEmpty();
    }

    /// <summary>A photograph-sized PNG (a classroom in flat colours), so the screenshots show the image where it sits.</summary>
    private static byte[] TrainingPhoto()
    {
        using var bitmap = new SKBitmap(640, 360);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var wall = new SKPaint { Color = new SKColor(0xE8, 0xEE, 0xF4) };
            using var board = new SKPaint { Color = new SKColor(0x2F, 0x5D, 0x50) };
            using var banner = new SKPaint { Color = new SKColor(0xB7, 0x1C, 0x1C) };
            using var seat = new SKPaint { Color = new SKColor(0x45, 0x5A, 0x64) };
            canvas.DrawRect(0, 0, 640, 360, wall);
            canvas.DrawRect(40, 20, 560, 40, banner);
            canvas.DrawRect(160, 80, 320, 130, board);
            for (var row = 0; row < 2; row++)
            {
                for (var column = 0; column < 8; column++)
                {
                    canvas.DrawCircle(80 + (column * 68), 250 + (row * 60), 18, seat);
                }
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 90);
        return png.ToArray();
    }
}
