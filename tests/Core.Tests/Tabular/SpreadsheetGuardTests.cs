using System.IO.Compression;
using System.Text;
using Registry.Core.Tabular;

namespace Registry.Core.Tests.Tabular;

/// <summary>Issue 26 item 5: zip bombs and oversized sheets are refused before a parser holds them.</summary>
public sealed class SpreadsheetGuardTests
{
    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase) { ["名称"] = "Name", ["备注"] = "Note" };

    [Fact]
    public async Task ReadAsync_SmallXlsxWithOneHugeCell_RefusedAsTooLargeUnpacked()
    {
        // 200 million characters in one inline cell pack into a few hundred KB.
        var bytes = Workbook(sheet => HugeInlineCell(sheet, 200_000_000));
        bytes.Length.ShouldBeLessThan(1024 * 1024);

        var (rows, refusal) = await ReadAsync(bytes);

        rows.ShouldBeEmpty();
        refusal.ShouldNotBeNull().Errors.Single().Key.ShouldBe("Import.UnpackedTooLarge");
    }

    [Fact]
    public void CheckXlsx_SmallXlsxWithOneHugeCell_AllocatesFarLessThanItUnpacks()
    {
        using var content = new MemoryStream(Workbook(sheet => HugeInlineCell(sheet, 200_000_000)));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var refusal = SpreadsheetGuard.CheckXlsx(content, 20_000, SpreadsheetLimits.Default);

        refusal.ShouldNotBeNull();
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(8L * 1024 * 1024);
    }

    [Fact]
    public async Task ReadAsync_EntryUnpackingBeyondItsDeclaredSize_Refused()
    {
        // The zip directory says the sheet unpacks to 1 KB; it unpacks to 100 MB.
        var bytes = Workbook(sheet => HugeInlineCell(sheet, 100_000_000));
        LieAboutUncompressedSizes(bytes, 1024);

        var (_, refusal) = await ReadAsync(bytes);

        refusal.ShouldNotBeNull().Errors.Single().Key.ShouldBeOneOf("Import.UnpackedTooLarge", "Import.Unreadable");
    }

    [Fact]
    public async Task ReadAsync_InlineCellLongerThanExcelAllows_RefusedCellTooLong()
    {
        var (_, refusal) = await ReadAsync(Workbook(sheet => HugeInlineCell(sheet, 32_768)));

        refusal.ShouldNotBeNull().Errors.Single().Key.ShouldBe("Import.CellTooLong");
    }

    [Fact]
    public async Task ReadAsync_InlineCellOfExcelsMaximum_Read()
    {
        var (rows, refusal) = await ReadAsync(Workbook(sheet => HugeInlineCell(sheet, 32_767)));

        refusal.ShouldBeNull();
        rows.Single()["Note"].Length.ShouldBe(32_767);
    }

    [Fact]
    public async Task ReadAsync_SharedStringLongerThanExcelAllows_RefusedCellTooLong()
    {
        var bytes = Workbook(
            sheet => sheet.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>名称</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>"),
            shared => shared.Write("<si><r><t>" + new string('x', 20_000) + "</t></r><r><t>" + new string('y', 20_000) + "</t></r></si>"));

        var (_, refusal) = await ReadAsync(bytes);

        refusal.ShouldNotBeNull().Errors.Single().Key.ShouldBe("Import.CellTooLong");
    }

    [Fact]
    public async Task ReadAsync_XlsxWithMoreCellsThanAllowed_RefusedTooManyCells()
    {
        // 100 rows of 6,000 cells: few rows, 600,000 cells.
        var bytes = Workbook(sheet =>
        {
            for (var row = 1; row <= 100; row++)
            {
                sheet.Write($"<row r=\"{row}\">");
                for (var cell = 0; cell < 6_000; cell++)
                {
                    sheet.Write("<c><v>1</v></c>");
                }

                sheet.Write("</row>");
            }
        });

        var (_, refusal) = await ReadAsync(bytes);

        refusal.ShouldNotBeNull().Errors.Single().Key.ShouldBe("Import.TooManyCells");
    }

    [Fact]
    public async Task ReadAsync_XlsxWithMoreRowsThanAllowed_RefusedBeforeParsing()
    {
        var bytes = Workbook(sheet =>
        {
            for (var row = 1; row <= 30; row++)
            {
                sheet.Write($"<row r=\"{row}\"><c r=\"A{row}\" t=\"inlineStr\"><is><t>名称{row}</t></is></c></row>");
            }
        });

        var (_, refusal) = await TabularFile.ReadAsync(new MemoryStream(bytes), "x.xlsx", Columns, 10, CancellationToken.None);

        refusal.ShouldNotBeNull().Errors.Single().Key.ShouldBe("Import.TooManyRows");
    }

    [Fact]
    public async Task ReadAsync_ZipWithTooManyEntries_RefusedTooManyEntries()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 300; i++)
            {
                zip.CreateEntry($"junk/{i}.bin");
            }
        }

        var (_, refusal) = await ReadAsync(buffer.ToArray());

        refusal.ShouldNotBeNull().Errors.Single().Key.ShouldBe("Import.TooManyEntries");
    }

    [Fact]
    public async Task ReadAsync_CsvWithCellLongerThanAllowed_RefusedCellTooLong()
    {
        var csv = Encoding.UTF8.GetBytes("名称,备注\n甲协会," + new string('x', 40_000) + "\n");

        var (_, refusal) = await TabularFile.ReadAsync(new MemoryStream(csv), "x.csv", Columns, 100, CancellationToken.None);

        refusal.ShouldNotBeNull().Errors.Single().Key.ShouldBe("Import.CellTooLong");
    }

    [Fact]
    public async Task ReadAsync_OrdinaryExportedXlsx_Read()
    {
        var bytes = TabularExport.Xlsx([new ExportTable("登记", ["名称", "备注"], [["宁波市海曙区甲协会", "无"], ["宁波市海曙区乙协会", "有"]])]);

        var (rows, refusal) = await ReadAsync(bytes);

        refusal.ShouldBeNull();
        rows.Select(r => r["Name"]).ShouldBe(["宁波市海曙区甲协会", "宁波市海曙区乙协会"]);
    }

    private static Task<(IReadOnlyList<Dictionary<string, string>> Rows, ImportResult? Refusal)> ReadAsync(byte[] bytes) =>
        TabularFile.ReadAsync(new MemoryStream(bytes), "register.xlsx", Columns, 20_000, CancellationToken.None);

    private static void HugeInlineCell(StreamWriter sheet, int length)
    {
        sheet.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>名称</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>备注</t></is></c></row>");
        sheet.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>甲协会</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>");
        var block = new string('x', 1 << 16);
        for (var written = 0; written < length; written += block.Length)
        {
            sheet.Write(block.AsSpan(0, Math.Min(block.Length, length - written)));
        }

        sheet.Write("</t></is></c></row>");
    }

    /// <summary>A minimal workbook with one sheet (and shared strings when given), the sheet's rows streamed by <paramref name="rows"/>.</summary>
    private static byte[] Workbook(Action<StreamWriter> rows, Action<StreamWriter>? sharedStrings = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + (sharedStrings is null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                + "</Types>"));
            Entry(zip, "_rels/.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Entry(zip, "xl/workbook.xml", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Entry(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (sharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                + "</Relationships>"));
            Entry(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                rows(w);
                w.Write("</sheetData></worksheet>");
            });
            if (sharedStrings is not null)
            {
                Entry(zip, "xl/sharedStrings.xml", w =>
                {
                    w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
                    sharedStrings(w);
                    w.Write("</sst>");
                });
            }
        }

        return buffer.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, Action<StreamWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
        write(writer);
    }

    /// <summary>Overwrites every uncompressed size in the local headers and the central directory (what a crafted bomb does).</summary>
    private static void LieAboutUncompressedSizes(byte[] zip, uint size)
    {
        for (var i = 0; i + 30 < zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            if (signature == 0x04034b50)
            {
                BitConverter.GetBytes(size).CopyTo(zip, i + 22);
            }
            else if (signature == 0x02014b50)
            {
                BitConverter.GetBytes(size).CopyTo(zip, i + 24);
            }
        }
    }
}
