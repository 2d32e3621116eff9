using System.Text;
using MiniExcelLibs;
using Registry.Core.Tabular;

namespace Registry.Core.Tests.Tabular;

public sealed class TabularExportTests
{
    private static readonly ExportTable Scores = new("评审结果", ["排名", "项目名称", "平均分", "专家", "专家"], [[1, "银龄互助", 85.5m, 84m, null], [null, "=HYPERLINK(\"x\")", null, null, null]]);

    [Fact]
    public void Csv_OneTable_BomHeadingRowsQuotedAndFormulasDisarmed()
    {
        var bytes = TabularExport.Csv([Scores]);

        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        Encoding.UTF8.GetString(bytes.AsSpan(3)).ShouldBe("排名,项目名称,平均分,专家,专家\r\n1,银龄互助,85.5,84,\r\n,\"'=HYPERLINK(\"\"x\"\")\",,,\r\n");
    }

    // Issue 26 item 12: a leading TAB or CR hides a formula from a reader that skips it, so it is defused like = + - @.
    [Theory]
    [InlineData("\t=cmd|' /C calc'!A0", "'\t=cmd|' /C calc'!A0")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a\tb", "a\tb")]
    public void Quote_LeadingFormulaCharacter_Defused(string value, string expected) => CsvText.Quote(value).ShouldBe(expected);

    [Fact]
    public void Csv_TwoTables_EachUnderItsTitle() =>
        Encoding.UTF8.GetString(TabularExport.Csv([new("A", ["x"], [[-1]]), new("B", ["y"], [["-1"]])]).AsSpan(3)).ShouldBe("A\r\nx\r\n-1\r\n\r\nB\r\ny\r\n'-1\r\n\r\n");

    [Fact]
    public void Xlsx_ReadBack_SheetPerTableNumbersAsNumbersRepeatedHeadingsKept()
    {
        using var stream = new MemoryStream(TabularExport.Xlsx([Scores, new("Reviewers: [all]", ["name"], [["张三"]])]));

        MiniExcel.GetSheetNames(stream).ShouldBe(["评审结果", "Reviewers   all"]);
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "评审结果", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(2);
        new[] { rows[0]["排名"], rows[0]["项目名称"], rows[0]["平均分"], rows[0]["专家"], rows[0]["专家 (5)"] }.ShouldBe([1d, "银龄互助", 85.5d, 84d, null]);
    }
}
