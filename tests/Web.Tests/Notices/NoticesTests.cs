using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Mail;
using Registry.Core.Notifications;
using Registry.Notices.Contracts;
using Registry.Notices.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Notices;

/// <summary>公示公告 end to end over HTTP, on each provider.</summary>
public abstract class NoticesTests<TApp>(TApp app)
    where TApp : AppFixture
{
    private const string MaliciousMarkdown = """
        ## 公示名单

        - 宁波市海曙区阳光助老服务中心
        - 宁波市海曙区书香社区读书会

        详见[区民政局网站](https://www.haishu.gov.cn/)。

        <script>alert('xss')</script>

        [点此领奖](javascript:alert(document.cookie))

        <img src="x" onerror="alert(1)"> <a href="/x" onclick="alert(2)">链接</a>
        """;

    [Fact]
    public async Task PublicPage_MarkdownWithScriptsLinksAndHandlers_ShowsOnlySafeHtml()
    {
        var title = NoticeClient.Unique("2026年度社会组织等级评估结果公示");
        var id = await app.PublishAsync(new NoticeDraft("Tests", Guid.NewGuid().ToString("N"), title, NoticeKind.RatingResult, MaliciousMarkdown));

        using var response = await app.Client().GetAsync(new Uri($"/Notices/{id}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert", Case.Insensitive);
        html.ShouldNotContain("href=\"javascript:", Case.Insensitive);
        var body = (await response.ParseAsync()).QuerySelector("[data-testid=notice-body]")!;
        AssertSafe(body);
        body.QuerySelector("h2")!.TextContent.ShouldBe("公示名单");
        body.QuerySelectorAll("ul li").Length.ShouldBe(2);
        body.QuerySelector("a[href='https://www.haishu.gov.cn/']")!.TextContent.ShouldBe("区民政局网站");
    }

    [Fact]
    public async Task AdminPreview_MaliciousMarkdown_IsSanitizedAndNothingIsSaved()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var title = NoticeClient.Unique("预览测试");
        var form = await officer.ReadFormAsync("/Notices/Admin/Edit");
        using var response = await officer.PostFormAsync(form, new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Kind"] = "Announcement",
            ["Input.Body"] = MaliciousMarkdown,
        }, handler: "Preview");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await response.ParseAsync();
        var preview = document.QuerySelector("[data-testid=preview]")!;
        AssertSafe(preview);
        preview.QuerySelector("h2")!.TextContent.ShouldBe("公示名单");
        (document.QuerySelector("textarea[name='Input.Body']")!.TextContent).ShouldContain("<script>alert('xss')</script>");
        (await CountAsync<Notice>(n => n.Title == title)).ShouldBe(0);
    }

    [Fact]
    public async Task Officer_CreatesAndPublishes_NoticeIsPublicAndAudited()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var title = NoticeClient.Unique("关于开展2025年度社会组织年检工作的通知");
        var id = await officer.CreateAsync(new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Kind"] = "Announcement",
            ["Input.Body"] = "各社会组织：\n请于2026年5月31日前报送年度工作报告。",
        });

        (await app.Client().GetAsync(new Uri($"/Notices/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetStringAsync(new Uri("/Notices", UriKind.Relative))).ShouldNotContain(title);

        var confirmation = await officer.PageAsync($"/Notices/Admin/Status/{id}?to=Publish");
        confirmation.QuerySelector("h1")!.TextContent.ShouldBe("确认发布公告");
        await officer.PublishThroughPageAsync(id);

        var page = await app.Client().PageAsync($"/Notices/{id}");
        page.QuerySelector("h1")!.TextContent.ShouldBe(title);
        page.QuerySelector("[data-testid=notice-body] br").ShouldNotBeNull();
        page.QuerySelector("[data-testid=period-badge]").ShouldBeNull();
        (await app.Client().GetStringAsync(new Uri("/Notices", UriKind.Relative))).ShouldContain(title);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var actions = await db.Set<AuditEntry>().Where(e => e.EntityType == "Notice" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync();
        actions.ShouldBe(["notice.created", "notice.published"], ignoreOrder: true);
        (await db.Set<Notice>().SingleAsync(n => n.Id == id)).CreatedBy.ShouldBe("测试科员", "the officer's display name, as in the audit trail");
    }

    [Fact]
    public async Task Edit_InvalidPeriodAndObjectionsWithoutPeriod_ShowsLocalizedErrorsAndKeepsInput()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        using var response = await officer.SubmitFormAsync("/Notices/Admin/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.Kind"] = "RatingResult",
            ["Input.Body"] = "保留的正文",
            ["Input.AcceptsObjections"] = "true",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("请填写标题。");
        html.ShouldContain("保留的正文");

        using var second = await officer.SubmitFormAsync("/Notices/Admin/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = NoticeClient.Unique("期限测试"),
            ["Input.Kind"] = "RatingResult",
            ["Input.PeriodStart"] = NoticeClient.Date(NoticeClient.Today),
            ["Input.PeriodEnd"] = NoticeClient.Date(NoticeClient.Today.AddDays(-1)),
            ["Input.AcceptsObjections"] = "true",
        });
        (await NoticeClient.ErrorsAsync(second)).ShouldContain("公示期结束日期不能早于开始日期。");
    }

    [Fact]
    public async Task Edit_StaleForm_IsRefusedWithAConflictMessageAndKeepsInput()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var id = await officer.CreateAsync(new Dictionary<string, string> { ["Input.Title"] = NoticeClient.Unique("并发测试"), ["Input.Kind"] = "Policy", ["Input.Body"] = "原文" });
        var stale = await officer.ReadFormAsync($"/Notices/Admin/Edit/{id}");
        using (var first = await officer.SubmitFormAsync($"/Notices/Admin/Edit/{id}", new Dictionary<string, string> { ["Input.Body"] = "第一位科员的修改" }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var second = await officer.PostFormAsync(stale, new Dictionary<string, string> { ["Input.Body"] = "第二位科员的修改" });

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await second.Content.ReadAsStringAsync();
        html.ShouldContain("其他人已修改了该记录");
        html.ShouldContain("第二位科员的修改");
        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Notice>().SingleAsync(n => n.Id == id)).BodyMarkdown.ShouldBe("第一位科员的修改");
    }

    [Fact]
    public async Task Attachments_RefusedUpload_KeepsEarlierOnes_AndPublishedOnesArePublic()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var id = await officer.CreateAsync(new Dictionary<string, string> { ["Input.Title"] = NoticeClient.Unique("入围项目公示"), ["Input.Kind"] = "VentureShortlist", ["Input.Body"] = "名单见附件。" });
        using (var good = await officer.SubmitFormAsync($"/Notices/Admin/Edit/{id}", new Dictionary<string, string>(), files: new Dictionary<string, (string, byte[])> { ["Attachments"] = ("入围名单.pdf", NoticeClient.Pdf) }))
        {
            good.StatusCode.ShouldBe(HttpStatusCode.Redirect, await NoticeClient.ErrorsAsync(good));
        }

        using (var bad = await officer.SubmitFormAsync($"/Notices/Admin/Edit/{id}", new Dictionary<string, string> { ["Input.Body"] = "名单见附件（已更新）。" }, files: new Dictionary<string, (string, byte[])> { ["Attachments"] = ("评分表.pdf", NoticeClient.FakePdf) }))
        {
            bad.StatusCode.ShouldBe(HttpStatusCode.OK);
            var errors = await NoticeClient.ErrorsAsync(bad);
            errors.ShouldContain("文件 评分表.pdf 未被接受");
            errors.ShouldContain("仅接受 PDF");
            await using var versionScope = app.Scope();
            var saved = await versionScope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Notice>().SingleAsync(n => n.Id == id);
            var redisplayed = await bad.ParseAsync();
            redisplayed.QuerySelector("input[name='Input.Version']")!.GetAttribute("value").ShouldBe(saved.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), "the form carries the saved version, so saving it again is no conflict");
        }

        await using var scope = app.Scope();
        var attachment = (await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<NoticeAttachment>().Where(a => a.NoticeId == id).ToListAsync()).ShouldHaveSingleItem();
        attachment.FileName.ShouldBe("入围名单.pdf");
        var url = new Uri($"/Notices/Attachment/{attachment.FileId}", UriKind.Relative);
        (await app.Client().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await officer.PublishThroughPageAsync(id);

        using var download = await app.Client().GetAsync(url);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(NoticeClient.Pdf);
        (await app.Client().GetStringAsync(new Uri($"/Notices/{id}", UriKind.Relative))).ShouldContain($"/Notices/Attachment/{attachment.FileId}");
    }

    [Fact]
    public async Task Objection_DuringPeriod_IsAcceptedWithAReceiptMailedToTheSubmitter()
    {
        var title = NoticeClient.Unique("海曙区第五届公益创投入围项目公示");
        var id = await app.PublishWithPeriodAsync(title, -2, 3);
        var visitor = app.Client();
        var page = await visitor.PageAsync($"/Notices/{id}");
        page.QuerySelector("[data-testid=period-badge]")!.TextContent.ShouldBe("公示中");
        var email = $"objector-{Guid.NewGuid():N}@example.cn";

        using var response = await visitor.SubmitFormAsync($"/Notices/{id}", NoticeClient.Objection(email));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await NoticeClient.ErrorsAsync(response));
        var after = await visitor.PageAsync($"/Notices/{id}");
        var receipt = after.QuerySelector("[data-testid=receipt] .receipt")!.TextContent.Trim();
        receipt.ShouldMatch(@"^YY-\d{4}-\d{6}$");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var objection = await db.Set<Objection>().SingleAsync(o => o.NoticeId == id);
        objection.ReceiptNumber.ShouldBe(receipt);
        objection.Contact.ShouldBe(email);
        var mail = await db.Set<MailMessage>().SingleAsync(m => m.To == email);
        mail.Subject.ShouldContain(receipt);
        mail.TextBody.ShouldContain(title);
        var officerId = await db.Users.Where(u => u.Email == TestAccounts.Officer.Email).Select(u => u.Id).SingleAsync();
        (await db.Set<Notification>().AnyAsync(n => n.UserId == officerId && n.Title.Contains(receipt))).ShouldBeTrue();
        (await visitor.PageAsync($"/Notices/{id}")).QuerySelector("[data-testid=receipt]").ShouldBeNull("the receipt is shown once");
    }

    [Fact]
    public async Task Objection_PhoneContact_IsAcceptedWithoutMail()
    {
        var id = await app.PublishWithPeriodAsync(NoticeClient.Unique("年检结果公示"), 0, 0);
        var phone = "0574-" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var response = await app.Client().SubmitFormAsync($"/Notices/{id}", NoticeClient.Objection(phone));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await NoticeClient.ErrorsAsync(response));
        (await CountAsync<Objection>(o => o.NoticeId == id && o.Contact == phone)).ShouldBe(1);
        (await CountAsync<MailMessage>(m => m.To == phone)).ShouldBe(0);
    }

    [Theory]
    [InlineData(-10, -1, "公示期已结束，不再受理在线异议。")]
    [InlineData(1, 7, "公示期尚未开始，暂不受理在线异议。")]
    public async Task Objection_OutsidePeriod_IsRefusedWithAClearMessage(int startOffset, int endOffset, string message)
    {
        var closedId = await app.PublishWithPeriodAsync(NoticeClient.Unique("公示期外"), startOffset, endOffset);
        var openId = await app.PublishWithPeriodAsync(NoticeClient.Unique("公示期内"), -1, 1);
        var visitor = app.Client();
        var closedPage = await visitor.PageAsync($"/Notices/{closedId}");
        closedPage.QuerySelector("main form[method=post]").ShouldBeNull("no form outside the period");
        closedPage.QuerySelector("[data-testid=objection-state]")!.TextContent.ShouldBe(message);

        // A form loaded while it was open (here: another notice's, for a valid anti-forgery token) posted afterwards.
        var form = await visitor.ReadFormAsync($"/Notices/{openId}");
        using var response = await visitor.PostFormAsync(form with { Action = $"/Notices/{closedId}" }, NoticeClient.Objection($"late-{Guid.NewGuid():N}@example.cn"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await NoticeClient.ErrorsAsync(response)).ShouldContain(message);
        (await CountAsync<Objection>(o => o.NoticeId == closedId)).ShouldBe(0);
    }

    [Fact]
    public async Task Objection_MissingAndShortFields_ShowsLocalizedErrorsAndKeepsInput()
    {
        var id = await app.PublishWithPeriodAsync(NoticeClient.Unique("字段校验"), -1, 1);

        using var response = await app.Client().SubmitFormAsync($"/Notices/{id}", new Dictionary<string, string> { ["Input.Name"] = "李四", ["Input.Contact"] = "", ["Input.Text"] = "太短" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await NoticeClient.ErrorsAsync(response);
        errors.ShouldContain("请填写联系方式。");
        errors.ShouldContain("异议内容应为10到2000个字符。");
        (await response.Content.ReadAsStringAsync()).ShouldContain("value=\"李四\"");
        (await CountAsync<Objection>(o => o.NoticeId == id)).ShouldBe(0);
    }

    [Fact]
    public async Task Answer_ByOfficer_IsSavedMailedAndAStaleAnswerIsRefused()
    {
        var id = await app.PublishWithPeriodAsync(NoticeClient.Unique("答复测试"), -1, 1);
        var email = $"answer-{Guid.NewGuid():N}@example.cn";
        using (var filed = await app.Client().SubmitFormAsync($"/Notices/{id}", NoticeClient.Objection(email)))
        {
            filed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        int objectionId;
        await using (var scope = app.Scope())
        {
            objectionId = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Objection>().Where(o => o.NoticeId == id).Select(o => o.Id).SingleAsync();
        }

        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        (await officer.GetStringAsync(new Uri($"/Notices/Admin/Objections?notice={id}", UriKind.Relative))).ShouldContain("待答复");
        var stale = await officer.ReadFormAsync($"/Notices/Admin/Answer/{objectionId}");
        using (var answered = await officer.SubmitFormAsync($"/Notices/Admin/Answer/{objectionId}", new Dictionary<string, string> { ["Input.Answer"] = "经核实，志愿者人数以年报数据为准，维持原评定。" }))
        {
            answered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await NoticeClient.ErrorsAsync(answered));
        }

        using var late = await officer.PostFormAsync(stale, new Dictionary<string, string> { ["Input.Answer"] = "另一份答复" });

        (await NoticeClient.ErrorsAsync(late)).ShouldContain("其他人已修改了该记录");
        await using var check = app.Scope();
        var db = check.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var objection = await db.Set<Objection>().SingleAsync(o => o.Id == objectionId);
        objection.Answer.ShouldBe("经核实，志愿者人数以年报数据为准，维持原评定。");
        objection.AnsweredBy.ShouldBe("测试科员");
        (await db.Set<MailMessage>().CountAsync(m => m.To == email)).ShouldBe(2, "the receipt and the answer");
        (await db.Set<AuditEntry>().AnyAsync(e => e.Action == "objection.answered" && e.EntityId == objectionId.ToString(System.Globalization.CultureInfo.InvariantCulture))).ShouldBeTrue();
    }

    [Fact]
    public async Task PublishThroughContract_SameSourceTwice_IsIdempotent()
    {
        var key = $"campaign-{Guid.NewGuid():N}";
        var draft = new NoticeDraft("Ratings", key, NoticeClient.Unique("2026年度社会组织等级评估结果公示"), NoticeKind.RatingResult, "拟评定名单如下。", NoticeClient.Today, NoticeClient.Today.AddDays(6), AcceptsObjections: true);

        var first = await app.PublishAsync(draft);
        var again = await app.PublishAsync(draft);
        var corrected = await app.PublishAsync(draft with { BodyMarkdown = "拟评定名单如下（更正）。" });

        again.ShouldBe(first);
        corrected.ShouldBe(first);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var notice = await db.Set<Notice>().SingleAsync(n => n.SourceModule == "Ratings" && n.SourceKey == key);
        notice.Status.ShouldBe(NoticeStatus.Published);
        notice.BodyMarkdown.ShouldBe("拟评定名单如下（更正）。");
        var actions = await db.Set<AuditEntry>().Where(e => e.EntityType == "Notice" && e.EntityId == first.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync();
        actions.ShouldBe(["notice.created", "notice.published", "notice.updated"], ignoreOrder: true);
        var summary = await scope.ServiceProvider.GetRequiredService<INoticePublisher>().FindBySourceAsync("Ratings", key, CancellationToken.None);
        summary.ShouldNotBeNull();
        summary.Id.ShouldBe(first);
        summary.Status.ShouldBe(NoticeStatus.Published);
        summary.Url.ShouldBe($"/Notices/{first}");
        (await scope.ServiceProvider.GetRequiredService<INoticePublisher>().FindBySourceAsync("Ratings", "no-such-key", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task PublishThroughContract_AfterOfficerWithdrew_StaysWithdrawn()
    {
        var draft = new NoticeDraft("Grants", $"round-{Guid.NewGuid():N}", NoticeClient.Unique("入围项目公示"), NoticeKind.VentureShortlist, "名单如下。");
        var id = await app.PublishAsync(draft);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        using (var withdrawn = await officer.SubmitFormAsync($"/Notices/Admin/Status/{id}?to=Withdraw", new Dictionary<string, string>()))
        {
            withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await NoticeClient.ErrorsAsync(withdrawn));
        }

        (await app.PublishAsync(draft)).ShouldBe(id);

        (await app.Client().GetAsync(new Uri($"/Notices/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PublicList_FiltersByKindYearAndTitle_AndHidesDrafts()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await app.PublishAsync(new NoticeDraft("Tests", Guid.NewGuid().ToString("N"), $"政策{marker}甲", NoticeKind.Policy, "正文"));
        await app.PublishAsync(new NoticeDraft("Tests", Guid.NewGuid().ToString("N"), $"通知{marker}乙", NoticeKind.Announcement, "正文"));
        await app.PublishAsync(new NoticeDraft("Tests", Guid.NewGuid().ToString("N"), $"草稿{marker}丙", NoticeKind.Policy, "正文", PublishNow: false));
        var visitor = app.Client();

        var all = await visitor.GetStringAsync(new Uri($"/Notices?q={marker}", UriKind.Relative));
        all.ShouldContain($"政策{marker}甲");
        all.ShouldContain($"通知{marker}乙");
        all.ShouldNotContain($"草稿{marker}丙");

        var policies = await visitor.GetStringAsync(new Uri($"/Notices?q={marker}&kind=Policy&year={NoticeClient.Today.Year}", UriKind.Relative));
        policies.ShouldContain($"政策{marker}甲");
        policies.ShouldNotContain($"通知{marker}乙");

        var none = await visitor.PageAsync($"/Notices?q={marker}&year={NoticeClient.Today.Year - 5}&kind=nonsense");
        none.QuerySelector("[data-testid=notices-empty]").ShouldBeNull("an unknown year or kind is ignored, not an empty list");
        var nothing = await visitor.PageAsync($"/Notices?q=不存在的标题{marker}");
        nothing.QuerySelector("[data-testid=notices-empty]")!.TextContent.ShouldContain("没有符合筛选条件的公告。");
    }

    [Fact]
    public async Task Feeds_AreWellFormedXmlWithPublishedNoticesOnly()
    {
        var published = NoticeClient.Unique("已发布的公告");
        var draft = NoticeClient.Unique("草稿公告");
        var withdrawn = NoticeClient.Unique("撤回的公告");
        await app.PublishAsync(new NoticeDraft("Tests", Guid.NewGuid().ToString("N"), published, NoticeKind.InspectionResult, "正文 <script>alert(1)</script> [x](javascript:alert(2))"));
        await app.PublishAsync(new NoticeDraft("Tests", Guid.NewGuid().ToString("N"), draft, NoticeKind.Policy, "正文", PublishNow: false));
        var withdrawnId = await app.PublishAsync(new NoticeDraft("Tests", Guid.NewGuid().ToString("N"), withdrawn, NoticeKind.Policy, "正文"));
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        using (var response = await officer.SubmitFormAsync($"/Notices/Admin/Status/{withdrawnId}?to=Withdraw", new Dictionary<string, string>()))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var atomResponse = await app.Client().GetAsync(new Uri("/Notices/feed.atom", UriKind.Relative));
        atomResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        atomResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        var atom = XDocument.Parse(await atomResponse.Content.ReadAsStringAsync());
        XNamespace a = "http://www.w3.org/2005/Atom";
        atom.Root!.Name.ShouldBe(a + "feed");
        var entries = atom.Root.Elements(a + "entry").ToList();
        var titles = entries.Select(e => e.Element(a + "title")!.Value).ToList();
        titles.ShouldContain(published);
        titles.ShouldNotContain(draft);
        titles.ShouldNotContain(withdrawn);
        var entry = entries.Single(e => e.Element(a + "title")!.Value == published);
        entry.Element(a + "id")!.Value.ShouldEndWith("/Notices/" + entry.Element(a + "link")!.Attribute("href")!.Value.Split('/').Last());
        entry.Element(a + "updated").ShouldNotBeNull();
        var content = entry.Element(a + "content")!.Value;
        content.ShouldNotContain("<script", Case.Insensitive);
        content.ShouldNotContain("javascript:", Case.Insensitive);

        using var rssResponse = await app.Client().GetAsync(new Uri("/Notices/feed.rss", UriKind.Relative));
        rssResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        rssResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/rss+xml");
        var rss = XDocument.Parse(await rssResponse.Content.ReadAsStringAsync());
        rss.Root!.Name.LocalName.ShouldBe("rss");
        rss.Root.Attribute("version")!.Value.ShouldBe("2.0");
        var items = rss.Root.Element("channel")!.Elements("item").ToList();
        var rssTitles = items.Select(i => i.Element("title")!.Value).ToList();
        rssTitles.ShouldContain(published);
        rssTitles.ShouldNotContain(draft);
        rssTitles.ShouldNotContain(withdrawn);
        foreach (var pubDate in items.Select(i => i.Element("pubDate")!.Value))
        {
            // RFC 822, e.g. "Mon, 23 Nov 2026 01:00:00 GMT".
            DateTimeOffset.TryParseExact(pubDate, "r", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _).ShouldBeTrue(pubDate);
        }
    }

    [Theory]
    [InlineData("/Notices/Admin")]
    [InlineData("/Notices/Admin/Edit")]
    [InlineData("/Notices/Admin/Edit/1")]
    [InlineData("/Notices/Admin/Status/1?to=Publish")]
    [InlineData("/Notices/Admin/Objections")]
    [InlineData("/Notices/Admin/Answer/1")]
    public async Task AdminPage_Anonymous_RedirectsToSignIn(string url)
    {
        using var response = await app.Client().GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }

    [Theory]
    [InlineData("/Notices/Admin")]
    [InlineData("/Notices/Admin/Objections")]
    public async Task AdminPage_Applicant_IsForbidden(string url)
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);

        using var response = await applicant.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Navigation_PublicAndBackOffice_ShowNoticesEntries()
    {
        (await app.Client().GetStringAsync(new Uri("/", UriKind.Relative))).ShouldContain("href=\"/Notices\"");
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        (await officer.GetStringAsync(new Uri("/Notices/Admin", UriKind.Relative))).ShouldContain("href=\"/Notices/Admin/Objections\"");
    }

    private static void AssertSafe(IElement container)
    {
        container.QuerySelectorAll("script, img, iframe, style").ShouldBeEmpty();
        container.QuerySelectorAll("*").SelectMany(e => e.Attributes).Select(a => a.Name).ShouldNotContain(name => name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        container.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ShouldAllBe(href => !href.TrimStart().StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<int> CountAsync<T>(System.Linq.Expressions.Expression<Func<T, bool>> predicate)
        where T : class
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<T>().CountAsync(predicate);
    }
}

public sealed class NoticesTestsOnSqlite(SqliteApp app) : NoticesTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class NoticesTestsOnPostgreSql(PostgreSqlApp app) : NoticesTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
