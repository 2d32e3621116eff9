using System.Globalization;
using System.Text;
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
            foreach (var row in TabularRows.Query(buffer, excelType.Value).Take(maxRows + 1))
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
                result[column] = TextOf(value);
            }
        }

        return result;
    }

    /// <summary>A cell as the parsers read it: trimmed text, spreadsheet date cells (DateTime) as ISO dates.</summary>
    internal static string TextOf(object? value) => value is DateTime date
        ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";

    /// <summary>
    /// Opens the file to read its data rows one at a time (<see cref="TabularRows.Read"/>), with the same checks and
    /// refusals as <see cref="ReadAsync"/>; the refusals found in the rows (too many rows or cells, a cell too long, an
    /// unreadable or empty file) end the reading and are then in <see cref="TabularRows.Refusal"/>. A CSV is split as it
    /// is read (here, as MiniExcel's reader splits it), so a caller can work on its first rows while the rest is still
    /// being read (the register import); an .xlsx is read whole when opened, by MiniExcel as before. Cells come by
    /// position in <paramref name="fields"/> (column names of <paramref name="columns"/>), "" when the file has no such
    /// column: no dictionary per row.
    /// </summary>
    public static async Task<(TabularRows? Rows, ImportResult? Refusal)> OpenAsync(
        Stream content, string fileName, IReadOnlyDictionary<string, string> columns, IReadOnlyList<string> fields, int maxRows, CancellationToken cancellationToken, SpreadsheetLimits? limits = null)
    {
        limits ??= SpreadsheetLimits.Default;
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(fields);
        var excelType = Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".CSV" => ExcelType.CSV,
            ".XLSX" => ExcelType.XLSX,
            _ => (ExcelType?)null,
        };
        if (excelType is null)
        {
            return (null, ImportResult.Fail("Import.FileType"));
        }

        var buffer = new MemoryStream();
        try
        {
            await content.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            if (excelType == ExcelType.XLSX)
            {
                if (SpreadsheetGuard.CheckXlsx(buffer, maxRows, limits) is { } bomb)
                {
                    await buffer.DisposeAsync();
                    return (null, bomb);
                }

                var sheet = new List<IDictionary<string, object?>>();
                using (var whole = TabularRows.Query(buffer, ExcelType.XLSX).GetEnumerator())
                {
                    while (sheet.Count <= maxRows && whole.MoveNext())
                    {
                        sheet.Add(whole.Current);
                    }
                }

                return (new TabularRows(buffer, sheet.GetEnumerator(), sheet.Count, columns, fields, maxRows, limits), null);
            }

            var rowsAtMost = RecordsAtMost(buffer);
            return (new TabularRows(buffer, new CsvConfiguration().StreamReaderFunc(buffer), rowsAtMost, columns, fields, maxRows, limits), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or InvalidOperationException or IOException or KeyNotFoundException or IndexOutOfRangeException or ArgumentException)
        {
            await buffer.DisposeAsync();
            return (null, ImportResult.Fail("Import.Unreadable"));
        }
    }

    /// <summary>
    /// At least the data records of a CSV (its lines, header excluded): every line a reader finds ends in a CR or LF byte
    /// in each encoding a reader detects, and quoted line breaks only join lines. Exact for the usual file.
    /// </summary>
    private static int RecordsAtMost(MemoryStream buffer)
    {
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var lines = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n' || (bytes[i] == (byte)'\r' && (i + 1 == bytes.Length || bytes[i + 1] != (byte)'\n')))
            {
                lines++;
            }
        }

        if (bytes.Length > 0 && bytes[^1] is not ((byte)'\n' or (byte)'\r'))
        {
            lines++;
        }

        return Math.Max(0, lines - 1);
    }
}

/// <summary>The data rows of a file opened by <see cref="TabularFile.OpenAsync"/>, one at a time (one reader thread).</summary>
public sealed class TabularRows : IDisposable
{
    private readonly MemoryStream _buffer;

    /// <summary>An .xlsx's rows from MiniExcel, or null for a CSV (<see cref="_csv"/>).</summary>
    private readonly IEnumerator<IDictionary<string, object?>>? _rows;

    /// <summary>A CSV's lines, split here as MiniExcel splits them, without a dictionary per row.</summary>
    private readonly StreamReader? _csv;

    /// <summary>A CSV's header: per cell position, the position in the caller's fields (-1: not read).</summary>
    private int[]? _csvPositions;

    /// <summary>A CSV's distinct header names (the cells of each row as MiniExcel counts them).</summary>
    private int _csvColumns;
    private readonly IReadOnlyDictionary<string, string> _columns;
    private readonly IReadOnlyList<string> _fields;
    private readonly int _maxRows;
    private readonly SpreadsheetLimits _limits;

    /// <summary>Header text → position in the caller's fields (-1: not read), found once per header.</summary>
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private int _cells;
    private bool _done;

    internal TabularRows(MemoryStream buffer, StreamReader csv, int rowsAtMost, IReadOnlyDictionary<string, string> columns, IReadOnlyList<string> fields, int maxRows, SpreadsheetLimits limits)
        : this(buffer, rowsAtMost, columns, fields, maxRows, limits) => _csv = csv;

    internal TabularRows(MemoryStream buffer, IEnumerator<IDictionary<string, object?>> rows, int rowsAtMost, IReadOnlyDictionary<string, string> columns, IReadOnlyList<string> fields, int maxRows, SpreadsheetLimits limits)
        : this(buffer, rowsAtMost, columns, fields, maxRows, limits) => _rows = rows;

    private TabularRows(MemoryStream buffer, int rowsAtMost, IReadOnlyDictionary<string, string> columns, IReadOnlyList<string> fields, int maxRows, SpreadsheetLimits limits)
    {
        _buffer = buffer;
        _columns = columns;
        _fields = fields;
        _maxRows = maxRows;
        _limits = limits;
        RowsAtMost = Math.Min(rowsAtMost, maxRows);
    }

    /// <summary>At most this many rows will be read (exact for the usual file, and never more than the maximum).</summary>
    public int RowsAtMost { get; }

    /// <summary>Rows read so far; row numbers are 1-based in this count.</summary>
    public int RowsRead { get; private set; }

    /// <summary>Why the file cannot be used, found while reading (the reading has stopped), or null.</summary>
    public ImportResult? Refusal { get; private set; }

    internal static IEnumerable<IDictionary<string, object?>> Query(Stream buffer, ExcelType excelType) =>
        // CSV cells split by CsvFields (same cells as MiniExcel's own splitter, without its quadratic look-ahead).
        MiniExcel.Query(buffer, useHeaderRow: true, excelType: excelType, configuration: excelType == ExcelType.CSV ? new CsvConfiguration { SplitFn = CsvFields.Split } : null)
            .Cast<IDictionary<string, object?>>();

    /// <summary>
    /// The next row into <paramref name="cells"/> (one per field, "" for a column the file lacks); false at the end of
    /// the file or when it is refused (<see cref="Refusal"/>: then nothing of it may be used).
    /// </summary>
    public bool Read(string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (_done)
        {
            return false;
        }

        try
        {
            if (_csv is not null)
            {
                return ReadCsv(_csv, cells);
            }

            if (!_rows!.MoveNext())
            {
                return Stop(RowsRead == 0 ? ImportResult.Fail("Import.Empty") : null);
            }

            if (RowsRead == RowsAtMost)
            {
                // Callers size their work by the bound (the register import draws its keys); below the maximum it holds
                // for every file split into lines, so a row beyond it means a file read some other way.
                return Stop(RowsAtMost == _maxRows ? ImportResult.Fail("Import.TooManyRows", _maxRows) : ImportResult.Fail("Import.Unreadable"));
            }

            var row = _rows.Current;
            _cells += row.Count;
            if (_cells > _limits.MaxCells)
            {
                return Stop(ImportResult.Fail("Import.TooManyCells", _limits.MaxCells));
            }

            Array.Fill(cells, "");
            foreach (var (header, value) in row)
            {
                if (SpreadsheetGuard.CheckCell(value, _limits) is { } tooLong)
                {
                    return Stop(tooLong);
                }

                var position = PositionOf(header);
                if (position >= 0)
                {
                    cells[position] = TabularFile.TextOf(value);
                }
            }

            RowsRead++;
            return true;
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or InvalidOperationException or IOException or KeyNotFoundException or IndexOutOfRangeException or ArgumentException)
        {
            return Stop(ImportResult.Fail("Import.Unreadable"));
        }
    }

    /// <summary>
    /// One CSV record as MiniExcel reads it (<c>CsvReader.Query</c> with a header row): a line, joined with the next
    /// while its quotes are odd; cells by <see cref="CsvFields.Split"/>; a record with fewer or more cells than the header
    /// makes the file unreadable (MiniExcel throws). Cells are trimmed, as <see cref="TabularFile.TextOf"/> does.
    /// </summary>
    private bool ReadCsv(StreamReader csv, string[] cells)
    {
        if (_csvPositions is null)
        {
            if (NextRecord(csv) is not { } header)
            {
                return Stop(ImportResult.Fail("Import.Empty"));
            }

            var names = CsvFields.Split(header);
            _csvPositions = new int[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                _csvPositions[i] = PositionOf(names[i]);
            }

            _csvColumns = names.Distinct(StringComparer.Ordinal).Count();
        }

        if (NextRecord(csv) is not { } line)
        {
            return Stop(RowsRead == 0 ? ImportResult.Fail("Import.Empty") : null);
        }

        if (RowsRead == RowsAtMost)
        {
            return Stop(RowsAtMost == _maxRows ? ImportResult.Fail("Import.TooManyRows", _maxRows) : ImportResult.Fail("Import.Unreadable"));
        }

        var split = CsvFields.Split(line);
        if (split.Length != _csvPositions.Length)
        {
            return Stop(ImportResult.Fail("Import.Unreadable"));
        }

        _cells += _csvColumns;
        if (_cells > _limits.MaxCells)
        {
            return Stop(ImportResult.Fail("Import.TooManyCells", _limits.MaxCells));
        }

        Array.Fill(cells, "");
        for (var i = 0; i < split.Length; i++)
        {
            if (SpreadsheetGuard.CheckCell(split[i], _limits) is { } tooLong)
            {
                return Stop(tooLong);
            }

            var position = _csvPositions[i];
            if (position >= 0)
            {
                cells[position] = split[i].Trim();
            }
        }

        RowsRead++;
        return true;
    }

    /// <summary>
    /// The next line that is not blank (MiniExcel skips those), with the following ones while its quotes are odd (joined
    /// by CRLF, as MiniExcel does), or null at the end.
    /// </summary>
    private static string? NextRecord(StreamReader csv)
    {
        string? line;
        do
        {
            line = csv.ReadLine();
            if (line is null)
            {
                return null;
            }
        }
        while (string.IsNullOrWhiteSpace(line));

        var quotes = line.AsSpan().Count('"');
        if (quotes % 2 == 0)
        {
            return line;
        }

        var joined = new StringBuilder(line);
        while (quotes % 2 != 0 && csv.ReadLine() is { } next)
        {
            joined.Append("\r\n").Append(next);
            quotes += next.AsSpan().Count('"');
        }

        return joined.ToString();
    }

    public void Dispose()
    {
        _rows?.Dispose();
        _csv?.Dispose();
        _buffer.Dispose();
    }

    private int PositionOf(string header)
    {
        if (!_positions.TryGetValue(header, out var position))
        {
            position = _columns.TryGetValue(header.Trim(), out var column) ? IndexOf(column) : -1;
            _positions[header] = position;
        }

        return position;
    }

    private int IndexOf(string column)
    {
        for (var i = 0; i < _fields.Count; i++)
        {
            if (string.Equals(_fields[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private bool Stop(ImportResult? refusal)
    {
        _done = true;
        Refusal = refusal;
        return false;
    }
}

/// <summary>Model of the theme's <c>_ImportErrors</c> partial: the refused file's cell errors, columns named by <paramref name="ColumnKeyPrefix"/> + column.</summary>
public sealed record ImportErrorsView(string? FileName, IReadOnlyList<ImportError> Errors, string ColumnKeyPrefix);
