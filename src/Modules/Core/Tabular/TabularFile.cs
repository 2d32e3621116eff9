using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace Registry.Core.Tabular;

/// <summary>A bad cell of an import: 1-based data row (after the header; 0 for the file itself), column and localization key.</summary>
public sealed record ImportError(int Row, string Column, string Key, params object[] Args);

/// <summary>Outcome of an import: either every row applied, or none and all errors listed.</summary>
public sealed record ImportResult(int Imported, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportResult Fail(string key, params object[] args) => new(0, [new ImportError(0, "", key, args)]);
}

/// <summary>Reads the rows of a CSV or XLSX file with a header row, mapping header names (Chinese or English) to column names.</summary>
public static class TabularFile
{
    /// <summary>
    /// The data rows as column → trimmed text (dates as ISO dates), or the reason the file cannot be used
    /// (wrong type, unreadable, more than <paramref name="maxRows"/> rows, no rows, beyond the <see cref="SpreadsheetLimits"/>:
    /// an .xlsx is walked by <see cref="SpreadsheetGuard"/> before it is parsed).
    /// </summary>
    public static async Task<(IReadOnlyList<Dictionary<string, string>> Rows, ImportResult? Refusal)> ReadAsync(
        Stream content, string fileName, IReadOnlyDictionary<string, string> columns, int maxRows, CancellationToken cancellationToken, SpreadsheetLimits? limits = null)
    {
        limits ??= SpreadsheetLimits.Default;
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(columns);
        var excelType = Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".CSV" => ExcelType.CSV,
            ".XLSX" => ExcelType.XLSX,
            _ => (ExcelType?)null,
        };
        if (excelType is null)
        {
            return ([], ImportResult.Fail("Import.FileType"));
        }

        var rows = new List<IDictionary<string, object?>>();
        try
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            if (excelType == ExcelType.XLSX && SpreadsheetGuard.CheckXlsx(buffer, maxRows, limits) is { } bomb)
            {
                return ([], bomb);
            }

            var cells = 0;
            // CSV cells split by CsvFields (same cells as MiniExcel's own splitter, without its quadratic look-ahead).
            var configuration = excelType == ExcelType.CSV ? new CsvConfiguration { SplitFn = CsvFields.Split } : null;
            foreach (var row in MiniExcel.Query(buffer, useHeaderRow: true, excelType: excelType.Value, configuration: configuration).Cast<IDictionary<string, object?>>().Take(maxRows + 1))
            {
                cells += row.Count;
                if (cells > limits.MaxCells)
                {
                    return ([], ImportResult.Fail("Import.TooManyCells", limits.MaxCells));
                }

                if (row.Values.Select(v => SpreadsheetGuard.CheckCell(v, limits)).FirstOrDefault(r => r is not null) is { } tooLong)
                {
                    return ([], tooLong);
                }

                rows.Add(row);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or InvalidOperationException or IOException or KeyNotFoundException or IndexOutOfRangeException or ArgumentException)
        {
            return ([], ImportResult.Fail("Import.Unreadable"));
        }

        if (rows.Count > maxRows)
        {
            return ([], ImportResult.Fail("Import.TooManyRows", maxRows));
        }

        if (rows.Count == 0)
        {
            return ([], ImportResult.Fail("Import.Empty"));
        }

        return ([.. rows.Select(r => Normalize(r, columns))], null);
    }

    private static Dictionary<string, string> Normalize(IDictionary<string, object?> row, IReadOnlyDictionary<string, string> columns)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (header, value) in row)
        {
            if (columns.TryGetValue(header.Trim(), out var column))
            {
                // Spreadsheet date cells arrive as DateTime; the parsers speak ISO dates.
                result[column] = value is DateTime date
                    ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";
            }
        }

        return result;
    }
}

/// <summary>Model of the theme's <c>_ImportErrors</c> partial: the refused file's cell errors, columns named by <paramref name="ColumnKeyPrefix"/> + column.</summary>
public sealed record ImportErrorsView(string? FileName, IReadOnlyList<ImportError> Errors, string ColumnKeyPrefix);
