using System.Text;
using MiniExcelLibs;
using Registry.Reports.Domain;
using Registry.Reports.Services;

namespace Registry.Reports.Tests.Domain;

public sealed class ReportExportTests
{
    private static readonly Report Report = new(
        ReportPeriod.WholeYear(2026),
        [
            new ReportSection("s", new Text("S"), [
                new FigureTable("streets", new Text("按街道"), [new("Count", new Text("数量")), new("Rate", new Text("数量"))], [
                    new("a", new Text("=鼓楼,街道"), [new FigureCell(3), new FigureCell(null)]),
                ]),
            ], []),
        ]);

    [Fact]
    public void Csv_Report_StartsWithBomQuotesAndDefusesFormulas()
    {
        var bytes = ReportExport.Csv(Report, t => t.Key);

        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).ShouldBe("按街道\r\nRep.Item,数量,数量 (Rate)\r\n\"'=鼓楼,街道\",3,\r\n\r\n");
    }

    [Fact]
    public void Xlsx_Report_OneSheetPerTableWithUniqueHeadings()
    {
        using var stream = new MemoryStream(ReportExport.Xlsx(Report, t => t.Key));

        MiniExcel.GetSheetNames(stream).ShouldBe(["streets"]);
        var row = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "streets", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Single();
        row.Keys.ShouldBe(["Rep.Item", "数量", "数量 (Rate)"]);
        (row["Rep.Item"], Convert.ToInt32(row["数量"], System.Globalization.CultureInfo.InvariantCulture), row["数量 (Rate)"]).ShouldBe(("=鼓楼,街道", 3, (object?)null));
    }

    [Fact]
    public void FileName_RangeOrYear_NamesThePeriod()
    {
        (ReportExport.FileName(ReportPeriod.WholeYear(2026), "xlsx"), ReportExport.FileName(new ReportPeriod(2026, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30)), "csv"))
            .ShouldBe(("report-2026.xlsx", "report-20260601-20260630.csv"));
    }
}
