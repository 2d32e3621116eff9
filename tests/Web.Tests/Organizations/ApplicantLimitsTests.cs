using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Files;
using Registry.Organizations.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Organizations;

/// <summary>
/// Issue 26 items 11 and 12: limits for applicants. No draft of an unknown kind, a cap on open drafts, replaced uploads
/// removed (row and, when nothing else has the content, its bytes), a storage quota, no direction controls in names.
/// </summary>
public abstract class ApplicantLimitsTests<TApp>(TApp app)
    where TApp : LimitedApplicantApp
{
    private Task<HttpClient> ApplicantAsync() => app.SignedInClientAsync(TestAccounts.Applicant);

    [Theory]
    [InlineData("Bogus")]
    [InlineData("1")]
    [InlineData("nameApproval")]
    [InlineData("")]
    public async Task Start_WithUnknownKind_Answers400WithAMessageAndMakesNoDraft(string kind)
    {
        var client = await ApplicantAsync();
        var before = await DraftCountAsync();

        using var response = await client.SubmitFormAsync("/Organizations/My", new Dictionary<string, string> { ["kind"] = kind }, "form[action*='handler=Start']");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("没有这种申请事项");
        (await DraftCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Start_BeyondTheOpenDraftCap_IsRefusedWithAMessage()
    {
        var client = await ApplicantAsync();
        var created = new List<int>();
        try
        {
            // Each draft saved once, so starting the same service again makes a new one instead of reopening it.
            while (await DraftCountAsync() < LimitedApplicantApp.MaxOpenDrafts)
            {
                var id = await client.StartAsync("NameApproval");
                created.Add(id);
                using var saved = await client.PostFormAsync(id, "Save", RegistrationClient.NameApproval($"海曙区草稿{created.Count}养老服务中心"));
                saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            }

            using var response = await client.SubmitFormAsync("/Organizations/My", new Dictionary<string, string> { ["kind"] = "Establishment" }, "form[action*='handler=Start']");

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldContain($"您已有 {LimitedApplicantApp.MaxOpenDrafts} 份未提交的草稿");
            (await DraftCountAsync()).ShouldBe(LimitedApplicantApp.MaxOpenDrafts);
        }
        finally
        {
            // The other tests of this class start drafts too.
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await db.Set<RegistrationApplication>().Where(a => created.Contains(a.Id)).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task Save_ReplacingADocument_RemovesTheOldFileAndItsBytes()
    {
        var client = await ApplicantAsync();
        var id = await client.StartAsync("NameApproval");
        await SaveWithLetterAsync(client, id, Pdf(100, "first"));
        var first = await LetterAsync(id);
        File.Exists(BlobPath(first.Sha256)).ShouldBeTrue();

        await SaveWithLetterAsync(client, id, Pdf(100, "second"));

        var second = await LetterAsync(id);
        second.Id.ShouldNotBe(first.Id);
        (await FileExistsAsync(first.Id)).ShouldBeFalse();
        File.Exists(BlobPath(first.Sha256)).ShouldBeFalse();
        File.Exists(BlobPath(second.Sha256)).ShouldBeTrue();
    }

    [Fact]
    public async Task Save_ReplacingADocumentWhoseContentAnotherFileShares_KeepsTheBytes()
    {
        var client = await ApplicantAsync();
        var shared = Pdf(100, "shared");
        var other = await client.StartAsync("NameApproval");
        await SaveWithLetterAsync(client, other, shared);
        var id = await client.StartAsync("Establishment");
        using (var saved = await client.SubmitFormAsync($"/Organizations/Applications/Edit/{id}", new Dictionary<string, string>(), handler: "Save", files: new Dictionary<string, (string, byte[])> { ["document-Charter"] = ("charter.pdf", shared) }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var replaced = await client.SubmitFormAsync($"/Organizations/Applications/Edit/{id}", new Dictionary<string, string>(), handler: "Save", files: new Dictionary<string, (string, byte[])> { ["document-Charter"] = ("charter.pdf", Pdf(100, "new charter")) }))
        {
            replaced.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        File.Exists(BlobPath(Sha(shared))).ShouldBeTrue();
        (await LetterAsync(other)).Sha256.ShouldBe(Sha(shared));
    }

    [Fact]
    public async Task Upload_OverTheStorageQuota_IsRefusedAndAReplacedFileNoLongerCounts()
    {
        var client = await ApplicantAsync();
        var id = await client.StartAsync("Establishment");
        var url = $"/Organizations/Applications/Edit/{id}";
        async Task<HttpResponseMessage> UploadAsync(string item, byte[] content) =>
            await client.SubmitFormAsync(url, new Dictionary<string, string>(), handler: "Save", files: new Dictionary<string, (string, byte[])> { ["document-" + item] = (item + ".pdf", content) });

        using (var first = await UploadAsync("Charter", Pdf(LimitedApplicantApp.QuotaBytes * 6 / 10, "charter")))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var over = await UploadAsync("PremisesProof", Pdf(LimitedApplicantApp.QuotaBytes * 6 / 10, "premises")))
        {
            over.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await over.Content.ReadAsStringAsync()).ShouldContain("已达到存储空间上限");
        }

        using (var smaller = await UploadAsync("Charter", Pdf(LimitedApplicantApp.QuotaBytes * 3 / 10, "charter v2")))
        {
            smaller.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var fits = await UploadAsync("PremisesProof", Pdf(LimitedApplicantApp.QuotaBytes * 6 / 10, "premises"));
        fits.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Upload_FileNameWithRightToLeftOverride_IsRefusedWithAMessage()
    {
        var client = await ApplicantAsync();
        var id = await client.StartAsync("NameApproval");

        using var response = await client.SubmitFormAsync($"/Organizations/Applications/Edit/{id}", new Dictionary<string, string>(), handler: "Save",
            files: new Dictionary<string, (string, byte[])> { ["document-NameApplicationLetter"] = ("letter\u202Efdp.exe.pdf", Pdf(100, "rlo")) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("文件名不能包含文字方向控制字符");
        (await DocumentsAsync(id)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("\u202E")]
    [InlineData("\u2067")]
    [InlineData("\u200F")]
    public async Task Save_ProposedNameWithADirectionControl_IsRefusedWithAMessage(string control)
    {
        var client = await ApplicantAsync();
        var id = await client.StartAsync("NameApproval");

        using var response = await client.PostFormAsync(id, "Save", RegistrationClient.NameApproval($"海曙区{control}心中务服老养"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("不能包含文字方向控制字符");
    }

    private static byte[] Pdf(long size, string tag)
    {
        var head = Encoding.ASCII.GetBytes("%PDF-1.4\n% " + Convert.ToHexString(Encoding.UTF8.GetBytes(tag)) + "\n");
        var bytes = new byte[Math.Max(size, head.Length)];
        Array.Fill(bytes, (byte)' ');
        head.CopyTo(bytes, 0);
        return bytes;
    }

    private static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private string BlobPath(string sha) => Path.Combine(app.Factory.Database.Directory, "files", sha[..2], sha);

    private static async Task SaveWithLetterAsync(HttpClient client, int id, byte[] content)
    {
        using var response = await client.SubmitFormAsync($"/Organizations/Applications/Edit/{id}", new Dictionary<string, string>(), handler: "Save",
            files: new Dictionary<string, (string, byte[])> { ["document-NameApplicationLetter"] = ("letter.pdf", content) });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, RegistrationClient.ErrorsOf(await response.Content.ReadAsStringAsync()));
    }

    private async Task<int> DraftCountAsync()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var userId = await db.Users.Where(u => u.Email == TestAccounts.Applicant.Email).Select(u => u.Id).SingleAsync();
        return await db.Set<RegistrationApplication>().CountAsync(a => a.ApplicantUserId == userId && a.State == ApplicationState.Draft);
    }

    private async Task<List<ApplicationDocument>> DocumentsAsync(int id)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Set<RegistrationApplication>().Where(a => a.Id == id).SelectMany(a => a.Documents).ToListAsync();
    }

    private async Task<StoredFile> LetterAsync(int id)
    {
        var document = (await DocumentsAsync(id)).ShouldHaveSingleItem();
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<StoredFile>().SingleAsync(f => f.Id == document.FileId);
    }

    private async Task<bool> FileExistsAsync(Guid id)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<StoredFile>().AnyAsync(f => f.Id == id);
    }
}

/// <summary>The app with small applicant limits, so a test reaches them quickly.</summary>
public abstract class LimitedApplicantApp(DatabaseKind kind) : AppFixture(kind)
{
    public const int MaxOpenDrafts = 15;

    public const long QuotaBytes = 200_000;

    protected override RegistryFactory CreateFactory(TestDatabase database) => new(database, settings: new Dictionary<string, string?>
    {
        ["Registry:Organizations:Applicants:MaxOpenDrafts"] = MaxOpenDrafts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Registry:Files:MaxBytes"] = "150000",
        ["Registry:Files:QuotaBytesPerOrganization"] = QuotaBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}

public sealed class LimitedApplicantSqliteApp() : LimitedApplicantApp(DatabaseKind.Sqlite);

public sealed class LimitedApplicantPostgreSqlApp() : LimitedApplicantApp(DatabaseKind.PostgreSql);

public sealed class ApplicantLimitsTestsOnSqlite(LimitedApplicantSqliteApp app) : ApplicantLimitsTests<LimitedApplicantSqliteApp>(app), IClassFixture<LimitedApplicantSqliteApp>;

public sealed class ApplicantLimitsTestsOnPostgreSql(LimitedApplicantPostgreSqlApp app) : ApplicantLimitsTests<LimitedApplicantPostgreSqlApp>(app), IClassFixture<LimitedApplicantPostgreSqlApp>;
