using AngleSharp.Html.Parser;
using Registry.Content.Services;

namespace Registry.Content.Tests;

/// <summary>The sanitizer against an XSS corpus: nothing that can run script survives; the editor's markup does.</summary>
public sealed class ContentHtmlTests
{
    private readonly ContentHtml _html = new();

    public static TheoryData<string> Corpus() =>
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<p onclick=\"alert(1)\">点我</p>",
        "<body onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">链接</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">链接</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">链接</a>",
        "<a href=\"vbscript:msgbox(1)\">链接</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">链接</a>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<svg onload=alert(1)><circle r=10 /></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<p style=\"width: expression(alert(1))\">文字</p>",
        "<div style=\"background:url(javascript:alert(1))\">文字</div>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<form action=\"https://evil.example\"><input name=x></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<a href=\"//evil.example/phish\">外链</a>",
        "<img src=\"x\" srcset=\"javascript:alert(1)\">",
        "<details open ontoggle=alert(1)>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    ];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Sanitize_XssVector_LeavesNothingExecutable(string attack)
    {
        var stored = _html.Sanitize(attack);

        AssertHarmless(stored);
        // Rendering sanitizes the stored text again: still harmless, and stable.
        _html.Sanitize(stored).ShouldBe(stored);
    }

    [Fact]
    public void Sanitize_EditorMarkup_KeepsHeadingsListsTablesLinksImagesAndFigures()
    {
        const string body = """
            <h2>办事指南</h2><p>请<strong>携带</strong>材料，详见<a href="https://www.mca.gov.cn/">民政部</a>和<a href="/policies/shetuan">条例</a>。</p>
            <ul><li>章程</li></ul><ol start="2"><li>名册</li></ol>
            <table><thead><tr><th scope="col">材料</th></tr></thead><tbody><tr><td colspan="2">申请书</td></tr></tbody></table>
            <figure><img src="/media/12/photo.jpg" alt="办事大厅" width="640"><figcaption>办事大厅</figcaption></figure>
            """;

        var safe = _html.Sanitize(body);
        var document = new HtmlParser().ParseDocument(safe);

        document.QuerySelector("h2")!.TextContent.ShouldBe("办事指南");
        document.QuerySelectorAll("li").Length.ShouldBe(2);
        document.QuerySelector("ol")!.GetAttribute("start").ShouldBe("2");
        document.QuerySelector("th")!.GetAttribute("scope").ShouldBe("col");
        document.QuerySelector("td")!.GetAttribute("colspan").ShouldBe("2");
        document.QuerySelector("a[href='https://www.mca.gov.cn/']")!.GetAttribute("rel").ShouldBe("nofollow noopener noreferrer");
        document.QuerySelector("a[href='/policies/shetuan']").ShouldNotBeNull();
        document.QuerySelector("figure img")!.GetAttribute("alt").ShouldBe("办事大厅");
        document.QuerySelector("figcaption")!.TextContent.ShouldBe("办事大厅");
    }

    [Fact]
    public void Sanitize_LinkWithRefusedAddress_KeepsItsText()
    {
        _html.Sanitize("<p><a href=\"javascript:alert(1)\">点此领奖</a></p>").ShouldBe("<p>点此领奖</p>");
    }

    [Fact]
    public void PlainText_Body_IsTextWithoutMarkupAndShortened()
    {
        ContentHtml.PlainText("<h2>标题</h2><p>第一段&nbsp;文字</p>").ShouldBe("标题第一段 文字");
        ContentHtml.PlainText("<p>一二三四五六</p>", 3).ShouldBe("一二三…");
    }

    private static void AssertHarmless(string html)
    {
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            element.LocalName.ShouldNotBeOneOf("script", "style", "svg", "math", "iframe", "object", "embed", "form", "input", "meta", "link", "base", "noscript", "details");
            foreach (var attribute in element.Attributes)
            {
                attribute.Name.ShouldNotStartWith("on", Case.Insensitive);
                attribute.Name.ShouldNotBe("style");
                attribute.Name.ShouldNotBe("srcset");
                attribute.Name.ShouldNotBe("background");
                if (attribute.Name is "href" or "src")
                {
                    var value = attribute.Value.Trim();
                    (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal)
                        || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
                        || (!value.Contains(':', StringComparison.Ordinal) && !value.StartsWith("//", StringComparison.Ordinal)))
                        .ShouldBeTrue($"unsafe address {value}");
                }
            }
        }
    }
}
