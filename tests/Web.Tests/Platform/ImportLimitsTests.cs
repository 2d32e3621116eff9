using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Organizations.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>Issue 26 item 5: a zip bomb posted to an import is refused with a message, writes nothing and answers no 5xx.</summary>
public abstract class ImportLimitsTests<TApp>(TApp app)
    where TApp : AppFixture
{
    [Fact]
    public async Task RegisterImport_SmallXlsxUnpackingToAHugeCell_RefusedWithAMessage()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var before = await CountOrganizationsAsync();
        var bomb = HugeCellWorkbook(150_000_000);
        bomb.Length.ShouldBeLessThan(1024 * 1024);

        using var response = await officer.SubmitFormAsync(
            "/Organizations/Admin/Register/Import",
            new Dictionary<string, string>(),
            "main form[enctype='multipart/form-data']",
            files: new Dictionary<string, (string, byte[])> { ["file"] = ("register.xlsx", bomb) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("解压后过大");
        (await CountOrganizationsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ResultImport_CsvWithACellLongerThanAllowed_RefusedWithAMessage()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var csv = Encoding.UTF8.GetBytes("统一社会信用代码,年度,结论,原因\n51330203MJ0000511A,2025,合格," + new string('长', 40_000) + "\n");

        using var response = await officer.SubmitFormAsync(
            "/Inspections/Admin/Import",
            new Dictionary<string, string>(),
            "main form[enctype='multipart/form-data']",
            files: new Dictionary<string, (string, byte[])> { ["file"] = ("results.csv", csv) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("超过 32767 个字符");
    }

    [Fact]
    public async Task ResultImport_AsManyRowsAsAllowed_EveryUnknownCodeReported()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var csv = new StringBuilder("统一社会信用代码,年度,结论\n");
        for (var i = 0; i < Registry.Inspections.Services.ResultImporter.MaxRows; i++)
        {
            csv.Append("51330203MJ").Append(i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)).Append("X,2025,合格\n");
        }

        using var response = await officer.SubmitFormAsync(
            "/Inspections/Admin/Import",
            new Dictionary<string, string>(),
            "main form[enctype='multipart/form-data']",
            files: new Dictionary<string, (string, byte[])> { ["file"] = ("results.csv", Encoding.UTF8.GetBytes(csv.ToString())) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("51330203MJ0000000X");
        page.ShouldContain("51330203MJ0019999X");
    }

    private static byte[] HugeCellWorkbook(int length)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            sheet.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            sheet.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>名称</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>");
            var block = new string('x', 1 << 16);
            for (var written = 0; written < length; written += block.Length)
            {
                sheet.Write(block);
            }

            sheet.Write("</t></is></c></row></sheetData></worksheet>");
        }

        return buffer.ToArray();
    }

    private async Task<int> CountOrganizationsAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Organization>().CountAsync();
    }
}

public sealed class ImportLimitsTestsOnSqlite(SqliteApp app) : ImportLimitsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ImportLimitsTestsOnPostgreSql(PostgreSqlApp app) : ImportLimitsTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
