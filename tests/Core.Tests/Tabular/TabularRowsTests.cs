using System.Text;
using Registry.Core.Tabular;

namespace Registry.Core.Tests.Tabular;

/// <summary>
/// The streaming reader the register import uses (<see cref="TabularFile.OpenAsync"/>): the same cells and refusals as
/// <see cref="TabularFile.ReadAsync"/>, by position, and a row bound that is never below the rows read.
/// </summary>
public sealed class TabularRowsTests
{
    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase) { ["名称"] = "Name", ["Name"] = "Name", ["备注"] = "Note", ["地址"] = "Address", ["地区"] = "Address" };

    private static readonly string[] Fields = ["Name", "Address", "Note"];

    /// <summary>The CSV is split here, not by MiniExcel's reader: the same cells, and the same refusals, as MiniExcel's.</summary>
    [Theory]
    [InlineData("名称,备注\n甲协会,无\n\"乙,协会\",\"有\"\"引号\"\"\"\n")]
    [InlineData("名称,备注\r\n甲协会,无\r\n\"乙\r\n协会\", 有 \r\n")]
    [InlineData("\uFEFF Name ,备注,地区\n甲协会,, 海曙 \n乙协会,有,\n")]
    [InlineData("名称,名称,备注\n甲协会,乙协会,无\n")]
    [InlineData("名称,备注\n甲协会\n乙协会,有\n")]
    [InlineData("名称,备注\n甲协会,无\n\n")]
    [InlineData("\n名称,备注\n甲协会,无\n  \n乙协会,有\n")]
    [InlineData("名称,备注\n甲协会,无,多余\n")]
    [InlineData("名称,备注\n\"甲协会,无\n")]
    [InlineData("名称,备注\n")]
    [InlineData("")]
    public async Task OpenAsync_Csv_SameCellsAndRefusalsAsMiniExcelsReader(string csv)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        var (expected, expectedRefusal) = await TabularFile.ReadAsync(new MemoryStream(bytes), "x.csv", Columns, 100, CancellationToken.None);

        var (rows, refusal) = await TabularFile.OpenAsync(new MemoryStream(bytes), "x.csv", Columns, Fields, 100, CancellationToken.None);

        refusal.ShouldBeNull();
        using var reader = rows.ShouldNotBeNull();
        var read = new List<string[]>();
        var cells = new string[Fields.Length];
        while (reader.Read(cells))
        {
            read.Add([.. cells]);
        }

        if (expectedRefusal is not null)
        {
            reader.Refusal.ShouldNotBeNull().Errors.Single().Key.ShouldBe(expectedRefusal.Errors.Single().Key);
            return;
        }

        reader.Refusal.ShouldBeNull();
        read.Select(r => (r[0], r[1], r[2])).ShouldBe(expected.Select(e => (e.GetValueOrDefault("Name", ""), e.GetValueOrDefault("Address", ""), e.GetValueOrDefault("Note", ""))));
        reader.RowsRead.ShouldBe(read.Count);
        reader.RowsAtMost.ShouldBeGreaterThanOrEqualTo(read.Count);
    }

    [Fact]
    public async Task OpenAsync_UsualCsv_BoundIsTheRowCount()
    {
        var (rows, _) = await OpenAsync("名称,备注\n甲协会,无\n乙协会,有\n丙协会,有\n", 100);

        using var reader = rows.ShouldNotBeNull();
        reader.RowsAtMost.ShouldBe(3);
    }

    [Fact]
    public async Task OpenAsync_MoreRowsThanAllowed_RefusedWhenTheExtraRowIsRead()
    {
        var (rows, refusal) = await OpenAsync("名称\n甲\n乙\n丙\n", 2);

        refusal.ShouldBeNull();
        using var reader = rows.ShouldNotBeNull();
        reader.RowsAtMost.ShouldBe(2);
        var cells = new string[Fields.Length];
        reader.Read(cells).ShouldBeTrue();
        reader.Read(cells).ShouldBeTrue();
        reader.Read(cells).ShouldBeFalse();
        reader.Refusal.ShouldNotBeNull().Errors.Single().Key.ShouldBe("Import.TooManyRows");
    }

    [Fact]
    public async Task OpenAsync_HeaderOnly_RefusedAsEmpty()
    {
        var (rows, _) = await OpenAsync("名称,备注\n", 100);

        using var reader = rows.ShouldNotBeNull();
        reader.Read(new string[Fields.Length]).ShouldBeFalse();
        reader.Refusal.ShouldNotBeNull().Errors.Single().Key.ShouldBe("Import.Empty");
    }

    [Fact]
    public async Task OpenAsync_CellLongerThanAllowed_RefusedCellTooLong()
    {
        var (rows, _) = await OpenAsync("名称,备注\n甲协会," + new string('x', 40_000) + "\n", 100);

        using var reader = rows.ShouldNotBeNull();
        reader.Read(new string[Fields.Length]).ShouldBeFalse();
        reader.Refusal.ShouldNotBeNull().Errors.Single().Key.ShouldBe("Import.CellTooLong");
    }

    [Fact]
    public async Task OpenAsync_Xlsx_ReadWhole()
    {
        var bytes = TabularExport.Xlsx([new ExportTable("登记", ["名称", "备注"], [["宁波市海曙区甲协会", "无"], ["宁波市海曙区乙协会", "有"]])]);

        var (rows, refusal) = await TabularFile.OpenAsync(new MemoryStream(bytes), "register.xlsx", Columns, Fields, 100, CancellationToken.None);

        refusal.ShouldBeNull();
        using var reader = rows.ShouldNotBeNull();
        reader.RowsAtMost.ShouldBe(2);
        var cells = new string[Fields.Length];
        reader.Read(cells).ShouldBeTrue();
        (cells[0], cells[2]).ShouldBe(("宁波市海曙区甲协会", "无"));
        reader.Read(cells).ShouldBeTrue();
        reader.Read(cells).ShouldBeFalse();
        reader.Refusal.ShouldBeNull();
    }

    [Fact]
    public async Task OpenAsync_OtherFileType_Refused()
    {
        var (rows, refusal) = await TabularFile.OpenAsync(new MemoryStream([1, 2, 3]), "x.txt", Columns, Fields, 100, CancellationToken.None);

        rows.ShouldBeNull();
        refusal.ShouldNotBeNull().Errors.Single().Key.ShouldBe("Import.FileType");
    }

    private static Task<(TabularRows? Rows, ImportResult? Refusal)> OpenAsync(string csv, int maxRows) =>
        TabularFile.OpenAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "x.csv", Columns, Fields, maxRows, CancellationToken.None);
}
