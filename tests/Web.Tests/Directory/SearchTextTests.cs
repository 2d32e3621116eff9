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
    [InlineData("𐐀𐐁 club", "𐐨𐐩", "<mark>&#66560;&#66561;</mark> club")]
    public void Highlight_MarksEachWordWhateverItsCase(string text, string word, string html) =>
        SearchText.Highlight(text, [word]).ShouldBe(html);

    [Fact]
    public void Highlight_LongestWordFirst_AndEveryOccurrence() =>
        SearchText.Highlight("养老服务与居家养老", ["养老", "养老服务"]).ShouldBe("<mark>养老服务</mark>与居家<mark>养老</mark>");

    [Fact]
    public void Snippet_StartsNearTheFirstWordFound()
    {
        var text = new string('甲', 100) + "Elderly养老" + new string('乙', 100);

        var snippet = SearchText.Snippet(text, ["ELDERLY"], window: 30);

        snippet.ShouldStartWith("…");
        snippet.ShouldContain("Elderly养老");
        snippet.ShouldEndWith("…");
    }
}
