using System.Text.RegularExpressions;
using Registry.Core.Tabular;

namespace Registry.Core.Tests.Tabular;

/// <summary>
/// The import's CSV splitter must give exactly the cells MiniExcel's own splitter gives (the regular expression below is
/// MiniExcel 1.46's, CsvReader.Split): same separators, same quotes kept or removed, on ordinary and on malformed records.
/// </summary>
public sealed partial class CsvFieldsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("名称,类型,统一社会信用代码")]
    [InlineData("a,,b,")]
    [InlineData(",")]
    [InlineData("a\tb,c")]
    [InlineData("\"a,b\",c")]
    [InlineData("\"say \"\"hi\"\"\",x")]
    [InlineData("\"\"")]
    [InlineData("\"\"\"")]
    [InlineData("\"")]
    [InlineData("a\"b,c")]
    [InlineData("\"a,b,c")]
    [InlineData("x,\"line one\r\nline two\",y")]
    [InlineData("\"a\"\n,b")]
    [InlineData("\"\n")]
    [InlineData("a\"\n")]
    [InlineData("\"a\"\n")]
    [InlineData("宁波市海曙区阳光协会,社会团体,\"养老、助残\",\"开展\"\"为老\"\"服务\",30000")]
    public void Split_AsMiniExcelSplits(string record)
    {
        CsvFields.Split(record).ShouldBe(MiniExcelSplit(record));
    }

    [Fact]
    public void Split_RandomRecordsOfQuotesSeparatorsAndText_AsMiniExcelSplits()
    {
        var random = new Random(23);
        const string alphabet = "\"\",,\t a名\n\r";
        for (var n = 0; n < 5_000; n++)
        {
            var record = new string([.. Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            CsvFields.Split(record).ShouldBe(MiniExcelSplit(record), record);
        }
    }

    private static string[] MiniExcelSplit(string record) =>
        [.. Separator().Split(record).Select(s => EdgeQuote().Replace(s.Replace("\"\"", "\"", StringComparison.Ordinal), ""))];

    [GeneratedRegex("[\t,](?=(?:[^\"]|\"[^\"]*\")*$)")]
    private static partial Regex Separator();

    [GeneratedRegex("^\"|\"$")]
    private static partial Regex EdgeQuote();
}
