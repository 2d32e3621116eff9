using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Registry.Core.Tabular;

/// <summary>
/// A table to export: <paramref name="Title"/> names the XLSX sheet (and heads the table in a CSV of several), then the
/// column headings and the rows (text, numbers, or null for an empty cell), one value a column.
/// </summary>
public sealed record ExportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Tables as downloadable files: XLSX (one sheet a table, numbers as numeric cells) and CSV (UTF-8 with BOM).</summary>
public static class TabularExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>Excel's limit on a sheet name.</summary>
    private const int SheetNameLength = 31;

    public static byte[] Xlsx(IReadOnlyList<ExportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var sheets = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            var columns = UniqueColumns(table.Columns);
            sheets[SheetName(table.Title, sheets.Keys)] = table.Rows.Select(row =>
            {
                var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var c = 0; c < columns.Count; c++)
                {
                    cells[columns[c]] = c < row.Count ? row[c] : null;
                }

                return cells;
            }).ToList();
        }

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>One table: its heading row and rows. Several: each preceded by its title and followed by an empty line.</summary>
    public static byte[] Csv(IReadOnlyList<ExportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var csv = new StringBuilder();
        foreach (var table in tables)
        {
            if (tables.Count > 1)
            {
                csv.Append(CsvField(table.Title)).Append("\r\n");
            }

            csv.AppendJoin(',', table.Columns.Select(CsvField)).Append("\r\n");
            foreach (var row in table.Rows)
            {
                csv.AppendJoin(',', row.Select(CsvCell)).Append("\r\n");
            }

            if (tables.Count > 1)
            {
                csv.Append("\r\n");
            }
        }

        // The BOM makes spreadsheet programs read the Chinese text as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>RFC 4180 quoting; text starting with = + - @ gets a leading apostrophe so no spreadsheet runs it as a formula.</summary>
    public static string CsvField(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Numbers as invariant digits (decimals without trailing zeros; a negative number is a number, not a formula), text quoted, null empty.</summary>
    private static string CsvCell(object? value) => value switch
    {
        null => "",
        string text => CsvField(text),
        decimal number => number.ToString("0.############################", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => CsvField(value.ToString() ?? ""),
    };

    /// <summary>Column headings are the sheet's keys: a repeated heading gets its position appended.</summary>
    private static List<string> UniqueColumns(IReadOnlyList<string> columns)
    {
        var unique = new List<string>(columns.Count);
        foreach (var column in columns)
        {
            unique.Add(unique.Contains(column, StringComparer.Ordinal) ? string.Create(CultureInfo.InvariantCulture, $"{column} ({unique.Count + 1})") : column);
        }

        return unique;
    }

    /// <summary>A sheet name Excel accepts: no []:*?/\, at most 31 characters, not used yet.</summary>
    private static string SheetName(string title, IEnumerable<string> taken)
    {
        var name = new string([.. title.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? ' ' : c)]).Trim();
        name = name.Length == 0 ? "Sheet" : name[..Math.Min(name.Length, SheetNameLength)];
        var candidate = name;
        for (var n = 2; taken.Contains(candidate, StringComparer.OrdinalIgnoreCase); n++)
        {
            var suffix = string.Create(CultureInfo.InvariantCulture, $" ({n})");
            candidate = name[..Math.Min(name.Length, SheetNameLength - suffix.Length)] + suffix;
        }

        return candidate;
    }
}
