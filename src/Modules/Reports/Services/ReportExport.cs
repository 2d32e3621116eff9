using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Registry.Core.Tabular;
using Registry.Reports.Domain;

namespace Registry.Reports.Services;

/// <summary>The dashboard's tables as files: XLSX (one sheet per table) and CSV (UTF-8 with BOM, tables one after another).</summary>
internal static class ReportExport
{
    public const string XlsxContentType = TabularExport.XlsxContentType;

    private static readonly Text ItemHeading = new("Rep.Item");

    public static byte[] Xlsx(Report report, Func<Text, string> label)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var table in Tables(report))
        {
            var heading = Heading(table, label);
            sheets[table.Id] = table.Rows.Select(row =>
            {
                var cells = new Dictionary<string, object?>(StringComparer.Ordinal) { [heading[0]] = label(row.Label) };
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    cells[heading[c + 1]] = row.Cells[c].Value;
                }

                return cells;
            }).ToList();
        }

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static byte[] Csv(Report report, Func<Text, string> label)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        foreach (var table in Tables(report))
        {
            csv.Append(TabularExport.CsvField(label(table.Title))).Append("\r\n");
            csv.AppendJoin(',', Heading(table, label).Select(TabularExport.CsvField)).Append("\r\n");
            foreach (var row in table.Rows)
            {
                csv.Append(TabularExport.CsvField(label(row.Label)));
                foreach (var cell in row.Cells)
                {
                    csv.Append(',').Append(cell.Value is { } value ? value.ToString(CultureInfo.InvariantCulture) : "");
                }

                csv.Append("\r\n");
            }

            csv.Append("\r\n");
        }

        // The BOM makes spreadsheet programs read the Chinese text as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static string FileName(ReportPeriod period, string extension) => period.IsWholeYear
        ? string.Create(CultureInfo.InvariantCulture, $"report-{period.Year}.{extension}")
        : string.Create(CultureInfo.InvariantCulture, $"report-{period.First:yyyyMMdd}-{period.Last:yyyyMMdd}.{extension}");

    private static IEnumerable<FigureTable> Tables(Report report) => report.Sections.SelectMany(s => s.Tables);

    /// <summary>"Item" over the row labels (as on the dashboard), then the column headings (made unique: they are the sheet's keys).</summary>
    private static List<string> Heading(FigureTable table, Func<Text, string> label)
    {
        var heading = new List<string> { label(ItemHeading) };
        foreach (var column in table.Columns)
        {
            var text = label(column.Label);
            heading.Add(heading.Contains(text) ? $"{text} ({column.Key})" : text);
        }

        return heading;
    }
}
