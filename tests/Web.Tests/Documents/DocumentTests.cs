using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Registry.Core.Outbox;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Documents.Contracts;
using Registry.Documents.Domain;
using Registry.Documents.Services;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;
using Registry.Web.Tests.Organizations;
using UglyToad.PdfPig;

namespace Registry.Web.Tests.Documents;

/// <summary>The test app with the demo register (active and deregistered organizations, and the demo applicant as a member).</summary>
public abstract class DocumentsApp(DatabaseKind kind) : AppFixture(kind)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", "test-register.recipe.json"), CancellationToken.None);
    }
}

public sealed class DocumentsSqliteApp() : DocumentsApp(DatabaseKind.Sqlite);

public sealed class DocumentsPostgreSqlApp() : DocumentsApp(DatabaseKind.PostgreSql);

/// <summary>
/// Formal documents (文书, 行政许可法 第三十八、三十九条) on each provider: gap-free 文号 under concurrent issue, the PDF's
/// Chinese text, the public verification page (valid, superseded, tampered, unknown), the signature and who may download.
/// </summary>
public abstract partial class DocumentTests<TApp>(TApp app)
    where TApp : DocumentsApp
{
    private static readonly (string Email, string Password) DemoApplicant = ("applicant@demo.local", "Demo-applicant-2026");

    [Fact]
    public async Task Number_ConcurrentIssuance_GapFreeAndUniquePerKindAndYear()
    {
        // A year no other test uses, so the kind's numbers start at 1 there.
        var year = app.Kind == DatabaseKind.Sqlite ? 2041 : 2042;
        var issued = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => IssueAsync(Request(DocumentKind.RegistrationApproval, $"concurrent-{year}-{i}", $"并发社会组织{i}", new DateOnly(year, 3, 2)))));

        issued.Select(d => d.Sequence).Order().ShouldBe(Enumerable.Range(1, 12).Select(i => (long)i));
        issued.Select(d => d.Number).Order().ShouldBe(Enumerable.Range(1, 12).Select(i => $"海民社登〔{year}〕{i}号").Order());
        var other = await IssueAsync(Request(DocumentKind.AcceptanceNotice, $"concurrent-{year}-acceptance", "另一种文书", new DateOnly(year, 3, 2)));
        other.Number.ShouldBe($"海民社受〔{year}〕1号", "each kind has its own sequence");
        var nextYear = await IssueAsync(Request(DocumentKind.RegistrationApproval, $"concurrent-{year}-next", "次年文书", new DateOnly(year + 1, 1, 5)));
        nextYear.Number.ShouldBe($"海民社登〔{year + 1}〕1号", "numbers restart each year");
    }

    [Fact]
    public async Task Issue_SameSourceTwice_IssuesOnce()
    {
        var source = $"replay-{Guid.NewGuid():N}";
        var first = await IssueAsync(Request(DocumentKind.AcceptanceNotice, source, "重放测试协会", new DateOnly(2026, 3, 2)));
        var again = await IssueAsync(Request(DocumentKind.AcceptanceNotice, source, "重放测试协会", new DateOnly(2026, 3, 2)));

        again.Id.ShouldBe(first.Id, "a replayed event gets the document already issued");
    }

    [Fact]
    public async Task Pdf_CorrectionNotice_ReadsBackChineseTextNumberAndHolder()
    {
        var holder = $"宁波市海曙区补正测试协会{Guid.NewGuid().ToString("N")[..4]}";
        var document = await IssueAsync(Request(DocumentKind.CorrectionNotice, $"pdf-{Guid.NewGuid():N}", holder, new DateOnly(2026, 3, 2), ["章程第十条未写明会员大会的职权", "住所使用证明已过期"]));

        var text = PdfText(await BytesAsync(document));

        text.ShouldContain("补正材料通知书");
        text.ShouldContain(document.Number);
        text.ShouldContain(holder);
        text.ShouldContain("一次性告知需要补正的全部内容");
        text.ShouldContain("章程第十条未写明会员大会的职权");
        text.ShouldContain("住所使用证明已过期");
        text.ShouldContain("宁波市海曙区民政局");
        text.ShouldContain(document.VerificationCode);
    }

    [Fact]
    public async Task Pdf_RefusalDecision_StatesReasonAndRightsToReviewAndSuit()
    {
        var document = await IssueAsync(Request(DocumentKind.RegistrationRefusal, $"refusal-{Guid.NewGuid():N}", "宁波市海曙区拒绝测试协会", new DateOnly(2026, 3, 2), [], ("reason", "会员人数不足五十人")));

        var text = PdfText(await BytesAsync(document));

        // 行政许可法 第三十八条第二款: reasons and the rights to 行政复议 (60 days) and 行政诉讼 (6 months).
        text.ShouldContain("会员人数不足五十人");
        text.ShouldContain("六十日内向宁波市海曙区人民政府申请行政复议");
        text.ShouldContain("六个月内依法向人民法院提起行政诉讼");
    }

    [Fact]
    public async Task Verify_ValidDocument_ShowsKindNumberDateAndHolder()
    {
        var document = await IssueAsync(Request(DocumentKind.AcceptanceNotice, $"verify-{Guid.NewGuid():N}", "宁波市海曙区核验测试协会", new DateOnly(2026, 3, 2)));

        var page = await app.Client().GetDocumentAsync(DocumentLinks.Verify(document.VerificationCode.ToLowerInvariant()));

        var section = page.QuerySelector("[data-testid=verification]")!;
        section.GetAttribute("data-status").ShouldBe(nameof(DocumentStatus.Valid));
        section.QuerySelector("[data-testid=kind]")!.TextContent.ShouldBe("受理通知书");
        section.QuerySelector("[data-testid=number]")!.TextContent.ShouldBe(document.Number);
        section.QuerySelector("[data-testid=issued-on]")!.TextContent.ShouldBe("2026-03-02");
        section.QuerySelector("[data-testid=holder]")!.TextContent.ShouldBe("宁波市海曙区核验测试协会");
    }

    [Fact]
    public async Task Verify_UnknownOrMalformedCode_Answers404WithAClearPage()
    {
        foreach (var code in new[] { "ZZZZZZZZZZ", "<script>", new string('A', 500) })
        {
            var response = await app.Client().GetAsync(new Uri(DocumentLinks.Verify(code), UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await response.Content.ReadAsStringAsync()).ShouldContain("未找到该核验码对应的文书");
        }
    }

    [Fact]
    public async Task Verify_ReissuedDocument_EarlierShowsSupersededAndKeptTheNewIsValid()
    {
        var earlier = await IssueAsync(Request(DocumentKind.RegistrationApproval, $"reissue-{Guid.NewGuid():N}", "宁波市海曙区错字协会", new DateOnly(2026, 3, 2)));
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var response = await officer.SubmitFormAsync($"/Documents/Admin/Document/{earlier.Id}", new Dictionary<string, string>
        {
            ["Form.Holder"] = "宁波市海曙区正字协会",
            ["Form.Reason"] = "名称有错字",
        }, "[data-testid=reissue]");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        IssuedDocument later;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var stored = await db.Set<IssuedDocument>().AsNoTracking().SingleAsync(d => d.Id == earlier.Id);
            later = await db.Set<IssuedDocument>().AsNoTracking().SingleAsync(d => d.Id == stored.SupersededById);
            later.Revision.ShouldBe(2);
            later.HolderName.ShouldBe("宁波市海曙区正字协会");
            later.Number.ShouldNotBe(earlier.Number);
            (await db.Set<Registry.Core.Auditing.AuditEntry>().AsNoTracking().AnyAsync(a => a.Action == "documents.reissued" && a.EntityId == earlier.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ShouldBeTrue();
        }

        var old = await app.Client().GetDocumentAsync(DocumentLinks.Verify(earlier.VerificationCode));
        old.QuerySelector("[data-testid=verification]")!.GetAttribute("data-status").ShouldBe(nameof(DocumentStatus.Superseded));
        old.QuerySelector("[data-testid=superseded-by]")!.TextContent.ShouldContain(later.Number);
        old.QuerySelector("[data-testid=holder]")!.TextContent.ShouldBe("宁波市海曙区错字协会", "the earlier document is kept as issued");
        var current = await app.Client().GetDocumentAsync(DocumentLinks.Verify(later.VerificationCode));
        current.QuerySelector("[data-testid=verification]")!.GetAttribute("data-status").ShouldBe(nameof(DocumentStatus.Valid));
    }

    [Fact]
    public async Task Verify_StoredBytesChanged_ShowsHashMismatch()
    {
        var document = await IssueAsync(Request(DocumentKind.InspectionConclusion, $"tamper-{Guid.NewGuid():N}", "宁波市海曙区篡改测试中心", new DateOnly(2026, 3, 2)));
        var path = Path.Combine(app.Factory.Database.Directory, "files", document.Sha256[..2], document.Sha256);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);

        var page = await app.Client().GetDocumentAsync(DocumentLinks.Verify(document.VerificationCode));

        page.QuerySelector("[data-testid=verification]")!.GetAttribute("data-status").ShouldBe(nameof(DocumentStatus.Tampered));
        page.QuerySelector("[data-testid=hash-mismatch]")!.TextContent.ShouldContain(Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task Verify_CertificateOfDeregisteredOrganization_ShowsNoLongerValid()
    {
        var (active, deregistered) = await OrganizationsAsync();
        var valid = await IssueAsync(Request(DocumentKind.RegistrationCertificate, $"cert-{Guid.NewGuid():N}", active.Name, new DateOnly(2026, 3, 2)) with { OrganizationId = active.Id });
        var stale = await IssueAsync(Request(DocumentKind.RegistrationCertificate, $"cert-{Guid.NewGuid():N}", deregistered.Name, new DateOnly(2020, 3, 2)) with { OrganizationId = deregistered.Id });

        (await app.Client().GetDocumentAsync(DocumentLinks.Verify(valid.VerificationCode))).QuerySelector("[data-testid=verification]")!.GetAttribute("data-status").ShouldBe(nameof(DocumentStatus.Valid));
        var page = await app.Client().GetDocumentAsync(DocumentLinks.Verify(stale.VerificationCode));
        page.QuerySelector("[data-testid=verification]")!.GetAttribute("data-status").ShouldBe(nameof(DocumentStatus.NoLongerValid));
        page.QuerySelector("[data-testid=status]")!.TextContent.ShouldContain("已失效");
    }

    [Fact]
    public async Task Signature_IssuedPdf_ValidatesAndFailsAfterOneByteChanged()
    {
        var document = await IssueAsync(Request(DocumentKind.GrantAwardNotice, $"sign-{Guid.NewGuid():N}", "宁波市海曙区签名测试中心", new DateOnly(2026, 3, 2)));
        var pdf = await BytesAsync(document);

        var (signed, cms) = SignedContent(pdf);
        cms.CheckSignature(verifySignatureOnly: true);
        cms.SignerInfos[0].Certificate!.Subject.ShouldBe(document.SignedBy);

        // One byte changed inside the signed range (the page content), not in the signature itself.
        var altered = (byte[])pdf.Clone();
        altered[signed.Length / 3] ^= 0x20;
        var (_, alteredCms) = SignedContent(altered);
        Should.Throw<CryptographicException>(() => alteredCms.CheckSignature(verifySignatureOnly: true));
    }

    [Fact]
    public async Task Download_ApplicantOfTheOrganization_GetsThePdfOthersGet404()
    {
        var (active, _) = await OrganizationsAsync();
        var document = await IssueAsync(Request(DocumentKind.InspectionConclusion, $"download-{Guid.NewGuid():N}", active.Name, new DateOnly(2026, 3, 2)) with { OrganizationId = active.Id });

        var member = await app.SignedInClientAsync(DemoApplicant);
        var own = await member.GetAsync(new Uri(DocumentLinks.Download(document.Id), UriKind.Relative));
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        own.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await member.GetDocumentAsync(DocumentLinks.Mine)).QuerySelector($"[data-testid=documents] tr[data-id='{document.Id}']").ShouldNotBeNull();

        var stranger = await app.SignedInClientAsync(TestAccounts.Applicant);
        (await stranger.GetAsync(new Uri(DocumentLinks.Download(document.Id), UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetDocumentAsync(DocumentLinks.Mine)).QuerySelector($"[data-testid=documents] tr[data-id='{document.Id}']").ShouldBeNull();
        (await stranger.GetAsync(new Uri(DocumentLinks.Admin, UriKind.Relative))).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        (await officer.GetAsync(new Uri(DocumentLinks.Download(document.Id), UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task NumberFormat_AdminSavesInvalidThenValid_RefusesThenUsesIt()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        const string Page = "/Documents/Admin/Templates?kind=GradeCertificate";
        var refused = await admin.SubmitFormAsync(Page, new Dictionary<string, string> { ["Format"] = "海民社评〔2026〕{seq}号" }, "[data-testid=format-form]");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("文号格式须各含一次 {year} 和 {seq}");

        (await admin.SubmitFormAsync(Page, new Dictionary<string, string> { ["Format"] = "海民评证〔{year}〕{seq:3}号" }, "[data-testid=format-form]")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var year = app.Kind == DatabaseKind.Sqlite ? 2043 : 2044;
        var document = await IssueAsync(Request(DocumentKind.GradeCertificate, $"format-{Guid.NewGuid():N}", "宁波市海曙区格式测试中心", new DateOnly(year, 3, 2)));
        document.Number.ShouldBe($"海民评证〔{year}〕001号");
    }

    [Fact]
    public async Task Issuer_RegistrationEvents_IssueNoticesDecisionAndCertificateOnceEach()
    {
        var (active, _) = await OrganizationsAsync();
        var applicationId = Random.Shared.Next(1_000_000, 2_000_000);
        RegistrationDecided Decided(string trigger, string? note) =>
            new(applicationId, "HS2026-0042", "Change", trigger, active.Name, active.Id, "applicant-user", new DateOnly(2026, 2, 20), new DateOnly(2026, 2, 24), new DateOnly(2026, 3, 2), note);

        await HandleAsync(RegistrationDecided.Topic, Decided("Return", "章程修改说明未签字\n理事会决议缺少到会人数"));
        await HandleAsync(RegistrationDecided.Topic, Decided("Accept", null));
        await HandleAsync(RegistrationDecided.Topic, Decided("Approve", null));
        await HandleAsync(RegistrationDecided.Topic, Decided("Approve", null)); // replayed

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var issued = await db.Set<IssuedDocument>().AsNoTracking().Where(d => d.Source.StartsWith($"Organizations/application/{applicationId}/")).ToListAsync();
        issued.Select(d => d.Kind).Order().ShouldBe([DocumentKind.AcceptanceNotice, DocumentKind.CorrectionNotice, DocumentKind.RegistrationApproval]);
        issued.ShouldAllBe(d => d.RecipientUserId == "applicant-user" && d.OrganizationId == active.Id && d.HolderName == active.Name);
        var correction = issued.Single(d => d.Kind == DocumentKind.CorrectionNotice);
        DocumentService.ReadFields(correction).Items.ShouldBe(["章程修改说明未签字", "理事会决议缺少到会人数"], "一次性告知: every deficiency in one notice");
        var certificates = await db.Set<IssuedDocument>().AsNoTracking().Where(d => d.Source == $"Organizations/certificate/{active.Id}").ToListAsync();
        certificates.Count.ShouldBe(1, "a replayed approval issues no second certificate");
        PdfText((await scope.ServiceProvider.GetRequiredService<DocumentService>().ReadAsync(certificates[0], CancellationToken.None))!).ShouldContain(active.Name);
    }

    [Fact]
    public async Task Issuer_ApprovedChange_CertificatePrintsTheRegisteredAddressAndTheVerificationPageShowsIt()
    {
        var (active, _) = await OrganizationsAsync();
        active.Address.ShouldNotBeNullOrEmpty("the demo register states every organization's 住所");

        await HandleAsync(RegistrationDecided.Topic, new RegistrationDecided(Random.Shared.Next(2_000_000, 3_000_000), "HS2026-0077", "Change", "Approve", active.Name, active.Id,
            "applicant-user", new DateOnly(2026, 2, 20), new DateOnly(2026, 2, 24), new DateOnly(2026, 3, 2), null));

        await using var scope = app.Scope();
        var certificate = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<IssuedDocument>().AsNoTracking()
            .SingleAsync(d => d.Source == $"Organizations/certificate/{active.Id}" && d.SupersededById == null);
        var text = PdfText((await scope.ServiceProvider.GetRequiredService<DocumentService>().ReadAsync(certificate, CancellationToken.None))!);
        text.ShouldContain("住所：" + active.Address.Replace(" ", "", StringComparison.Ordinal));
        var page = await app.Client().GetDocumentAsync(DocumentLinks.Verify(certificate.VerificationCode));
        page.QuerySelector("[data-testid=address]").ShouldNotBeNull().TextContent.ShouldBe(active.Address);
    }

    [Fact]
    public async Task Issuer_InspectionResultCorrected_NewNoticeSupersedesTheEarlier()
    {
        var (active, _) = await OrganizationsAsync();
        var year = app.Kind == DatabaseKind.Sqlite ? 2023 : 2022;

        await HandleAsync(InspectionResultRecorded.Topic, new InspectionResultRecorded(active.Id, year, "BasicallyQualified"));
        await HandleAsync(InspectionResultRecorded.Topic, new InspectionResultRecorded(active.Id, year, "BasicallyQualified"));
        await HandleAsync(InspectionResultRecorded.Topic, new InspectionResultRecorded(active.Id, year, "Qualified"));

        await using var scope = app.Scope();
        var notices = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<IssuedDocument>().AsNoTracking()
            .Where(d => d.Source == $"Inspections/result/{active.Id}/{year}").OrderBy(d => d.Revision).ToListAsync();
        notices.Count.ShouldBe(2);
        notices[0].SupersededById.ShouldBe(notices[1].Id);
        var text = PdfText((await scope.ServiceProvider.GetRequiredService<DocumentService>().ReadAsync(notices[1], CancellationToken.None))!);
        text.ShouldContain("年检结论为：合格");
    }

    [Fact]
    public async Task Workflow_OfficerAcceptsThenRefuses_ApplicantDownloadsBothDocuments()
    {
        var pool = "甲乙丙丁戊己庚辛壬癸春夏秋冬梅兰竹菊松柏";
        var name = "宁波市海曙区" + string.Concat(Enumerable.Range(0, 3).Select(_ => pool[Random.Shared.Next(pool.Length)])) + "养老服务中心";
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var id = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(id, "NameApproval", RegistrationClient.NameApproval(name));

        await officer.DecideOkAsync(id, "Accept", "StartReview");
        using (var refused = await officer.DecideAsync(id, "Reject", "名称与已登记组织近似"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var documents = await Eventually.ResultAsync(async () =>
        {
            await using var scope = app.Scope();
            var found = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<IssuedDocument>().AsNoTracking()
                .Where(d => d.Source.StartsWith($"Organizations/application/{id}/")).ToListAsync();
            return found.Count == 2 ? found : null;
        }, "the acceptance notice and the refusal are issued from the workflow's events");
        var refusal = documents.Single(d => d.Kind == DocumentKind.RegistrationRefusal);
        documents.Single(d => d.Kind == DocumentKind.AcceptanceNotice).HolderName.ShouldBe(name);

        var mine = await applicant.GetDocumentAsync(DocumentLinks.Mine);
        mine.QuerySelectorAll("[data-testid=documents] tbody tr").Length.ShouldBeGreaterThanOrEqualTo(2);
        var pdf = await applicant.GetByteArrayAsync(new Uri(DocumentLinks.Download(refusal.Id), UriKind.Relative));
        var text = PdfText(pdf);
        text.ShouldContain("不予名称核准决定书");
        text.ShouldContain("名称与已登记组织近似");
        text.ShouldContain(refusal.Number);

        // The decision reaches the applicant as the document itself: the signed PDF attached to the mail, byte for byte.
        // Matched on the document's own verification code: both databases' apps mail the same test account through one sink,
        // and their numbers can coincide.
        var mail = await MailSink.WaitForAsync(TestAccounts.Applicant.Email, m => m.TextBody?.Contains(DocumentLinks.Verify(refusal.VerificationCode), StringComparison.Ordinal) == true);
        mail.Subject!.ShouldContain("不予登记决定书");
        var attachment = mail.Attachments.OfType<MimePart>().Single();
        attachment.ContentType.MimeType.ShouldBe("application/pdf");
        attachment.FileName.ShouldEndWith(".pdf");
        using var attached = new MemoryStream();
        await attachment.Content!.DecodeToAsync(attached);
        attached.ToArray().ShouldBe(pdf);
        mail.TextBody!.ShouldContain(DocumentLinks.Verify(refusal.VerificationCode));
    }

    private async Task HandleAsync<T>(string topic, T payload)
    {
        await using var scope = app.Scope();
        var consumer = scope.ServiceProvider.GetServices<IOutboxConsumer>().Single(c => c.Name == "documents-issuer");
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await consumer.HandleAsync(new OutboxMessage { Topic = topic, Payload = System.Text.Json.JsonSerializer.Serialize(payload) }, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static IssueRequest Request(DocumentKind kind, string source, string holder, DateOnly on, IReadOnlyList<string>? items = null, params (string Key, string Value)[] fields)
    {
        var values = new Dictionary<string, string>
        {
            ["application_kind"] = "成立登记",
            ["receipt_number"] = "HS20260001",
            ["received_on"] = "2026年2月20日",
            ["accepted_on"] = "2026年2月24日",
            ["review_authority"] = "宁波市海曙区人民政府",
            ["reason"] = "",
            ["year"] = "2025",
            ["result"] = "合格",
            ["result_code"] = "Qualified",
            ["project_title"] = "银龄互助",
            ["round"] = "2026年度海曙区公益创投",
            ["amount_yuan"] = "50,000",
        };
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        return new IssueRequest(kind, "Tests/" + source, null, null, holder, on, null, values, items ?? []);
    }

    private async Task<IssuedDocument> IssueAsync(IssueRequest request)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<DocumentService>().IssueAsync(request, CancellationToken.None);
    }

    private async Task<byte[]> BytesAsync(IssuedDocument document)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<DocumentService>().ReadAsync(document, CancellationToken.None))!;
    }

    private async Task<(OrganizationListing Active, OrganizationListing Deregistered)> OrganizationsAsync()
    {
        await using var scope = app.Scope();
        var all = new List<OrganizationListing>();
        await foreach (var listing in scope.ServiceProvider.GetRequiredService<IOrganizationRegister>().ListingsAsync(null, CancellationToken.None))
        {
            all.Add(listing);
        }

        var user = await scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(DemoApplicant.Email);
        var own = await scope.ServiceProvider.GetRequiredService<IOrganizationRegister>().OrganizationsOfUserAsync(user!.Id, CancellationToken.None);
        return (all.First(o => own.Contains(o.Id) && o.Status == OrganizationCodes.Active), all.First(o => o.Status == OrganizationCodes.Deregistered));
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>The bytes the signature covers (its /ByteRange) and the decoded CMS of its /Contents.</summary>
    private static (byte[] Signed, SignedCms Cms) SignedContent(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var range = ByteRange().Matches(text).Last();
        int Group(int i) => int.Parse(range.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture);
        var (a, b, c, d) = (Group(1), Group(2), Group(3), Group(4));
        var signed = pdf.AsSpan(a, b).ToArray().Concat(pdf.AsSpan(c, d).ToArray()).ToArray();
        // /Contents <hex> lies exactly in the gap the byte range leaves out.
        var hex = text[(a + b)..c].Trim('<', '>', ' ');
        var der = Convert.FromHexString(hex.TrimEnd('0').Length % 2 == 0 ? hex.TrimEnd('0') : hex.TrimEnd('0') + "0");
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        cms.Decode(der);
        return (signed, cms);
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();
}

public sealed class DocumentTestsOnSqlite(DocumentsSqliteApp app) : DocumentTests<DocumentsSqliteApp>(app), IClassFixture<DocumentsSqliteApp>;

public sealed class DocumentTestsOnPostgreSql(DocumentsPostgreSqlApp app) : DocumentTests<DocumentsPostgreSqlApp>(app), IClassFixture<DocumentsPostgreSqlApp>;
