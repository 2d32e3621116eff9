using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Calendar;
using Registry.Core.Mail;
using Registry.Core.Notifications;
using Registry.Core.Outbox;
using Registry.Disclosure.Contracts;
using Registry.Disclosure.Domain;
using Registry.Disclosure.Services;
using Registry.Documents.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Disclosure;

/// <summary>The app on a moving clock with the hourly warning job off (the tests run it).</summary>
public abstract class DisclosureApp(DatabaseKind kind)
    : ClockedApp(kind, null, new Dictionary<string, string?> { ["Registry:Disclosure:Warnings"] = "false" });

public sealed class SqliteDisclosureApp() : DisclosureApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlDisclosureApp() : DisclosureApp(DatabaseKind.PostgreSql);

/// <summary>
/// 依申请公开 over HTTP on each provider: filing, the statutory clock (政府信息公开条例 第三十条, 第三十三条) on a moved clock,
/// the written reply, and who sees the applicant's identity. Each test files its own request and moves the clock forward only.
/// </summary>
public abstract class DisclosureTests<TApp>(TApp app)
    where TApp : DisclosureApp
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [Fact]
    public async Task Request_Anonymous_GetsReceiptNumberAndConfirmationMail()
    {
        var email = Unique("anon") + "@example.com";

        using var response = await app.Client().SubmitFormAsync("/Disclosure/Request", Form("匿名申请人", email));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var receipt = (await response.ParseAsync()).QuerySelector("[data-testid=request-receipt]")!.TextContent;
        var request = await FindByEmailAsync(email);
        receipt.ShouldContain(request.ReceiptNumber);
        request.ReceiptNumber.ShouldMatch(@"^YSQ-\d{4}-\d{6}$");
        request.UserId.ShouldBeNull();
        request.ReceivedOn.ShouldBe(app.Today);
        (await MailsToAsync(email)).ShouldContain(m => m.Subject.Contains(request.ReceiptNumber));
        (await AuditActionsAsync(request.Id)).ShouldBe(["disclosure.request.received"]);
    }

    [Fact]
    public async Task Request_AnonymousWithoutEmail_IsRefusedWithALocalizedError()
    {
        var fields = Form("无邮箱申请人", "");

        using var response = await app.Client().SubmitFormAsync("/Disclosure/Request", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = (await response.ParseAsync()).QuerySelector("[data-testid=request-errors]")!.TextContent;
        errors.ShouldContain("未登录提交时请填写电子邮箱");
    }

    [Fact]
    public async Task Request_BadEnumValue_IsRefusedNotAServerError()
    {
        var fields = Form("乱填", Unique("bad") + "@example.com");
        fields["Input.ApplicantKind"] = "Robot";

        using var response = await app.Client().SubmitFormAsync("/Disclosure/Request", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelectorAll("[data-testid=request-errors] li").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Request_SignedIn_IsInTheApplicantsAccountOnly()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var description = Unique("2025年度社会组织年检结果");
        var fields = Form("测试申请人", "");
        fields["Input.Description"] = description;

        using var response = await applicant.SubmitFormAsync("/Disclosure/Request", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith("/Disclosure/My/");
        var mine = await applicant.GetDocumentAsync("/Disclosure/My");
        var request = await FindAsync(r => r.Description == description);
        mine.QuerySelector("[data-testid=my-requests]")!.TextContent.ShouldContain(request.ReceiptNumber);
        (await applicant.GetDocumentAsync(location)).QuerySelector("[data-testid=receipt]")!.TextContent.ShouldBe(request.ReceiptNumber);
        var stranger = await app.SignedInClientAsync(TestAccounts.Editor);
        (await stranger.GetAsync(new Uri(location, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetStringAsync(new Uri("/Disclosure/My", UriKind.Relative))).ShouldNotContain(request.ReceiptNumber);
    }

    [Fact]
    public async Task Identity_OtherStaffAndPublic_NeverSeeWhoAsked()
    {
        var name = Unique("身份保密申请人");
        var request = await FileAsync(name);
        var url = $"/Disclosure/Admin/Requests/{request.Id}";

        var handler = await app.SignedInClientAsync(TestAccounts.DisclosureOfficer);
        var handled = await handler.GetDocumentAsync(url);
        handled.QuerySelector("[data-testid=applicant-name]")!.TextContent.ShouldBe(name);
        handled.QuerySelector("[data-testid=applicant-id]")!.TextContent.ShouldBe("330203198001011234");

        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var seen = await officer.GetStringAsync(new Uri(url, UriKind.Relative));
        seen.ShouldNotContain(name);
        seen.ShouldNotContain("330203198001011234");
        seen.ShouldContain(request.ReceiptNumber);
        (await officer.GetStringAsync(new Uri("/Disclosure/Admin/Requests", UriKind.Relative))).ShouldNotContain(name);
        var form = await handler.ReadFormAsync(url, "form[data-trigger=Extend]");
        using (var refused = await officer.PostFormAsync(form with { Values = await TokenOfAsync(officer, url, form) }, new Dictionary<string, string> { ["Step.Days"] = "5", ["Step.Party"] = "主任", ["Step.Note"] = "理由" }))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var editor = await app.SignedInClientAsync(TestAccounts.Editor);
        using (var forbidden = await editor.GetAsync(new Uri(url, UriKind.Relative)))
        {
            forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var anonymous = await app.Client().GetAsync(new Uri(url, UriKind.Relative));
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditActionsAsync(request.Id)).ShouldBe(["disclosure.request.received"], "a refused step changes nothing");
        var summaries = await InScopeAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType == RequestService.AuditEntity && e.EntityId == request.Id.ToString(CultureInfo.InvariantCulture)).Select(e => e.Summary).ToListAsync());
        summaries.ShouldAllBe(s => !s.Contains(name));
    }

    [Fact]
    public async Task Answer_OnTimeNotThisAgency_ReplyCarriesTheNumberAndOnlyTheApplicantAndHandlersReadIt()
    {
        var request = await FileAsync(Unique("按期答复"));
        var received = app.Today;
        app.MoveTo(await AddWorkingDaysAsync(received, 20));
        var handler = await app.SignedInClientAsync(TestAccounts.DisclosureOfficer);
        var url = $"/Disclosure/Admin/Requests/{request.Id}";

        using var answered = await handler.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Answer.Type"] = "NotThisAgency",
            ["Answer.Reference"] = "宁波市海曙区市场监督管理局",
        }, "form[data-testid=answer-form]");

        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(answered));
        var page = await handler.GetDocumentAsync(url);
        page.QuerySelector("[data-testid=state]")!.TextContent.ShouldBe("已答复");
        page.QuerySelector("[data-testid=clock-status]")!.TextContent.ShouldBe("按期答复");
        var reply = await handler.GetDocumentAsync($"/Disclosure/Reply/{request.Id}");
        reply.QuerySelector("[data-testid=reply-number]")!.TextContent.ShouldContain(request.ReceiptNumber);
        reply.QuerySelector("[data-testid=reply-reference]")!.TextContent.ShouldContain("宁波市海曙区市场监督管理局");
        reply.QuerySelector("[data-testid=reply-answer]")!.TextContent.ShouldContain("第三十六条第五项");
        using var download = await handler.GetAsync(new Uri($"/Disclosure/Reply/{request.Id}?download=true", UriKind.Relative));
        download.Content.Headers.ContentDisposition?.DispositionType.ShouldBe("attachment");
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        (await officer.GetAsync(new Uri($"/Disclosure/Reply/{request.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AuditActionsAsync(request.Id)).ShouldBe(["disclosure.request.received", "disclosure.request.answer"], ignoreOrder: true);
    }

    [Fact]
    public async Task Answer_GrantedWithoutTheInformation_IsRefusedThenGivenWithTheFileTheApplicantDownloads()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var description = Unique("登记审批流程");
        var fields = Form("测试申请人", "");
        fields["Input.Description"] = description;
        (await applicant.SubmitFormAsync("/Disclosure/Request", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = await FindAsync(r => r.Description == description);
        var handler = await app.SignedInClientAsync(TestAccounts.DisclosureOfficer);
        var url = $"/Disclosure/Admin/Requests/{request.Id}";

        using var refused = await handler.SubmitFormAsync(url, new Dictionary<string, string> { ["Answer.Type"] = "Granted" }, "form[data-testid=answer-form]");
        (await ErrorsAsync(refused)).ShouldContain("请先上传公开的信息");

        using var uploaded = await handler.SubmitFormAsync(url, new Dictionary<string, string>(), "form[data-testid=attach-form]", files: new Dictionary<string, (string, byte[])> { ["file"] = ("流程.pdf", Pdf) });
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(uploaded));
        using var answered = await handler.SubmitFormAsync(url, new Dictionary<string, string> { ["Answer.Type"] = "Granted" }, "form[data-testid=answer-form]");
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(answered));

        var reply = await applicant.GetDocumentAsync($"/Disclosure/Reply/{request.Id}");
        var link = reply.QuerySelector("[data-testid=reply-attachments] a")!.GetAttribute("href")!;
        using var file = await applicant.GetAsync(new Uri(link, UriKind.Relative));
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        (await (await app.SignedInClientAsync(TestAccounts.Officer)).GetAsync(new Uri(link, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var applicantId = await InScopeAsync(db => db.Users.Where(u => u.Email == TestAccounts.Applicant.Email).Select(u => u.Id).SingleAsync());
        (await InScopeAsync(db => db.Set<Notification>().Where(n => n.UserId == applicantId && n.Link == $"/Disclosure/My/{request.Id}").Select(n => n.Title).ToListAsync()))
            .ShouldContain(t => t.Contains("申请已答复"));
    }

    [Fact]
    public async Task Extend_Art33_ApprovedOnceTheApplicantIsToldAndTheDueDayMoves()
    {
        var email = Unique("ext") + "@example.com";
        var request = await FileAsync(Unique("延期申请"), email);
        var received = app.Today;
        app.MoveTo(await AddWorkingDaysAsync(received, 15));
        var handler = await app.SignedInClientAsync(TestAccounts.DisclosureOfficer);
        var url = $"/Disclosure/Admin/Requests/{request.Id}";

        using var extended = await handler.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Step.Days"] = "20",
            ["Step.Party"] = "办公室主任 钱某",
            ["Step.Note"] = "需调阅三个年度的档案",
        }, "form[data-trigger=Extend]");
        extended.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(extended));

        var due = await AddWorkingDaysAsync(received, 40);
        app.MoveTo(await AddWorkingDaysAsync(received, 25));
        handler = await app.SignedInClientAsync(TestAccounts.DisclosureOfficer);
        var page = await handler.GetDocumentAsync(url);
        page.QuerySelector("[data-testid=due]")!.TextContent.Trim().ShouldStartWith(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        page.QuerySelector("[data-testid=clock-status]")!.TextContent.ShouldBe("剩余15个工作日");
        page.QuerySelector("form[data-trigger=Extend]").ShouldNotBeNull("the table still lists it; the guard refuses a second one");
        using var again = await handler.SubmitFormAsync(url, new Dictionary<string, string> { ["Step.Days"] = "5", ["Step.Party"] = "主任", ["Step.Note"] = "再延" }, "form[data-trigger=Extend]");
        (await ErrorsAsync(again)).ShouldContain("答复期限只能延长一次");
        (await MailsToAsync(email)).ShouldContain(m => m.Subject.Contains("延长答复期限告知") && m.TextBody.Contains(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        (await AuditActionsAsync(request.Id)).ShouldContain("disclosure.request.extend");
    }

    [Fact]
    public async Task Correction_Art30_OneNoticeWithinSevenDaysAndTheClockRestartsFromTheCorrectedRequest()
    {
        var email = Unique("fix") + "@example.com";
        var request = await FileAsync(Unique("补正申请"), email);
        var received = app.Today;
        var url = $"/Disclosure/Admin/Requests/{request.Id}";
        app.MoveTo(await AddWorkingDaysAsync(received, 3));
        var handler = await app.SignedInClientAsync(TestAccounts.DisclosureOfficer);

        using var asked = await handler.SubmitFormAsync(url, new Dictionary<string, string> { ["Step.Days"] = "10", ["Step.Note"] = "请写明文件名称或文号" }, "form[data-trigger=RequestCorrection]");
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(asked));
        (await handler.GetDocumentAsync(url)).QuerySelector("[data-testid=due]")!.TextContent.Trim().ShouldBe("计时暂停");
        (await MailsToAsync(email)).ShouldContain(m => m.Subject.Contains("补正告知"));

        var correctedOn = await AddWorkingDaysAsync(received, 9);
        app.MoveTo(correctedOn);
        handler = await app.SignedInClientAsync(TestAccounts.DisclosureOfficer);
        using var corrected = await handler.SubmitFormAsync(url, new Dictionary<string, string> { ["Step.Note"] = "2025年度年检结果汇总表" }, "form[data-trigger=Correct]");
        corrected.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(corrected));

        var page = await handler.GetDocumentAsync(url);
        page.QuerySelector("[data-testid=clock-start]")!.TextContent.ShouldBe(correctedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        page.QuerySelector("[data-testid=due]")!.TextContent.Trim().ShouldStartWith((await AddWorkingDaysAsync(correctedOn, 20)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        page.QuerySelector("form[data-trigger=RequestCorrection]").ShouldNotBeNull();
        using var second = await handler.SubmitFormAsync(url, new Dictionary<string, string> { ["Step.Days"] = "5", ["Step.Note"] = "再次补正" }, "form[data-trigger=RequestCorrection]");
        (await ErrorsAsync(second)).ShouldContain("补正告知只能发出一次");
    }

    [Fact]
    public async Task Overdue_MovedClock_ListedWarnedAndOnTheToDoList()
    {
        var request = await FileAsync(Unique("超期申请"));
        var received = app.Today;

        // Signed in again after each move: the session's idle timeout follows the moved clock.
        app.MoveTo(await AddWorkingDaysAsync(received, 18));
        var handler = await app.SignedInClientAsync(TestAccounts.DisclosureOfficer);
        (await handler.GetDocumentAsync("/Disclosure/Admin/Requests?due=DueSoon")).QuerySelectorAll($"[data-receipt='{request.ReceiptNumber}']").Length.ShouldBe(1);
        (await handler.GetDocumentAsync("/Disclosure/Admin/Requests?due=Overdue")).QuerySelectorAll($"[data-receipt='{request.ReceiptNumber}']").ShouldBeEmpty();

        app.MoveTo(await AddWorkingDaysAsync(received, 21));
        handler = await app.SignedInClientAsync(TestAccounts.DisclosureOfficer);
        var overdue = await handler.GetDocumentAsync("/Disclosure/Admin/Requests?due=Overdue");
        overdue.QuerySelector($"[data-receipt='{request.ReceiptNumber}'] [data-testid=clock]")!.TextContent.ShouldBe("已超期1个工作日");
        (await handler.GetStringAsync(new Uri("/Admin", UriKind.Relative))).ShouldContain("/Disclosure/Admin/Requests?due=Overdue");

        (await app.WithAsync<RequestWarnings, int>(w => w.RunOnceAsync(CancellationToken.None))).ShouldBeGreaterThanOrEqualTo(1);
        var handlerId = await InScopeAsync(db => db.Users.Where(u => u.Email == TestAccounts.DisclosureOfficer.Email).Select(u => u.Id).SingleAsync());
        var link = $"/Disclosure/Admin/Requests/{request.Id}";
        (await InScopeAsync(db => db.Set<Notification>().Where(n => n.UserId == handlerId && n.Link == link).Select(n => n.Title).ToListAsync()))
            .ShouldContain($"已超期：{request.ReceiptNumber}");
        (await app.WithAsync<RequestWarnings, int>(w => w.RunOnceAsync(CancellationToken.None))).ShouldBe(0, "once a day");
    }

    [Fact]
    public async Task Reply_AnonymousApplicant_ReadsTheReplyAndItsNumberedPdfWithReceiptAndSecretOnly()
    {
        var email = Unique("pdf") + "@example.com";
        using var filed = await app.Client().SubmitFormAsync("/Disclosure/Request", Form("答复书申请人", email));
        var secret = (await filed.ParseAsync()).QuerySelector("[data-testid=request-secret]")!.TextContent.Trim();
        var request = await FindByEmailAsync(email);
        secret.Length.ShouldBe(16);
        request.SecretHash.ShouldNotContain(secret, Case.Insensitive);
        var handler = await app.SignedInClientAsync(TestAccounts.DisclosureOfficer);

        using var answered = await handler.SubmitFormAsync($"/Disclosure/Admin/Requests/{request.Id}", new Dictionary<string, string>
        {
            ["Answer.Type"] = "NotThisAgency",
            ["Answer.Reference"] = "宁波市海曙区市场监督管理局",
        }, "form[data-testid=answer-form]");
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(answered));
        var document = await ReplyDocumentAsync(request.Id);

        var visitor = app.Client();
        using (var wrong = await visitor.SubmitFormAsync("/Disclosure/Follow", new Dictionary<string, string> { ["Receipt"] = request.ReceiptNumber, ["Secret"] = "ABCDEFGHJKLMNPQR" }, "form[data-testid=follow-form]"))
        {
            var refused = await wrong.ParseAsync();
            refused.QuerySelector("[data-testid=follow-result]").ShouldBeNull();
            refused.QuerySelector("[data-testid=follow-errors]")!.TextContent.ShouldContain("申请编号或查询密码不正确");
        }

        using var shown = await visitor.SubmitFormAsync("/Disclosure/Follow", new Dictionary<string, string> { ["Receipt"] = request.ReceiptNumber.ToLowerInvariant(), ["Secret"] = secret }, "form[data-testid=follow-form]");
        var page = await shown.ParseAsync();
        page.QuerySelector("[data-testid=state]")!.TextContent.ShouldBe("已答复");
        page.QuerySelector("[data-testid=follow-reply]")!.TextContent.ShouldContain("宁波市海曙区市场监督管理局");
        page.QuerySelector("[data-testid=follow-pdf]")!.TextContent.ShouldContain(document.Number);
        page.DocumentElement.TextContent.ShouldNotContain("330203198001011234"); // the identity details are never shown on the follow-up page
        using var pdf = await visitor.PostFormAsync(page.ReadForm("/Disclosure/Follow", "form[data-testid=follow-pdf-form]"), new Dictionary<string, string>());
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");

        var text = PdfText(await pdf.Content.ReadAsByteArrayAsync());
        text.ShouldContain("政府信息公开申请答复书");
        text.ShouldContain(document.Number);
        text.ShouldContain(request.ReceiptNumber);
        text.ShouldContain("答复书申请人");
        text.ShouldContain("宁波市海曙区市场监督管理局");
        text.ShouldContain("第三十六条第五项");
        text.ShouldContain(document.VerificationCode);
        using var forged = await visitor.PostFormAsync(page.ReadForm("/Disclosure/Follow", "form[data-testid=follow-pdf-form]"), new Dictionary<string, string> { ["Secret"] = "ABCDEFGHJKLMNPQR" });
        forged.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", "a wrong secret gets the form again, never the PDF");
    }

    [Fact]
    public async Task ReplyPdf_AccountApplicantAndHandlers_OtherStaffGet404AndAnonymousSignIn()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var description = Unique("答复书下载");
        var fields = Form("账户申请人", "");
        fields["Input.Description"] = description;
        (await applicant.SubmitFormAsync("/Disclosure/Request", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = await FindAsync(r => r.Description == description);
        var pdfUrl = new Uri($"/Disclosure/Requests/{request.Id}/Reply.pdf", UriKind.Relative);
        var handler = await app.SignedInClientAsync(TestAccounts.DisclosureOfficer);
        (await handler.GetAsync(pdfUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "nothing to download before the answer");

        using var answered = await handler.SubmitFormAsync($"/Disclosure/Admin/Requests/{request.Id}", new Dictionary<string, string>
        {
            ["Answer.Type"] = "AlreadyPublic",
            ["Answer.Reference"] = "区民政局网站 政府信息公开目录",
        }, "form[data-testid=answer-form]");
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(answered));
        var document = await ReplyDocumentAsync(request.Id);

        using var mine = await applicant.GetAsync(pdfUrl);
        mine.StatusCode.ShouldBe(HttpStatusCode.OK);
        PdfText(await mine.Content.ReadAsByteArrayAsync()).ShouldContain(request.ReceiptNumber);
        (await applicant.GetDocumentAsync($"/Disclosure/My/{request.Id}")).QuerySelector("[data-testid=reply-pdf]")!.GetAttribute("href").ShouldBe(pdfUrl.OriginalString);
        (await handler.GetAsync(pdfUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);
        document.RecipientUserId.ShouldNotBeNull("the account's own documents list it too");
        (await (await app.SignedInClientAsync(TestAccounts.Officer)).GetAsync(pdfUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.SignedInClientAsync(TestAccounts.Editor)).GetAsync(pdfUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetAsync(pdfUrl)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>
    /// Hands the request's answered event, as the answer's transaction wrote it to the outbox, to the documents module's issuer
    /// (the dispatcher polls on the app's clock, which these tests hold still), and gives back the reply it issued.
    /// </summary>
    private async Task<IssuedDocument> ReplyDocumentAsync(int requestId)
    {
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var message = (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Topic == DisclosureRequestAnswered.Topic).ToListAsync())
                .Single(m => System.Text.Json.JsonSerializer.Deserialize<DisclosureRequestAnswered>(m.Payload)!.RequestId == requestId);
            var issuer = scope.ServiceProvider.GetServices<IOutboxConsumer>().Single(c => c.Name == "documents-issuer");
            issuer.Accepts(message.Topic).ShouldBeTrue();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await issuer.HandleAsync(message, CancellationToken.None);
            await transaction.CommitAsync();
        }

        return await InScopeAsync(db => db.Set<IssuedDocument>().AsNoTracking().SingleAsync(d => d.Source == $"Disclosure/request/{requestId}/Reply" && d.Kind == DocumentKind.DisclosureReply));
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Form(string name, string email) => new()
    {
        ["Input.ApplicantKind"] = "NaturalPerson",
        ["Input.Name"] = name,
        ["Input.IdType"] = "居民身份证",
        ["Input.IdNumber"] = "330203198001011234",
        ["Input.Phone"] = "13805740001",
        ["Input.Email"] = email,
        ["Input.Description"] = Unique("2025年度海曙区社会组织年检结果汇总表"),
        ["Input.PreferredForm"] = "Electronic",
        ["Input.Delivery"] = email.Length > 0 ? "Email" : "Pickup",
    };

    private static string Unique(string text) => $"{text}{Guid.NewGuid().ToString("N")[..8]}";

    private async Task<DisclosureRequest> FileAsync(string name, string? email = null)
    {
        email ??= Unique("a") + "@example.com";
        using var response = await app.Client().SubmitFormAsync("/Disclosure/Request", Form(name, email));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await FindByEmailAsync(email);
    }

    private Task<DisclosureRequest> FindByEmailAsync(string email) => FindAsync(r => r.Email == email);

    private Task<DisclosureRequest> FindAsync(System.Linq.Expressions.Expression<Func<DisclosureRequest, bool>> predicate) =>
        InScopeAsync(db => db.Set<DisclosureRequest>().AsNoTracking().SingleAsync(predicate));

    private Task<DateOnly> AddWorkingDaysAsync(DateOnly from, int days) =>
        app.WithAsync<ICalendarProvider, DateOnly>(async c => (await c.GetAsync(CancellationToken.None)).AddWorkingDays(from, days));

    private Task<List<string>> AuditActionsAsync(int id) =>
        InScopeAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType == RequestService.AuditEntity && e.EntityId == id.ToString(CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync());

    private Task<List<MailMessage>> MailsToAsync(string email) => InScopeAsync(db => db.Set<MailMessage>().Where(m => m.To == email).ToListAsync());

    private Task<T> InScopeAsync<T>(Func<RegistryDbContext, Task<T>> query) => app.InScopeAsync(s => query(s.GetRequiredService<RegistryDbContext>()));

    /// <summary>The officer's own anti-forgery token for a form another account loaded (the forbidden POST must be a valid one).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> TokenOfAsync(HttpClient client, string url, FormSnapshot form)
    {
        var own = await client.GetDocumentAsync(url);
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new Dictionary<string, string>(form.Values) { ["__RequestVerificationToken"] = token };
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
}

public sealed class DisclosureTestsOnSqlite(SqliteDisclosureApp app) : DisclosureTests<SqliteDisclosureApp>(app), IClassFixture<SqliteDisclosureApp>;

public sealed class DisclosureTestsOnPostgreSql(PostgreSqlDisclosureApp app) : DisclosureTests<PostgreSqlDisclosureApp>(app), IClassFixture<PostgreSqlDisclosureApp>;
