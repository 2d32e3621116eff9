using System.Xml.Linq;
using Registry.Reports.Domain;

namespace Registry.Reports.Tests.Domain;

public sealed class BarChartTests
{
    private static readonly FigureTable Table = new(
        "results",
        new Text("结论 <2025>"),
        [new("Qualified", new Text("合格")), new("Unqualified", new Text("不合格")), new("Total", new Text("合计"))],
        [new("2024", new Text("2024年度"), [new FigureCell(200), new FigureCell(10), new FigureCell(210)]), new("2025", new Text("2025年度"), [new FigureCell(242), new FigureCell(17), new FigureCell(259)])])
    {
        ChartColumns = [0, 1],
    };

    private static XElement Render(FigureTable table) => XElement.Parse(BarChart.Render(table, t => t.Key, "c1"));

    [Fact]
    public void Render_Table_IsAnImageWithTitleAndDescriptionOfEveryFigure()
    {
        var svg = Render(Table);
        XNamespace ns = "http://www.w3.org/2000/svg";

        svg.Attribute("role")!.Value.ShouldBe("img");
        svg.Attribute("aria-labelledby")!.Value.ShouldBe("c1-title c1-desc");
        svg.Element(ns + "title")!.Value.ShouldBe("结论 <2025>");
        svg.Element(ns + "desc")!.Value.ShouldBe("2024年度: 合格 200, 不合格 10; 2025年度: 合格 242, 不合格 17");
    }

    [Fact]
    public void Render_TwoSeries_DrawsABarPerRowAndSeriesWithDistinctPatterns()
    {
        var svg = Render(Table);
        XNamespace ns = "http://www.w3.org/2000/svg";

        var bars = svg.Elements(ns + "rect").Where(r => r.Attribute("height")?.Value == "16").ToList();
        bars.Count.ShouldBe(4);
        bars.Select(b => b.Attribute("fill")!.Value).Distinct().ShouldBe(["url(#c1-p0)", "url(#c1-p1)"]);
        svg.Descendants(ns + "pattern").Count().ShouldBe(2);
        bars.Max(b => int.Parse(b.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(720 - 176 - 64);
    }

    [Fact]
    public void Render_NothingCharted_IsEmpty()
    {
        BarChart.Render(Table with { ChartColumns = [] }, t => t.Key, "c2").ShouldBe("");
    }

    [Theory]
    [InlineData(277, "277")]
    [InlineData(5.5, "5.5")]
    [InlineData(2150000.05, "2150000.05")]
    [InlineData(0, "0")]
    public void Number_Figure_PlainWithUpToTwoDecimals(decimal value, string expected)
    {
        BarChart.Number(value).ShouldBe(expected);
    }

    /// <summary>Issue 25 item 13: a report's amount column printed "188000.5".</summary>
    [Theory]
    [InlineData("188000.5", "188,000.50")]
    [InlineData("0", "0.00")]
    [InlineData("1234567.891", "1,234,567.89")]
    public void Display_MoneyCell_IsGroupedWithTwoDecimals(string yuan, string expected)
    {
        var value = decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture);
        BarChart.Display(new FigureCell(value, IsMoney: true), value).ShouldBe(expected);
    }

    [Fact]
    public void Display_CountCell_StaysAPlainNumber() =>
        BarChart.Display(new FigureCell(1200), 1200).ShouldBe("1200");
}
