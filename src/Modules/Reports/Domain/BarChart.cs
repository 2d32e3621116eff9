using System.Globalization;
using System.Net;
using System.Text;

namespace Registry.Reports.Domain;

/// <summary>
/// Server-rendered SVG bar charts: one group of horizontal bars per table row, one bar per charted column. Each series
/// has its own fill pattern (solid, hatched, dotted, crossed …) and every bar a dark outline and its value written beside
/// it, so the chart reads in greyscale and in print; the title and description name every figure for screen readers,
/// and the page shows the table the chart is drawn from.
/// </summary>
public static class BarChart
{
    private const int Width = 720;
    private const int LabelWidth = 176;
    private const int ValueWidth = 64;
    private const int BarHeight = 16;
    private const int BarGap = 2;
    private const int GroupGap = 12;
    private const int LegendRowHeight = 22;
    private const int LegendItemWidth = 176;
    private const string Ink = "#1b2a41";

    /// <summary>The SVG markup (all text encoded), or an empty string when the table charts nothing.</summary>
    public static string Render(FigureTable table, Func<Text, string> label, string id)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(label);
        var series = table.ChartColumns.Where(c => c >= 0 && c < table.Columns.Count).ToList();
        if (series.Count == 0 || table.Rows.Count == 0)
        {
            return "";
        }

        var legendRows = series.Count > 1 ? (series.Count + 3) / 4 : 0;
        var top = (legendRows * LegendRowHeight) + 8;
        var groupHeight = (series.Count * (BarHeight + BarGap)) - BarGap;
        var height = top + (table.Rows.Count * (groupHeight + GroupGap)) + 4;
        var max = table.Rows.SelectMany(r => series.Select(c => r.Cells[c].Value ?? 0)).DefaultIfEmpty(0).Max();
        var plotWidth = Width - LabelWidth - ValueWidth;
        var title = label(table.Title);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar-chart\" role=\"img\" viewBox=\"0 0 {Width} {height}\" aria-labelledby=\"{id}-title {id}-desc\" data-testid=\"chart-{Encode(table.Id)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{Encode(Describe(table, series, label))}</desc>");
        svg.Append("<defs>");
        for (var s = 0; s < series.Count; s++)
        {
            svg.Append(Pattern($"{id}-p{s}", s));
        }

        svg.Append("</defs>");
        for (var s = 0; s < series.Count && series.Count > 1; s++)
        {
            var x = (s % 4) * LegendItemWidth;
            var y = (s / 4) * LegendRowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y + 3}\" width=\"14\" height=\"14\" fill=\"url(#{id}-p{s})\" stroke=\"{Ink}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 20}\" y=\"{y + 15}\" font-size=\"13\" fill=\"{Ink}\">{Encode(label(table.Columns[series[s]].Label))}</text>");
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var groupTop = top + (r * (groupHeight + GroupGap));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{groupTop + (groupHeight / 2) + 5}\" text-anchor=\"end\" font-size=\"13\" fill=\"{Ink}\">{Encode(label(row.Label))}</text>");
            for (var s = 0; s < series.Count; s++)
            {
                var value = row.Cells[series[s]].Value ?? 0;
                var barWidth = max <= 0 ? 0 : (int)Math.Round(value / max * plotWidth, MidpointRounding.AwayFromZero);
                var y = groupTop + (s * (BarHeight + BarGap));
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{Math.Max(barWidth, 1)}\" height=\"{BarHeight}\" fill=\"url(#{id}-p{s})\" stroke=\"{Ink}\" stroke-width=\"1\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + barWidth + 6}\" y=\"{y + 13}\" font-size=\"12\" fill=\"{Ink}\">{Number(value)}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{LabelWidth}\" y1=\"{top - 4}\" x2=\"{LabelWidth}\" y2=\"{height}\" stroke=\"{Ink}\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>How figures are written in tables and charts: plainly, with up to two decimals (yuan and fen, average days).</summary>
    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>An amount in yuan as tables print money: thousands grouped, two decimals ("188,000.50", never "188000.5").</summary>
    public static string Amount(decimal yuan) => yuan.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>A cell's value as shown: an amount as money, anything else as a plain number.</summary>
    public static string Display(FigureCell cell, decimal value)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.IsMoney ? Amount(value) : Number(value);
    }

    private static string Describe(FigureTable table, List<int> series, Func<Text, string> label) =>
        string.Join("; ", table.Rows.Select(row =>
            label(row.Label) + ": " + string.Join(", ", series.Select(c => $"{label(table.Columns[c].Label)} {Number(row.Cells[c].Value ?? 0)}"))));

    /// <summary>Fills that differ in shape, not only in colour.</summary>
    private static string Pattern(string id, int index) => (index % 6) switch
    {
        0 => $"<pattern id=\"{id}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"{Ink}\"/></pattern>",
        1 => $"<pattern id=\"{id}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><rect width=\"3\" height=\"8\" fill=\"{Ink}\"/></pattern>",
        2 => $"<pattern id=\"{id}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><circle cx=\"3\" cy=\"3\" r=\"1.6\" fill=\"{Ink}\"/></pattern>",
        3 => $"<pattern id=\"{id}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><path d=\"M0 0L8 8M8 0L0 8\" stroke=\"{Ink}\" stroke-width=\"1.2\"/></pattern>",
        4 => $"<pattern id=\"{id}\" width=\"8\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"6\" fill=\"#ffffff\"/><rect width=\"8\" height=\"2\" fill=\"{Ink}\"/></pattern>",
        _ => $"<pattern id=\"{id}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"#9aa9bd\"/></pattern>",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
