using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;
using Registry.Testing;

namespace Registry.Browser.Tests.Journeys;

/// <summary>
/// The rich editor (issue #17) on a page with a <c>textarea[data-rich-editor]</c>: it loads under the site's CSP without a
/// script error, shows a Chinese toolbar, inserts a table, and the textarea posts the editor's HTML.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class RichEditorJourneyTests(BrowserFixture fixture)
{
    private const string Path = "/Content/Admin/Media/EditorCheck";

    [Fact]
    public async Task RichEditor_OfficerWritesHeadingAndInsertsTable_ToolbarIsChineseAndFormPostsHtml()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        var login = await LoginPage.OpenAsync(page, returnUrl: Path);
        await login.SubmitAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);
        await Arrival.AtAsync(page, Path);

        var editor = page.GetByTestId("rich-editor");
        await Assertions.Expect(editor).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("textarea[name=Body]")).ToBeHiddenAsync();
        var toolbar = editor.Locator("[role=toolbar]");
        await Assertions.Expect(toolbar).ToHaveAttributeAsync("aria-label", "编辑工具栏");
        await Assertions.Expect(toolbar.Locator("[data-menu-key=insertTable]")).ToHaveAttributeAsync("data-tooltip", TableTooltip());
        await Assertions.Expect(toolbar.Locator("[data-menu-key=richImportWord]")).ToHaveAttributeAsync("data-tooltip", "导入 Word 文档");
        await Assertions.Expect(toolbar.Locator("[data-menu-key=uploadImage]")).ToBeVisibleAsync();

        var body = editor.Locator("[contenteditable=true]");
        await body.ClickAsync();
        await page.Keyboard.TypeAsync("关于开展社会组织年检工作的通知");
        await page.Keyboard.PressAsync("Enter");
        await EditorToolbar.OpenUntilShownAsync(toolbar.Locator("[data-menu-key=insertTable]"), page.Locator(".w-e-panel-content-table"));
        // The size grid: column 3, row 2 makes a 3 × 2 table.
        await page.Locator(".w-e-panel-content-table td[data-x='2'][data-y='1']").ClickAsync();
        await Assertions.Expect(body.Locator("table tr")).ToHaveCountAsync(2);
        await Assertions.Expect(body.Locator("table tr").First.Locator("th, td")).ToHaveCountAsync(3);
        await Screenshots.SaveAsync(page, "1-editor-with-table");

        await page.GetByTestId("editor-check-submit").ClickAsync();

        var posted = page.GetByTestId("editor-posted");
        await Assertions.Expect(posted).ToContainTextAsync("<table");
        await Assertions.Expect(posted).ToContainTextAsync("关于开展社会组织年检工作的通知");
        // The posted HTML comes back into the editor.
        await Assertions.Expect(page.GetByTestId("rich-editor").Locator("[contenteditable=true] table")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "2-posted-html");
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task RichEditor_ImageWithoutAltText_IsNotInsertedAndUploadAsksForIt()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        var login = await LoginPage.OpenAsync(page, returnUrl: Path);
        await login.SubmitAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);
        await Arrival.AtAsync(page, Path);

        await page.GetByTestId("rich-editor").Locator("[contenteditable=true]").ClickAsync();
        var picker = page.GetByTestId("media-picker");
        await EditorToolbar.OpenUntilShownAsync(page.Locator("[data-menu-key=uploadImage]"), picker);
        await Assertions.Expect(picker).ToBeVisibleAsync();
        await Assertions.Expect(picker.Locator("h2")).ToHaveTextAsync("从媒体库选择图片");
        await picker.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "合影.png", MimeType = "image/png", Buffer = OnePixelPng });
        await picker.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();

        await Assertions.Expect(picker.Locator("[role=alert]")).ToContainTextAsync("请填写图片的替代文字。");
        await picker.GetByTestId("picker-alt").FillAsync("社区志愿者合影");
        await picker.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();

        var image = page.GetByTestId("rich-editor").Locator("[contenteditable=true] img");
        await Assertions.Expect(image).ToHaveAttributeAsync("alt", "社区志愿者合影");
        await Assertions.Expect(image).ToHaveAttributeAsync("src", MediaAddress());
        await Screenshots.SaveAsync(page, "1-image-inserted");
        session.Problems.ShouldBeEmpty();
    }

    /// <summary>A 1 × 1 PNG.</summary>
    private static readonly byte[] OnePixelPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [GeneratedRegex("^插入表格")]
    private static partial Regex TableTooltip();

    [GeneratedRegex(@"^/media/\d+/")]
    private static partial Regex MediaAddress();
}
