using System.Globalization;
using Registry.Reports.Domain;

namespace Registry.Reports.Tests.Domain;

public sealed class TextFormatterTests
{
    private static readonly Dictionary<string, string> Chinese = new()
    {
        [TextFormatter.ListSeparatorKey] = "，",
        [TextFormatter.ClauseSeparatorKey] = "；",
        [TextFormatter.SentenceEndKey] = "。",
        ["Kind"] = "完成社会组织名称核准{0}家，其中{1}",
        ["Type"] = "{0}{1}家",
        ["Filing"] = "完成社区社会组织备案{0}家",
    };

    private static readonly Dictionary<string, string> English = new()
    {
        [TextFormatter.ListSeparatorKey] = ", ",
        ["Kind"] = "{0} {0:organization name|organization names} approved ({1})",
        ["Type"] = "{0} private non-enterprise {0:unit|units}",
    };

    private readonly TextFormatter _formatter = new(key => Chinese.GetValueOrDefault(key), CultureInfo.GetCultureInfo("zh-CN"));

    [Fact]
    public void Format_NestedTextsAndLists_WritesThemInPlace()
    {
        var text = new Text("Kind", 11, new TextList([new Text("Type", "社会团体", 7), new Text("Type", "民办非企业单位", 4)]));

        _formatter.Format(text).ShouldBe("完成社会组织名称核准11家，其中社会团体7家，民办非企业单位4家");
    }

    [Theory]
    [InlineData(1, 1, "1 organization name approved (1 private non-enterprise unit)")]
    [InlineData(4, 4, "4 organization names approved (4 private non-enterprise units)")]
    [InlineData(1000, 0, "1000 organization names approved (0 private non-enterprise units)")]
    public void Format_EnglishCounts_TakeTheSingularOnlyForOne(int names, int units, string expected)
    {
        var english = new TextFormatter(English.GetValueOrDefault, CultureInfo.GetCultureInfo("en"));

        english.Format(new Text("Kind", names, new TextList([new Text("Type", units)]))).ShouldBe(expected);
    }

    [Fact]
    public void Format_KeyNotInTheCatalog_WritesTheKey()
    {
        _formatter.Format(new Text("Rep.Missing", 3)).ShouldBe("Rep.Missing");
    }

    [Fact]
    public void Sentence_Clauses_JoinedAndClosed()
    {
        _formatter.Sentence([new Text("Type", "社会团体", 6), new Text("Filing", 10)]).ShouldBe("社会团体6家；完成社区社会组织备案10家。");
    }

    [Fact]
    public void Sentence_NoClause_IsEmpty()
    {
        _formatter.Sentence([]).ShouldBe("");
    }
}
