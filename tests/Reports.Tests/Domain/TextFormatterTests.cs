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

    private readonly TextFormatter _formatter = new((key, args) => string.Format(CultureInfo.InvariantCulture, Chinese[key], args), CultureInfo.GetCultureInfo("zh-CN"));

    [Fact]
    public void Format_NestedTextsAndLists_WritesThemInPlace()
    {
        var text = new Text("Kind", 11, new TextList([new Text("Type", "社会团体", 7), new Text("Type", "民办非企业单位", 4)]));

        _formatter.Format(text).ShouldBe("完成社会组织名称核准11家，其中社会团体7家，民办非企业单位4家");
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
