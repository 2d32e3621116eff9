using System.Text.Encodings.Web;
using System.Text.Unicode;
using Registry.Directory.Contracts;

namespace Registry.Web.Tests.Directory;

/// <summary>Marking and cutting around searched words: case-insensitive for every script, whatever path the search takes.</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("宁波市海曙区乐龄养老服务中心", "养老", "宁波市海曙区乐龄<mark>养老</mark>服务中心")]
    [InlineData("海曙区NGO发展促进会", "ngo", "海曙区<mark>NGO</mark>发展促进会")]
    [InlineData("海曙区ngo发展促进会", "NGO中心", "海曙区ngo发展促进会")]
    [InlineData("Ngo服务社 <b>", "nGO服务", "<mark>Ngo服务</mark>社 &lt;b&gt;")]
    [InlineData("ΣΟΦΙΑ读书会", "σοφια", "<mark>ΣΟΦΙΑ</mark>读书会")]
    [InlineData("𐐀𐐁 club", "𐐨𐐩", "<mark>&#x10400;&#x10401;</mark> club")]
    public void Marks_EachWordWhateverItsCase(string text, string word, string html) =>
        Marked(text, word).ShouldBe(html);

    [Fact]
    public void Marks_LongestWordFirst_AndEveryOccurrence() =>
        Marked("养老服务与居家养老", "养老", "养老服务").ShouldBe("<mark>养老服务</mark>与居家<mark>养老</mark>");

    [Fact]
    public void Marks_OneSetOfWords_ManyTexts_NothingTyped_JustEncoded()
    {
        var marks = SearchText.Marks(["协会"]);

        Render(marks.In("海曙区社会组织协会")).ShouldBe("海曙区社会组织<mark>协会</mark>");
        Render(marks.In("乐龄 & <协会>")).ShouldBe("乐龄 &amp; &lt;<mark>协会</mark>&gt;");
        Render(SearchText.Marks([]).In("a<b")).ShouldBe("a&lt;b");
    }

    [Fact]
    public void Snippet_StartsNearTheFirstWordFound()
    {
        var text = new string('甲', 100) + "Elderly养老" + new string('乙', 100);

        var snippet = SearchText.Snippet(text, ["ELDERLY"], window: 30);

        snippet.ShouldStartWith("…");
        snippet.ShouldContain("Elderly养老");
        snippet.ShouldEndWith("…");
    }

    /// <summary>As a page writes it: the site's encoder lets every script through and encodes markup.</summary>
    private static string Render(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var html = new StringWriter();
        content.WriteTo(html, HtmlEncoder.Create(UnicodeRanges.All));
        return html.ToString();
    }

    private static string Marked(string text, params string[] words) => Render(SearchText.Marks(words).In(text));
}
