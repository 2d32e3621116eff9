using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Content.Domain;
using Registry.Core.Auditing;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Content;

/// <summary>The media library over HTTP, on each provider: permissions, checked uploads, renditions, public addresses, guarded deletion.</summary>
public abstract class MediaLibraryTests<TApp>(TApp app)
    where TApp : MediaApp
{
    private static readonly string[] EditorPages = ["/Content/Admin/Media", "/Content/Admin/Media/Upload", "/Content/Admin/Media/Folders", "/Content/Admin/Media/Picker"];

    [Fact]
    public async Task AdminPages_Anonymous_AreSentToSignIn()
    {
        var id = await UploadPdfAsync("匿名访问.pdf");
        foreach (var url in EditorPages.Concat([$"/Content/Admin/Media/Edit/{id}", $"/Content/Admin/Media/Delete/{id}"]))
        {
            using var response = await app.Client().GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.OriginalString.ShouldContain("/Account/Login", Case.Sensitive, url);
        }
    }

    [Fact]
    public async Task AdminPages_PermissionMatrix_ApplicantNoneEditorNoDeleteOfficerAll()
    {
        var id = await UploadPdfAsync("权限矩阵.pdf");
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var editor = await app.SignedInClientAsync(MediaApp.Editor);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        string[] editing = [.. EditorPages, $"/Content/Admin/Media/Edit/{id}"];
        var delete = $"/Content/Admin/Media/Delete/{id}";

        foreach (var url in editing.Append(delete))
        {
            (await StatusAsync(applicant, url)).ShouldBe(HttpStatusCode.Forbidden, url);
            (await StatusAsync(officer, url)).ShouldBe(HttpStatusCode.OK, url);
        }

        foreach (var url in editing)
        {
            (await StatusAsync(editor, url)).ShouldBe(HttpStatusCode.OK, url);
        }

        (await StatusAsync(editor, delete)).ShouldBe(HttpStatusCode.Forbidden, "信息员 may upload but not delete");
        (await editor.GetDocumentAsync("/Content/Admin/Media")).QuerySelector($"a[href='{delete}']").ShouldBeNull("no delete link without the permission");
    }

    [Fact]
    public async Task DeleteHandlers_Editor_AreForbiddenAndDeleteNothing()
    {
        var id = await UploadPdfAsync("不可删除.pdf");
        var editor = await app.SignedInClientAsync(MediaApp.Editor);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var deleteForm = await officer.ReadFormAsync($"/Content/Admin/Media/Delete/{id}");

        using (var response = await editor.PostFormAsync(deleteForm with { Values = await TokenOfAsync(editor) }, new Dictionary<string, string> { ["Version"] = "1" }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var created = await officer.SubmitFormAsync("/Content/Admin/Media/Folders", new Dictionary<string, string> { ["name"] = Unique("空文件夹") }, "form[data-testid=folder-create]"))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var folder = await InDbAsync(db => db.Set<MediaFolder>().OrderByDescending(f => f.Id).FirstAsync());
        using (var response = await editor.SubmitFormAsync("/Content/Admin/Media/Folders", new Dictionary<string, string> { ["version"] = "0" }, "form[data-testid=folder-create]", handler: $"Delete&id={folder.Id}"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await InDbAsync(db => db.Set<MediaFile>().AnyAsync(m => m.Id == id))).ShouldBeTrue();
        (await InDbAsync(db => db.Set<MediaFolder>().AnyAsync(f => f.Id == folder.Id))).ShouldBeTrue();
    }

    [Fact]
    public async Task Upload_RealPng_StoresSizeRenditionsAndAuditAndServesItAnonymously()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var name = Unique("颁证仪式") + ".png";

        var id = await UploadAsync(officer, name, TestImages.Png(2000, 1000), "区民政局为社会组织颁发等级证书");

        var media = await InDbAsync(db => db.Set<MediaFile>().Include(m => m.Renditions).SingleAsync(m => m.Id == id));
        (media.Width, media.Height).ShouldBe((2000, 1000));
        media.AltText.ShouldBe("区民政局为社会组织颁发等级证书");
        media.UploadedBy.ShouldBe("测试科员");
        media.Renditions.OrderBy(r => r.Width).Select(r => (r.Width, r.Height)).ShouldBe([(320, 160), (800, 400), (1600, 800)]);
        (await AuditActionsAsync(id)).ShouldContain("media.uploaded");

        using var original = await app.Client().GetAsync(new Uri($"/media/{id}/{Uri.EscapeDataString(name)}", UriKind.Relative));
        original.StatusCode.ShouldBe(HttpStatusCode.OK);
        original.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        original.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        original.Headers.CacheControl!.Public.ShouldBeTrue();
        original.Content.Headers.ContentDisposition.ShouldBeNull("images show inline");
        TestImages.SizeOf(await original.Content.ReadAsByteArrayAsync()).ShouldBe((2000, 1000));

        using var rendition = await app.Client().GetAsync(new Uri($"/media/{id}/w800/{Uri.EscapeDataString(name)}", UriKind.Relative));
        rendition.StatusCode.ShouldBe(HttpStatusCode.OK);
        TestImages.SizeOf(await rendition.Content.ReadAsByteArrayAsync()).ShouldBe((800, 400));
        (await StatusAsync(app.Client(), $"/media/{id}/w1234/{name}")).ShouldBe(HttpStatusCode.NotFound, "only configured widths exist");

        var page = await officer.GetDocumentAsync($"/Content/Admin/Media/Edit/{id}");
        page.QuerySelectorAll("[data-testid=media-renditions] li").Length.ShouldBe(3);
    }

    [Fact]
    public async Task Upload_SmallImage_HasNoRenditionsAndWidthsFallBackToTheOriginal()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var id = await UploadAsync(officer, Unique("小图") + ".jpg", TestImages.Jpeg(300, 200), "社区活动合影");

        (await InDbAsync(db => db.Set<MediaRendition>().CountAsync(r => r.MediaFileId == id))).ShouldBe(0);
        using var response = await app.Client().GetAsync(new Uri($"/media/{id}/w800/x.jpg", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        TestImages.SizeOf(await response.Content.ReadAsByteArrayAsync()).ShouldBe((300, 200));
    }

    [Fact]
    public async Task Upload_TextRenamedPng_IsRefusedAndNothingIsStored()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var name = Unique("伪装图片") + ".png";

        using var response = await officer.SubmitFormAsync("/Content/Admin/Media/Upload", new Dictionary<string, string> { ["Input.AltText"] = "说明" },
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = (name, Encoding.UTF8.GetBytes("<svg onload=alert(1)></svg>")) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(response)).ShouldContain($"“{name}”未能上传：仅接受 PDF、JPEG、PNG 或 Office(docx/xlsx/pptx)文件。");
        (await InDbAsync(db => db.Set<MediaFile>().AnyAsync(m => m.Name == name))).ShouldBeFalse();
    }

    [Fact]
    public async Task Upload_JpegNamedPng_IsRefusedAsMismatch()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        using var response = await officer.SubmitFormAsync("/Content/Admin/Media/Upload", new Dictionary<string, string> { ["Input.AltText"] = "说明" },
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("改名.png", TestImages.Jpeg(50, 50)) });

        (await ErrorsAsync(response)).ShouldContain("文件内容与扩展名不符。");
    }

    [Fact]
    public async Task Upload_ImageWithoutAltText_IsRefused_DocumentWithoutIsAccepted()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        using var response = await officer.SubmitFormAsync("/Content/Admin/Media/Upload", new Dictionary<string, string> { ["Input.AltText"] = "  " },
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("无说明.png", TestImages.Png(40, 40)) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(response)).ShouldContain("请填写图片的替代文字。");
        (await UploadPdfAsync("无需替代文字.pdf")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Upload_DecompressionBomb_IsRefusedWithItsSizeInTheMessage()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var name = Unique("炸弹") + ".png";
        using var response = await officer.SubmitFormAsync("/Content/Admin/Media/Upload", new Dictionary<string, string> { ["Input.AltText"] = "说明" },
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = (name, TestImages.PngBomb(100_000, 100_000)) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(response)).ShouldContain($"“{name}”的尺寸为 100000×100000 像素，超过上限 50 百万像素");
        (await InDbAsync(db => db.Set<MediaFile>().AnyAsync(m => m.Name == name))).ShouldBeFalse();
    }

    [Fact]
    public async Task PublicUrl_Pdf_IsAnAttachment_UnknownIdIsNotFound()
    {
        var name = Unique("办事指南") + ".pdf";
        var id = await UploadPdfAsync(name);

        using var response = await app.Client().GetAsync(new Uri($"/media/{id}/{Uri.EscapeDataString(name)}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe(name);
        response.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        (await StatusAsync(app.Client(), $"/media/{id + 100000}/x.pdf")).ShouldBe(HttpStatusCode.NotFound);
        (await StatusAsync(app.Client(), $"/media/{id}/w800/x.pdf")).ShouldBe(HttpStatusCode.NotFound, "documents have no renditions");
    }

    [Fact]
    public async Task Delete_FileInUse_ListsUsesAndNeedsExplicitConfirmation()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var name = Unique("在用图片") + ".png";
        var id = await UploadAsync(officer, name, TestImages.Png(64, 64), "社区服务站外景");
        app.References.Use(id, 9001, "关于开展2026年度社会组织年检工作的通知");

        var edit = await officer.GetDocumentAsync($"/Content/Admin/Media/Edit/{id}");
        edit.QuerySelector("[data-testid=media-uses] a[href='/Content/Admin/Items/Edit/9001']")!.TextContent.ShouldBe("关于开展2026年度社会组织年检工作的通知");
        var page = await officer.GetDocumentAsync($"/Content/Admin/Media/Delete/{id}");
        page.QuerySelector("[data-testid=media-in-use]")!.TextContent.ShouldContain("关于开展2026年度社会组织年检工作的通知");
        page.QuerySelector("[data-testid=confirm-in-use]").ShouldNotBeNull();

        using (var unconfirmed = await officer.SubmitFormAsync($"/Content/Admin/Media/Delete/{id}", new Dictionary<string, string>()))
        {
            unconfirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ErrorsAsync(unconfirmed)).ShouldContain("该文件正被 1 处内容使用：请勾选确认后再删除。");
        }

        (await StatusAsync(app.Client(), $"/media/{id}/{name}")).ShouldBe(HttpStatusCode.OK, "still there");

        using (var confirmed = await officer.SubmitFormAsync($"/Content/Admin/Media/Delete/{id}", new Dictionary<string, string> { ["ConfirmInUse"] = "true" }))
        {
            confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(confirmed));
        }

        (await StatusAsync(app.Client(), $"/media/{id}/{name}")).ShouldBe(HttpStatusCode.NotFound);
        (await AuditActionsAsync(id)).ShouldContain("media.deleted");
    }

    [Fact]
    public async Task Delete_UnusedFile_NeedsNoConfirmation()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var id = await UploadPdfAsync(Unique("未使用") + ".pdf");

        var page = await officer.GetDocumentAsync($"/Content/Admin/Media/Delete/{id}");
        page.QuerySelector("[data-testid=confirm-in-use]").ShouldBeNull();
        using var response = await officer.SubmitFormAsync($"/Content/Admin/Media/Delete/{id}", new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        (await InDbAsync(db => db.Set<MediaFile>().AnyAsync(m => m.Id == id))).ShouldBeFalse();
    }

    [Fact]
    public async Task Edit_RenameAndMove_KeepsExtensionOldAddressAndIsAudited()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var oldName = Unique("旧名") + ".pdf";
        var id = await UploadPdfAsync(oldName);
        var folderName = Unique("政策文件");
        using (var created = await officer.SubmitFormAsync("/Content/Admin/Media/Folders", new Dictionary<string, string> { ["name"] = folderName }, "form[data-testid=folder-create]"))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(created));
        }

        var folderId = await InDbAsync(db => db.Set<MediaFolder>().Where(f => f.Name == folderName).Select(f => f.Id).SingleAsync());
        using (var saved = await officer.SubmitFormAsync($"/Content/Admin/Media/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Name"] = "社会团体登记管理条例",
            ["Input.FolderId"] = folderId.ToString(CultureInfo.InvariantCulture),
            ["Input.Caption"] = "国务院令第250号",
        }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(saved));
        }

        var media = await InDbAsync(db => db.Set<MediaFile>().SingleAsync(m => m.Id == id));
        media.Name.ShouldBe("社会团体登记管理条例.pdf");
        media.FolderId.ShouldBe(folderId);
        (await StatusAsync(app.Client(), $"/media/{id}/{Uri.EscapeDataString(oldName)}")).ShouldBe(HttpStatusCode.OK, "pages written before the rename keep working");
        (await AuditActionsAsync(id)).ShouldContain("media.updated");
        var list = await officer.GetDocumentAsync($"/Content/Admin/Media?folder={folderId}");
        list.QuerySelector("[data-testid=media-files]")!.TextContent.ShouldContain("社会团体登记管理条例.pdf");
    }

    [Fact]
    public async Task Index_EmptyFolder_ShowsEmptyState_AndSearchFindsByAltText()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var folderName = Unique("空的");
        using (await officer.SubmitFormAsync("/Content/Admin/Media/Folders", new Dictionary<string, string> { ["name"] = folderName }, "form[data-testid=folder-create]"))
        {
        }

        var folderId = await InDbAsync(db => db.Set<MediaFolder>().Where(f => f.Name == folderName).Select(f => f.Id).SingleAsync());
        (await officer.GetDocumentAsync($"/Content/Admin/Media?folder={folderId}")).QuerySelector("[data-testid=media-empty]").ShouldNotBeNull();

        var alt = Unique("养老服务中心");
        await UploadAsync(officer, "search.png", TestImages.Png(30, 30), alt);
        var found = await officer.GetDocumentAsync($"/Content/Admin/Media?q={Uri.EscapeDataString(alt)}");
        found.QuerySelectorAll("[data-testid=media-files] tbody tr").Length.ShouldBe(1);
    }

    [Fact]
    public async Task Picker_ListsImagesAndUploadsWithTokenOnly()
    {
        var editor = await app.SignedInClientAsync(MediaApp.Editor);
        var alt = Unique("志愿者服务");

        using (var noToken = await editor.PostAsync(new Uri("/Content/Admin/Media/Picker", UriKind.Relative), PickerUpload("a.png", TestImages.Png(40, 40), alt, null)))
        {
            noToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "anti-forgery token required");
        }

        var token = (await TokenOfAsync(editor))["__RequestVerificationToken"];
        using (var refused = await editor.PostAsync(new Uri("/Content/Admin/Media/Picker", UriKind.Relative), PickerUpload("b.png", TestImages.Png(40, 40), "", token)))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("请填写图片的替代文字。");
        }

        long id;
        using (var uploaded = await editor.PostAsync(new Uri("/Content/Admin/Media/Picker", UriKind.Relative), PickerUpload("编辑器上传.png", TestImages.Png(1000, 500), alt, token)))
        {
            uploaded.StatusCode.ShouldBe(HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
            using var json = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync());
            id = json.RootElement.GetProperty("id").GetInt64();
            json.RootElement.GetProperty("displayUrl").GetString().ShouldBe($"/media/{id}/w800/{Uri.EscapeDataString("编辑器上传.png")}");
            json.RootElement.GetProperty("altText").GetString().ShouldBe(alt);
        }

        using var list = await editor.GetAsync(new Uri($"/Content/Admin/Media/Picker?kind=image&q={Uri.EscapeDataString(alt)}", UriKind.Relative));
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var page = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        page.RootElement.GetProperty("total").GetInt32().ShouldBe(1);
        page.RootElement.GetProperty("items")[0].GetProperty("id").GetInt64().ShouldBe(id);
        using var files = await editor.GetAsync(new Uri($"/Content/Admin/Media/Picker?kind=file&q={Uri.EscapeDataString(alt)}", UriKind.Relative));
        JsonDocument.Parse(await files.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32().ShouldBe(0, "images are not attachments");
    }

    private static MultipartFormDataContent PickerUpload(string fileName, byte[] bytes, string alt, string? token)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        content.Add(new StringContent(alt), "altText");
        if (token is not null)
        {
            content.Add(new StringContent(token), "__RequestVerificationToken");
        }

        return content;
    }

    /// <summary>The form token a page gives this client (the picker's POST uses the edit form's token).</summary>
    private static async Task<Dictionary<string, string>> TokenOfAsync(HttpClient client)
    {
        var form = await client.ReadFormAsync("/Content/Admin/Media/Upload");
        return new Dictionary<string, string> { ["__RequestVerificationToken"] = form.Values["__RequestVerificationToken"] };
    }

    private async Task<long> UploadPdfAsync(string name)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        return await UploadAsync(officer, name, Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"), null);
    }

    private static async Task<long> UploadAsync(HttpClient client, string name, byte[] bytes, string? alt)
    {
        using var response = await client.SubmitFormAsync("/Content/Admin/Media/Upload", new Dictionary<string, string> { ["Input.AltText"] = alt ?? "" },
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = (name, bytes) });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        return long.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return "";
        }

        var document = await response.ParseAsync();
        return string.Join(" | ", document.QuerySelectorAll(".validation-summary-errors li, .field-validation-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0))
            + $" (HTTP {(int)response.StatusCode})";
    }

    private async Task<T> InDbAsync<T>(Func<RegistryDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    private Task<List<string>> AuditActionsAsync(long id) =>
        InDbAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType == "MediaFile" && e.EntityId == id.ToString(CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync());

    private static string Unique(string text) => $"{text}{Guid.NewGuid().ToString("N")[..6]}";
}

public sealed class MediaLibraryTestsOnSqlite(SqliteMediaApp app) : MediaLibraryTests<SqliteMediaApp>(app), IClassFixture<SqliteMediaApp>;

public sealed class MediaLibraryTestsOnPostgreSql(PostgreSqlMediaApp app) : MediaLibraryTests<PostgreSqlMediaApp>(app), IClassFixture<PostgreSqlMediaApp>;
