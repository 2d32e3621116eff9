using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Registry.Notices.Services;

namespace Registry.Notices.Tests.Services;

public sealed class NoticeMarkdownTests
{
    private static readonly NoticeMarkdown Markdown = new();

    [Fact]
    public void ToSafeHtml_ScriptTagInMarkdown_IsNeverAnElement()
    {
        var html = Markdown.ToSafeHtml("公示如下。\n\n<script>alert('xss')</script>\n\n<SCRIPT src=\"https://evil.example/x.js\"></SCRIPT>");

        html.ShouldNotContain("<script", Case.Insensitive);
        Elements(html, "script").ShouldBeEmpty();
        html.ShouldContain("公示如下");
    }

    [Theory]
    [InlineData("[点击查看](javascript:alert(1))")]
    [InlineData("[点击查看](JaVaScRiPt:alert(1))")]
    [InlineData("[点击查看](  javascript:alert(1))")]
    [InlineData("[点击查看](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[点击查看](vbscript:msgbox(1))")]
    [InlineData("<javascript:alert(1)>")]
    public void ToSafeHtml_DangerousLink_LosesItsHref(string markdown)
    {
        var html = Markdown.ToSafeHtml(markdown);

        // The link text may stay; a link that goes anywhere but the web or a mailbox may not.
        Elements(html, "a").Select(a => a.GetAttribute("href")).ShouldAllBe(href => href == null || href.StartsWith("http", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal));
        html.ShouldNotContain("href=\"javascript", Case.Insensitive);
        html.ShouldNotContain("href=\"data:", Case.Insensitive);
    }

    [Fact]
    public void ToSafeHtml_RefusedLink_BecomesItsText()
    {
        var html = Markdown.ToSafeHtml("请[点此](javascript:alert(1))查看，或访问[区民政局](https://www.haishu.gov.cn/)。");

        Elements(html, "a").ShouldHaveSingleItem().TextContent.ShouldBe("区民政局");
        Elements(html, "p").Single().TextContent.ShouldBe("请点此查看，或访问区民政局。");
    }

    [Fact]
    public void ToSafeHtml_EventAttributeInRawHtml_IsNotAnAttribute()
    {
        var html = Markdown.ToSafeHtml("<img src=x onerror=\"alert(1)\"> <a href=\"/x\" onclick=\"alert(2)\">x</a> <p onmouseover=alert(3)>p</p>");

        AllElements(html).SelectMany(e => e.Attributes).Select(a => a.Name).ShouldNotContain(name => name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Elements(html, "img").ShouldBeEmpty();
    }

    [Fact]
    public void Sanitize_HtmlThatGotPastMarkdown_StripsScriptsHandlersAndJavascriptUrls()
    {
        // The second wall on its own: were raw HTML ever let through, the sanitizer still removes the dangerous parts.
        var html = Markdown.Sanitize(
            "<p onclick=\"alert(1)\">正文</p><script>alert(2)</script><img src=x onerror=alert(3)>"
            + "<a href=\"javascript:alert(4)\">链接</a><a href=\"https://www.haishu.gov.cn/\" onmouseover=\"alert(5)\">海曙</a>"
            + "<iframe src=\"https://evil.example\"></iframe><style>body{display:none}</style><form action=\"/x\"><input name=a></form>"
            + "<div style=\"background:url(javascript:alert(6))\">样式</div><svg><script>alert(7)</script></svg>");

        var elements = AllElements(html).ToList();
        elements.Select(e => e.LocalName).ShouldBeSubsetOf(["p", "a"]);
        elements.SelectMany(e => e.Attributes).Select(a => a.Name).ShouldNotContain(name => name.StartsWith("on", StringComparison.Ordinal) || name == "style");
        html.ShouldNotContain("javascript", Case.Insensitive);
        html.ShouldNotContain("alert(2)");
        html.ShouldContain("正文");
        html.ShouldContain("href=\"https://www.haishu.gov.cn/\"");
    }

    [Fact]
    public void ToSafeHtml_OrdinaryMarkdown_KeepsHeadingsListsTablesAndLinks()
    {
        var html = Markdown.ToSafeHtml("""
            ## 公示名单

            1. 宁波市海曙区阳光助老服务中心
            2. 宁波市海曙区书香社区读书会

            - **评估等级**：4A
            - 详见[区民政局网站](https://www.haishu.gov.cn/mzj)或来信 <mailto:mzj@example.cn>

            | 序号 | 名称 |
            |---|---|
            | 1 | 阳光助老 |
            """);

        Elements(html, "h2").Single().TextContent.ShouldBe("公示名单");
        Elements(html, "ol").Single().Children.Length.ShouldBe(2);
        Elements(html, "strong").Single().TextContent.ShouldBe("评估等级");
        Elements(html, "table").ShouldHaveSingleItem();
        var link = Elements(html, "a").First(a => a.TextContent == "区民政局网站");
        link.GetAttribute("href").ShouldBe("https://www.haishu.gov.cn/mzj");
        link.GetAttribute("rel").ShouldBe("nofollow noopener noreferrer");
        Elements(html, "a").ShouldContain(a => a.GetAttribute("href") == "mailto:mzj@example.cn");
    }

    [Fact]
    public void ToSafeHtml_LineBreaksInAParagraph_AreKept()
    {
        var html = Markdown.ToSafeHtml("第一行\n第二行");

        Elements(html, "br").ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ToSafeHtml_NoBody_IsEmpty(string? markdown) => Markdown.ToSafeHtml(markdown).ShouldBe("");

    [Fact]
    public void Excerpt_LongBody_IsPlainTextCutWithAnEllipsis()
    {
        var excerpt = Markdown.Excerpt("## 标题\n\n**根据**《社会组织评估管理办法》，现将评估结果予以公示。公示期为七天。", 20);

        excerpt.ShouldNotContain("*");
        excerpt.ShouldNotContain("#");
        excerpt.Length.ShouldBeLessThanOrEqualTo(21);
        excerpt.ShouldEndWith("…");
    }

    private static IEnumerable<IElement> AllElements(string html) =>
        new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!.QuerySelectorAll("*");

    private static List<IElement> Elements(string html, string tag) => [.. AllElements(html).Where(e => e.LocalName == tag)];
}
