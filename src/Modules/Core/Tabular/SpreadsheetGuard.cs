using System.IO.Compression;
using System.Xml;

namespace Registry.Core.Tabular;

/// <summary>
/// Bounds of an uploaded spreadsheet. A zip compresses repeated text about 1000:1, so a small upload can unpack to
/// gigabytes (a 307 KB .xlsx with one huge cell took a node from 0.4 GB to 3.5 GB); every bound is checked while
/// streaming, before a parser holds anything.
/// </summary>
public sealed record SpreadsheetLimits
{
    public static readonly SpreadsheetLimits Default = new();

    /// <summary>Entries in the zip (a workbook has about ten; a few hundred means something else).</summary>
    public int MaxEntries { get; init; } = 256;

    /// <summary>Unpacked bytes of one entry, declared in the zip's directory and counted while reading.</summary>
    public long MaxEntryBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Unpacked bytes of all entries together.</summary>
    public long MaxTotalBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Cells in all sheets (20,000 rows of a dozen columns stay far below).</summary>
    public int MaxCells { get; init; } = 500_000;

    /// <summary>Characters in one cell: Excel's own limit per cell.</summary>
    public int MaxCellLength { get; init; } = 32_767;
}

/// <summary>The checks an import runs before and while parsing a spreadsheet; every importer goes through <see cref="TabularFile"/>, which calls them.</summary>
public static class SpreadsheetGuard
{
    private const string SheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// Walks an .xlsx (a zip) without keeping what it unpacks: entry count, each entry's declared and actually unpacked
    /// size, the total, and in the sheets and shared strings the number of cells, rows and each cell's length.
    /// Returns the refusal, or null when the file is within <paramref name="limits"/>. The stream is left open and rewound.
    /// </summary>
    public static ImportResult? CheckXlsx(Stream content, int maxRows, SpreadsheetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxEntries)
            {
                return ImportResult.Fail("Import.TooManyEntries", limits.MaxEntries);
            }

            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (entry.Length > limits.MaxEntryBytes || declared > limits.MaxTotalBytes)
                {
                    return Unpacked(limits);
                }
            }

            var budget = new UnpackBudget(limits.MaxTotalBytes);
            var counts = new CellCounts();
            foreach (var entry in zip.Entries)
            {
                using var raw = entry.Open();
                using var bounded = new BoundedReadStream(raw, limits.MaxEntryBytes, budget);
                var refusal = IsCellPart(entry.FullName)
                    ? ScanCells(bounded, entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase), maxRows, limits, counts)
                    : Drain(bounded);
                if (refusal is not null)
                {
                    return refusal;
                }
            }

            return null;
        }
        catch (UnpackLimitException)
        {
            return Unpacked(limits);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return ImportResult.Fail("Import.Unreadable");
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>A cell read by the parser that is longer than allowed (CSV and, behind <see cref="CheckXlsx"/>, XLSX alike).</summary>
    public static ImportResult? CheckCell(object? value, SpreadsheetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return value is string text && text.Length > limits.MaxCellLength ? ImportResult.Fail("Import.CellTooLong", limits.MaxCellLength) : null;
    }

    private static ImportResult Unpacked(SpreadsheetLimits limits) =>
        ImportResult.Fail("Import.UnpackedTooLarge", limits.MaxEntryBytes / (1024 * 1024), limits.MaxTotalBytes / (1024 * 1024));

    private static bool IsCellPart(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        && (name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) || name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase));

    private static ImportResult? Drain(Stream stream)
    {
        var buffer = new byte[81920];
        while (stream.Read(buffer, 0, buffer.Length) > 0)
        {
        }

        return null;
    }

    /// <summary>
    /// Counts cells (c) and rows in a sheet and the text of each cell or shared string (si), in chunks so that a huge
    /// text node is never materialized.
    /// </summary>
    private static ImportResult? ScanCells(Stream stream, bool sheet, int maxRows, SpreadsheetLimits limits, CellCounts counts)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, CloseInput = false };
        using var reader = XmlReader.Create(stream, settings);
        var chunk = new char[4096];
        var rows = 0;
        var textDepth = -1;
        long text = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.NamespaceURI == SheetNamespace:
                    if (sheet && reader.LocalName == "row" && ++rows > maxRows + 1)
                    {
                        return ImportResult.Fail("Import.TooManyRows", maxRows);
                    }

                    if ((sheet && reader.LocalName == "c") || (!sheet && reader.LocalName == "si"))
                    {
                        if (sheet && ++counts.Cells > limits.MaxCells)
                        {
                            return ImportResult.Fail("Import.TooManyCells", limits.MaxCells);
                        }

                        textDepth = reader.IsEmptyElement ? -1 : reader.Depth;
                        text = 0;
                    }

                    break;
                case XmlNodeType.EndElement when reader.Depth == textDepth:
                    textDepth = -1;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when textDepth >= 0:
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        text += read;
                        if (text > limits.MaxCellLength)
                        {
                            return ImportResult.Fail("Import.CellTooLong", limits.MaxCellLength);
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        return null;
    }

    private sealed class CellCounts
    {
        public int Cells { get; set; }
    }

    private sealed class UnpackBudget(long total)
    {
        public long Remaining { get; set; } = total;
    }

    private sealed class UnpackLimitException : Exception;

    /// <summary>Counts what is actually unpacked (a zip's declared sizes can lie) and stops at the bounds.</summary>
    private sealed class BoundedReadStream(Stream inner, long maxBytes, UnpackBudget budget) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            _read += read;
            budget.Remaining -= read;
            if (_read > maxBytes || budget.Remaining < 0)
            {
                throw new UnpackLimitException();
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
