using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Outbox;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;
using Registry.Supervision.Contracts;
using Registry.Supervision.Domain;
using Registry.Supervision.Services;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Supervision;

/// <summary>The demo district register on a clock the tests move forward, with the credit-list job off.</summary>
public abstract class SupervisionApp(DatabaseKind kind)
    : ClockedApp(kind, "test-register.recipe.json", new Dictionary<string, string?> { ["Registry:Inspections:CreditListJob"] = "false" })
{
    public Task<int> CaseIdAsync(string organizationName) =>
        WithAsync<RegistryDbContext, int>(db => db.Set<PenaltyCase>().Where(c => c.OrganizationName == organizationName).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());

    public Task<PenaltyCase> CaseAsync(int id) =>
        WithAsync<RegistryDbContext, PenaltyCase>(db => db.Set<PenaltyCase>().AsNoTracking().SingleAsync(c => c.Id == id));

    public Task<List<CreditListEntry>> EntriesAsync(int organizationId) =>
        WithAsync<RegistryDbContext, List<CreditListEntry>>(db => db.Set<CreditListEntry>().AsNoTracking().Where(e => e.OrganizationId == organizationId).OrderBy(e => e.Id).ToListAsync());

    /// <summary>Feeds the case's <see cref="PenaltyDecided"/> event to the supervision consumer (as the outbox dispatcher would), then the register's change to the credit lists.</summary>
    public async Task ApplyDecisionAsync(int caseId)
    {
        var decided = await CaseAsync(caseId);
        await InScopeAsync<int>(async s =>
        {
            var payload = new PenaltyDecided(caseId, decided.OrganizationId, decided.DecisionNumber!, decided.DecidedOn!.Value, [], decided.Decided.FineFen);
            var consumer = s.GetServices<IOutboxConsumer>().Single(c => c.Name == "supervision.penalty-credit");
            await consumer.HandleAsync(new OutboxMessage { Topic = PenaltyDecided.Topic, Payload = JsonSerializer.Serialize(payload), OccurredAt = DateTime.UtcNow }, CancellationToken.None);
            return 0;
        });
        await InScopeAsync<int>(async s =>
        {
            var consumer = s.GetServices<IOutboxConsumer>().Single(c => c.Name == "inspections.revoked-registrations");
            await consumer.HandleAsync(new OutboxMessage { Topic = OrganizationEvents.Changed, Payload = JsonSerializer.Serialize(new OrganizationChanged(decided.OrganizationId)), OccurredAt = DateTime.UtcNow }, CancellationToken.None);
            return 0;
        });
    }

    /// <summary>Files a case and takes it to a decision over HTTP as the officer: 立案 → 调查 → 告知 → 决定.</summary>
    public async Task<int> DecideOverHttpAsync(HttpClient officer, string creditCode, string organizationName, Dictionary<string, string> measures)
    {
        using (var filed = await officer.SubmitFormAsync(SupervisionLinks.AdminCases, new Dictionary<string, string>
        {
            ["Input.OrganizationCode"] = creditCode,
            ["Input.Source"] = "Officer",
            ["Input.Cause"] = "超出章程规定的宗旨和业务范围进行活动",
            ["Input.LegalBasis"] = "《社会团体登记管理条例》第三十条",
        }))
        {
            filed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var id = await CaseIdAsync(organizationName);
        await StepAsync(officer, id, "Investigate", []);
        await StepAsync(officer, id, "Notify", measures);
        await StepAsync(officer, id, "Decide", new Dictionary<string, string>(measures) { ["Input.Note"] = "事实清楚,证据确凿。" });
        (await CaseAsync(id)).State.ShouldBe(CaseState.Decided);
        return id;
    }

    public static async Task StepAsync(HttpClient officer, int id, string trigger, Dictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>(fields) { ["trigger"] = trigger };
        using var response = await officer.SubmitFormAsync(SupervisionLinks.AdminCase(id), values);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var errors = (await response.ParseAsync()).QuerySelector("[data-testid=case-step-errors]")?.TextContent;
            throw new InvalidOperationException($"{trigger} refused: {errors}");
        }
    }
}

public sealed class SqliteSupervisionApp() : SupervisionApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlSupervisionApp() : SupervisionApp(DatabaseKind.PostgreSql);

/// <summary>Penalty cases over HTTP: the workflow, the credit-list effect of each measure, the public decision pages.</summary>
public abstract class PenaltyCaseTests<TApp>(TApp app)
    where TApp : SupervisionApp
{
    [Fact]
    public async Task Decide_Warning_AbnormalListAndPublishedDecision()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var orgId = await app.OrganizationIdAsync("宁波市海曙区书法家协会");

        var id = await app.DecideOverHttpAsync(officer, "513302035000010690", "宁波市海曙区书法家协会", new() { ["Input.Warning"] = "true" });
        await app.ApplyDecisionAsync(id);

        var decided = await app.CaseAsync(id);
        decided.DecisionNumber.ShouldNotBeNull();
        var entries = await app.EntriesAsync(orgId);
        entries.ShouldContain(e => e.Cause == EntryCause.WarningOrSmallFine && e.List == CreditList.Abnormal && e.EntryDecision == decided.DecisionNumber && e.ExitedOn == null);
        entries.ShouldNotContain(e => e.List == CreditList.Serious);
        var penalties = await app.Client().GetDocumentAsync(SupervisionLinks.Penalties);
        penalties.QuerySelectorAll("[data-testid=penalty-row]").Select(r => r.GetAttribute("data-decision")).ShouldContain(decided.DecisionNumber);
        using var decision = await app.Client().GetAsync(SupervisionLinks.Decision(id));
        decision.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await decision.ParseAsync()).QuerySelector("[data-testid=decision-number]")!.TextContent.ShouldBe(decided.DecisionNumber);
        var profile = await app.Client().GetDocumentAsync(OrganizationLinks.Profile(orgId));
        profile.QuerySelector("[data-testid=org-penalties]")!.TextContent.ShouldContain(decided.DecisionNumber!);
    }

    [Fact]
    public async Task Decide_FineOf50000Yuan_SeriousListLargeFine()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var orgId = await app.OrganizationIdAsync("宁波市海曙区摄影家协会");
        var id = await FileAndNotifyAsync(officer, "51330203500001077T", "宁波市海曙区摄影家协会", new() { ["Input.Fine"] = "50000" });

        // 行政处罚法 第六十四条: a fine of this size qualifies for a hearing; the decision waits for the waiver or the window.
        await Should.ThrowAsync<InvalidOperationException>(() => SupervisionApp.StepAsync(officer, id, "Decide", new() { ["Input.Fine"] = "50000", ["Input.Note"] = "理由" }));
        using (var waived = await officer.SubmitFormAsync(SupervisionLinks.AdminCase(id), new Dictionary<string, string>(), "main form[action*=Waive]", "Waive"))
        {
            waived.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await SupervisionApp.StepAsync(officer, id, "Decide", new() { ["Input.Fine"] = "50000", ["Input.Note"] = "理由" });
        await app.ApplyDecisionAsync(id);

        (await app.EntriesAsync(orgId)).ShouldContain(e => e.Cause == EntryCause.LargeFine && e.List == CreditList.Serious);
        (await app.CaseAsync(id)).Decided.FineFen.ShouldBe(5_000_000);
    }

    [Fact]
    public async Task Decide_HeavierThanTheNotice_RefusedArt45()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var id = await FileAndNotifyAsync(officer, "51330203500001085M", "宁波市海曙区体育总会", new() { ["Input.Fine"] = "1000" });

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => SupervisionApp.StepAsync(officer, id, "Decide", new() { ["Input.Fine"] = "2000", ["Input.Note"] = "理由" }));

        refused.Message.ShouldContain("不得重于告知");
        (await app.CaseAsync(id)).State.ShouldBe(CaseState.Notified);
    }

    [Fact]
    public async Task Decide_SuspensionOfActivities_SeriousListAfterHearing()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var orgId = await app.OrganizationIdAsync("宁波市海曙区餐饮行业协会");
        var id = await FileAndNotifyAsync(officer, "51330203500001093G", "宁波市海曙区餐饮行业协会", new() { ["Input.SuspensionMonths"] = "3" });
        await SupervisionApp.StepAsync(officer, id, "RequestHearing", []);
        await SupervisionApp.StepAsync(officer, id, "HoldHearing", new() { ["Input.Note"] = "听证笔录" });
        await SupervisionApp.StepAsync(officer, id, "Decide", new() { ["Input.SuspensionMonths"] = "3", ["Input.Note"] = "理由" });

        await app.ApplyDecisionAsync(id);

        (await app.EntriesAsync(orgId)).ShouldContain(e => e.Cause == EntryCause.SeriousPenalty && e.List == CreditList.Serious);
    }

    [Fact]
    public async Task Decide_Revocation_RegisterRevokedAndSeriousList()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var orgId = await app.OrganizationIdAsync("宁波市海曙区物业管理协会");
        var id = await FileAndNotifyAsync(officer, "513302035000011066", "宁波市海曙区物业管理协会", new() { ["Input.RevokeRegistration"] = "true" });
        using (var waived = await officer.SubmitFormAsync(SupervisionLinks.AdminCase(id), new Dictionary<string, string>(), "main form[action*=Waive]", "Waive"))
        {
            waived.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await SupervisionApp.StepAsync(officer, id, "Decide", new() { ["Input.RevokeRegistration"] = "true", ["Input.Note"] = "理由" });
        await app.ApplyDecisionAsync(id);

        (await app.WithAsync<IOrganizationRegister, OrganizationSummary?>(r => r.FindAsync(orgId, CancellationToken.None)))!.Status.ShouldBe("Revoked");
        (await app.EntriesAsync(orgId)).ShouldContain(e => e.Cause == EntryCause.RegistrationRevoked && e.List == CreditList.Serious);
    }

    [Fact]
    public async Task Penalties_OpenCase_NotPublic()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var id = await FileAndNotifyAsync(officer, "51330203500001122U", "宁波市海曙区家庭教育研究会", new() { ["Input.Warning"] = "true" });

        using var decision = await app.Client().GetAsync(SupervisionLinks.Decision(id));

        decision.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetDocumentAsync(SupervisionLinks.Penalties)).QuerySelectorAll("[data-testid=penalty-row]")
            .ShouldNotContain(r => r.TextContent.Contains("宁波市海曙区家庭教育研究会"));
    }

    [Fact]
    public async Task Cases_WithoutPermission_Refused()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);

        using var response = await applicant.GetAsync(SupervisionLinks.AdminCases);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Cases_DecisionDue_NinetyCalendarDaysAfterFiling()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var id = await FileAndNotifyAsync(officer, "51330203500001130N", "宁波市海曙区民宿联合会", new() { ["Input.Warning"] = "true" });
        var filed = (await app.CaseAsync(id)).FiledOn;

        var page = await officer.GetDocumentAsync(SupervisionLinks.AdminCase(id));

        var due = DateOnly.Parse(page.QuerySelector("[data-testid=decision-due]")!.TextContent.Trim()[..10], System.Globalization.CultureInfo.InvariantCulture);
        due.ShouldBeGreaterThanOrEqualTo(filed.AddDays(90));
        due.ShouldBeLessThanOrEqualTo(filed.AddDays(97), "moved only past rest days");
    }

    private async Task<int> FileAndNotifyAsync(HttpClient officer, string code, string name, Dictionary<string, string> measures)
    {
        using (var filed = await officer.SubmitFormAsync(SupervisionLinks.AdminCases, new Dictionary<string, string>
        {
            ["Input.OrganizationCode"] = code,
            ["Input.Source"] = "Officer",
            ["Input.Cause"] = "违规收费",
        }))
        {
            filed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var id = await app.CaseIdAsync(name);
        await SupervisionApp.StepAsync(officer, id, "Investigate", []);
        await SupervisionApp.StepAsync(officer, id, "Notify", measures);
        return id;
    }
}

/// <summary>
/// 民政部令第60号 第十四条(五) on a moved clock: a second penalty on the third anniversary of the first lists the organization
/// as seriously untrustworthy; one the day after does not. Own fixture: it moves the clock three years.
/// </summary>
public abstract class RepeatedPenaltyTests<TApp>(TApp app)
    where TApp : SupervisionApp
{
    [Fact]
    public async Task Decide_SecondPenaltyOnAndAfterTheThirdAnniversary_SeriousOnlyOnTheAnniversary()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var onDay = await app.OrganizationIdAsync("宁波市海曙区篮球协会");
        var dayAfter = await app.OrganizationIdAsync("宁波市海曙区华侨关爱促进会");
        var start = app.Today;
        await app.ApplyDecisionAsync(await app.DecideOverHttpAsync(officer, "51330203500001149K", "宁波市海曙区篮球协会", new() { ["Input.Warning"] = "true" }));
        await app.ApplyDecisionAsync(await app.DecideOverHttpAsync(officer, "513302035000011141", "宁波市海曙区华侨关爱促进会", new() { ["Input.Warning"] = "true" }));

        app.MoveTo(start.AddYears(3));
        officer = await app.SignedInClientAsync(TestAccounts.Officer);
        await app.ApplyDecisionAsync(await app.DecideOverHttpAsync(officer, "51330203500001149K", "宁波市海曙区篮球协会", new() { ["Input.Warning"] = "true" }));
        app.MoveTo(start.AddYears(3).AddDays(1));
        officer = await app.SignedInClientAsync(TestAccounts.Officer);
        await app.ApplyDecisionAsync(await app.DecideOverHttpAsync(officer, "513302035000011141", "宁波市海曙区华侨关爱促进会", new() { ["Input.Warning"] = "true" }));

        (await app.EntriesAsync(onDay)).ShouldContain(e => e.Cause == EntryCause.RepeatedPenalties && e.List == CreditList.Serious);
        (await app.EntriesAsync(dayAfter)).ShouldNotContain(e => e.List == CreditList.Serious);
    }
}

/// <summary>Complaints: receipt number and secret, who may read which complaint.</summary>
public abstract class ComplaintTests<TApp>(TApp app)
    where TApp : SupervisionApp
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [Fact]
    public async Task Complaint_Anonymous_ReadableOnlyWithReceiptAndSecret()
    {
        var (receipt, secret) = await FileAsync(app.Client(), anonymous: true, subject: "匿名举报" + Guid.NewGuid().ToString("N")[..6]);

        (await FollowAsync(app.Client(), receipt, null)).QuerySelector("[data-testid=follow-none]").ShouldNotBeNull();
        (await FollowAsync(app.Client(), receipt, "wrong-secret")).QuerySelector("[data-testid=complaint-status]").ShouldBeNull();
        var found = await FollowAsync(app.Client(), receipt, secret);
        found.QuerySelector("[data-testid=complaint-status]")!.GetAttribute("data-receipt").ShouldBe(receipt);
    }

    [Fact]
    public async Task Complaint_SignedIn_InTheirListOnlyNotAnothersAccount()
    {
        var subject = "实名投诉" + Guid.NewGuid().ToString("N")[..6];
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var (receipt, _) = await FileAsync(applicant, anonymous: false, subject: subject);

        var own = await applicant.GetDocumentAsync(SupervisionLinks.ComplaintFollowUp);
        own.QuerySelectorAll("[data-testid=complaint-status]").Select(s => s.GetAttribute("data-receipt")).ShouldContain(receipt);
        var other = await (await app.SignedInClientAsync(TestAccounts.Reviewer)).GetDocumentAsync(SupervisionLinks.ComplaintFollowUp);
        other.QuerySelectorAll("[data-testid=complaint-status]").ShouldBeEmpty();
        (await app.Client().GetDocumentAsync(SupervisionLinks.ComplaintFollowUp)).QuerySelectorAll("[data-testid=complaint-status]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Complaint_TriagedAndAnswered_ComplainantSeesTheReply()
    {
        var (receipt, secret) = await FileAsync(app.Client(), anonymous: true, subject: "答复测试" + Guid.NewGuid().ToString("N")[..6]);
        var id = await app.WithAsync<RegistryDbContext, int>(db => db.Set<Complaint>().Where(c => c.ReceiptNumber == receipt).Select(c => c.Id).SingleAsync());
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var triage = await officer.GetDocumentAsync(SupervisionLinks.AdminComplaint(id));
        triage.QuerySelector("[data-testid=complaint]")!.TextContent.ShouldContain("匿名");

        using (var accepted = await officer.SubmitFormAsync(SupervisionLinks.AdminComplaint(id), new Dictionary<string, string> { ["assignee"] = "王科员" }))
        {
            accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var replied = await officer.SubmitFormAsync(SupervisionLinks.AdminComplaint(id), new Dictionary<string, string> { ["text"] = "经核查,已责令整改。" }))
        {
            replied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var found = await FollowAsync(app.Client(), receipt, secret);
        found.QuerySelector("[data-testid=complaint-reply]")!.TextContent.ShouldContain("已责令整改");
        found.QuerySelector("[data-testid=complaint-state]")!.TextContent.ShouldBe("已答复");
    }

    [Fact]
    public async Task Complaint_AdminList_NeedsPermission()
    {
        using var anonymous = await app.Client().GetAsync(SupervisionLinks.AdminComplaints);
        anonymous.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Unauthorized);
        using var applicant = await (await app.SignedInClientAsync(TestAccounts.Applicant)).GetAsync(SupervisionLinks.AdminComplaints);
        applicant.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Complaint_NamedWithoutName_RefusedLocalized()
    {
        using var response = await app.Client().SubmitFormAsync(SupervisionLinks.ComplaintForm, new Dictionary<string, string>
        {
            ["Input.Subject"] = "某协会",
            ["Input.Cause"] = "Fees",
            ["Input.Content"] = "乱收费",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=complaint-errors]")!.TextContent.ShouldContain("实名投诉请填写姓名");
    }

    /// <summary>"a link to the check or case it led to": an accepted complaint is linked to one of the organization's spot checks.</summary>
    [Fact]
    public async Task Complaint_Accepted_LinkedToTheOrganizationsSpotCheck()
    {
        var orgId = await app.OrganizationIdAsync("宁波市海曙区书法家协会");
        var (complaintId, checkId) = await app.WithAsync<RegistryDbContext, (int, int)>(async db =>
        {
            var plan = new InspectionPlan { Year = 2026, Title = "关联测试计划", State = PlanState.Drawn, Items = "章程执行情况" };
            plan.Checks.Add(new SpotCheck { OrganizationId = orgId, OrganizationName = "宁波市海曙区书法家协会", Code = "513302035000010690", Rank = 1, RankKey = "k" });
            var complaint = new Complaint
            {
                ReceiptNumber = "TS-LINK-" + Guid.NewGuid().ToString("N")[..6], SecretHash = Complaint.HashSecret("s"), Anonymous = true, OrganizationId = orgId,
                Subject = "关联抽查测试", Cause = ComplaintCause.Fees, Content = "违规收费。", ReceivedOn = new DateOnly(2026, 3, 2), SubmittedAt = DateTime.UtcNow,
                State = ComplaintState.Accepted, AssignedTo = "王科员",
            };
            db.AddRange(plan, complaint);
            await db.SaveChangesAsync();
            return (complaint.Id, plan.Checks[0].Id);
        });
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using (var linked = await officer.SubmitFormAsync(SupervisionLinks.AdminComplaint(complaintId), new Dictionary<string, string> { ["checkId"] = checkId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "form[data-testid=link-check-form]", "Check"))
        {
            linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var page = await officer.GetDocumentAsync(SupervisionLinks.AdminComplaint(complaintId));
        page.QuerySelector("[data-testid=linked-check]")!.TextContent.ShouldContain("宁波市海曙区书法家协会");
        page.QuerySelector("[data-testid=link-check-form]").ShouldBeNull();
        (await app.WithAsync<RegistryDbContext, int?>(db => db.Set<Complaint>().Where(c => c.Id == complaintId).Select(c => c.CheckId).SingleAsync())).ShouldBe(checkId);
    }

    [Theory]
    [InlineData("?cause=Bogus&outcome=7&from=2026-13-01&to=x&p=-3")]
    [InlineData("?cause=1&outcome=Case&from=1800-01-01&p=99999")]
    public async Task Complaint_AdminListWithMalformedFilters_ListsWithoutError(string query)
    {
        using var response = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetAsync(new Uri(SupervisionLinks.AdminComplaints + query, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=list-total]").ShouldNotBeNull();
    }

    private static async Task<(string Receipt, string Secret)> FileAsync(HttpClient client, bool anonymous, string subject)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Subject"] = subject,
            ["Input.OrganizationCode"] = "51330203500001034D",
            ["Input.Cause"] = "Fees",
            ["Input.Content"] = "该组织在活动中违规收取费用。",
        };
        if (anonymous)
        {
            fields["Input.Anonymous"] = "true";
        }
        else
        {
            fields["Input.Name"] = "李先生";
        }

        using var response = await client.SubmitFormAsync(SupervisionLinks.ComplaintForm, fields, files: new Dictionary<string, (string, byte[])> { ["Attachments"] = ("evidence.pdf", Pdf) });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        var receipt = page.QuerySelector("[data-testid=complaint-receipt]")?.TextContent
            ?? throw new ShouldAssertException("no receipt: " + page.QuerySelector("[data-testid=complaint-errors]")?.TextContent);
        var number = System.Text.RegularExpressions.Regex.Match(receipt, @"TS-\d{4}-\d{6}").Value;
        return (number, page.QuerySelector("[data-testid=complaint-secret]")!.TextContent.Trim());
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> FollowAsync(HttpClient client, string receipt, string? secret)
    {
        using var response = await client.SubmitFormAsync(SupervisionLinks.ComplaintFollowUp, new Dictionary<string, string> { ["ReceiptNumber"] = receipt, ["Secret"] = secret ?? "" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ParseAsync();
    }
}

/// <summary>双随机、一公开 over HTTP: commitment before the draw, recomputation from the public page, only published results.</summary>
public abstract class SpotCheckTests<TApp>(TApp app)
    where TApp : SupervisionApp
{
    [Fact]
    public async Task Draw_PublicPage_RecomputesFromPublishedSeedAndPopulation()
    {
        var officerId = await app.WithAsync<RegistryDbContext, string>(db => db.Users.Where(u => u.Email == TestAccounts.Officer.Email).Select(u => u.Id).SingleAsync());
        var (plan, created) = await app.WithAsync<PlanService, (InspectionPlan?, Registry.Core.Forms.OperationResult)>(p => p.CreateAsync(
            new PlanInput(2026, 2, "2026年第二季度社会团体双随机抽查", "SocialGroup", null, null, StandingFilter.Any, 25m, null, StrataBy.Street, 2, "章程执行\n财务管理"),
            [("周明华", null, true), ("检查员乙", null, false), ("检查员丙", officerId, false), ("检查员丁", null, true)],
            CancellationToken.None));
        created.Succeeded.ShouldBeTrue();
        var id = plan!.Id;
        (await app.Client().GetAsync(SupervisionLinks.Plan(id))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a draft plan is not public");

        (await AdvanceAsync(id, commit: true)).ShouldBeTrue();
        var committed = await app.Client().GetDocumentAsync(SupervisionLinks.Plan(id));
        var commitment = committed.QuerySelector("[data-testid=seed-commitment]")!.TextContent;
        commitment.Length.ShouldBe(64);
        committed.QuerySelector("[data-testid=seed]").ShouldBeNull("the seed stays secret until the draw");

        (await AdvanceAsync(id, commit: false)).ShouldBeTrue();
        var drawn = await app.Client().GetDocumentAsync(SupervisionLinks.Plan(id));
        var seed = drawn.QuerySelector("[data-testid=seed]")!.TextContent;
        Hex(seed).ShouldBe(commitment);
        var populationText = await app.Client().GetStringAsync(SupervisionLinks.Plan(id) + "?population=true");
        Hex(populationText).ShouldBe(drawn.QuerySelector("[data-testid=population-hash]")!.TextContent);

        // Independent recomputation from what the page publishes: ⌈25% of N⌉, shared among streets by largest remainder, smallest keys.
        var population = populationText.Split('\n').Select(l => l.Split('\t')).Select(p => (Code: p[0], Stratum: p[1])).ToList();
        var total = (int)Math.Ceiling(population.Count * 0.25m);
        var sizes = population.GroupBy(p => p.Stratum).ToDictionary(g => g.Key, g => g.Count());
        var exact = sizes.ToDictionary(s => s.Key, s => (decimal)total * s.Value / population.Count);
        var take = exact.ToDictionary(e => e.Key, e => (int)Math.Floor(e.Value));
        foreach (var extra in exact.OrderByDescending(e => e.Value - Math.Floor(e.Value)).ThenBy(e => e.Key, StringComparer.Ordinal).Take(total - take.Values.Sum()))
        {
            take[extra.Key]++;
        }

        var expected = population.GroupBy(p => p.Stratum).SelectMany(g => g.OrderBy(p => Hex(seed + "|" + p.Code), StringComparer.Ordinal).Take(take[g.Key]).Select(p => p.Code)).Order(StringComparer.Ordinal);
        drawn.QuerySelectorAll("[data-testid=public-check]").Select(r => r.GetAttribute("data-code")!).Order(StringComparer.Ordinal).ShouldBe(expected);

        // 周明华 is the legal representative of 宁波市海曙区社会组织联合会: never its inspector.
        var checks = await app.WithAsync<RegistryDbContext, List<SpotCheck>>(db => db.Set<SpotCheck>().AsNoTracking().Where(c => c.PlanId == id).ToListAsync());
        checks.Where(c => c.OrganizationName == "宁波市海曙区社会组织联合会").ShouldAllBe(c => !c.InspectorKeys.Contains("I001"));
        checks.ShouldAllBe(c => c.InspectorKeys.Split(',', StringSplitOptions.None).Length == 2);
    }

    [Fact]
    public async Task Result_RecordedButUnpublished_NotOnThePublicPage()
    {
        var (plan, _) = await app.WithAsync<PlanService, (InspectionPlan?, Registry.Core.Forms.OperationResult)>(p => p.CreateAsync(
            new PlanInput(2026, 3, "2026年第三季度民非抽查", "PrivateNonEnterprise", null, null, StandingFilter.Any, null, 2, StrataBy.None, 1, "财务管理"),
            [("检查员甲", null, false), ("检查员乙", null, false)], CancellationToken.None));
        var id = plan!.Id;
        (await AdvanceAsync(id, commit: true)).ShouldBeTrue();
        (await AdvanceAsync(id, commit: false)).ShouldBeTrue();
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var admin = await officer.GetDocumentAsync(SupervisionLinks.AdminPlan(id));
        admin.QuerySelectorAll("[data-testid=check-row]").Length.ShouldBe(2);
        var first = admin.QuerySelector("[data-testid=check-row]")!.GetAttribute("data-code")!;

        using (var recorded = await officer.SubmitFormAsync(SupervisionLinks.AdminPlan(id), new Dictionary<string, string> { ["findings"] = "财务凭证不全", ["result"] = "RectificationOrdered" }, $"tr[data-code='{first}'] form", "Result"))
        {
            recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var before = await app.Client().GetDocumentAsync(SupervisionLinks.Plan(id));
        before.QuerySelector($"[data-code='{first}'] [data-testid=public-result]")!.TextContent.ShouldNotContain("财务凭证不全");

        using (var published = await officer.SubmitFormAsync(SupervisionLinks.AdminPlan(id), new Dictionary<string, string>(), $"tr[data-code='{first}'] form", "Publish"))
        {
            published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var after = await app.Client().GetDocumentAsync(SupervisionLinks.Plan(id));
        after.QuerySelector($"[data-code='{first}'] [data-testid=public-result]")!.TextContent.ShouldContain("财务凭证不全");
    }

    /// <summary>Commits or draws the plan through the service, as the admin page does.</summary>
    private Task<bool> AdvanceAsync(int id, bool commit) => app.InScopeAsync(async s =>
    {
        var plans = s.GetRequiredService<PlanService>();
        var loaded = (await plans.FindAsync(id, CancellationToken.None))!;
        var result = commit ? await plans.CommitAsync(loaded, loaded.Version, CancellationToken.None) : await plans.DrawAsync(loaded, loaded.Version, CancellationToken.None);
        return result.Succeeded;
    });

    private static string Hex(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}

public sealed class PenaltyCaseTestsOnSqlite(SqliteSupervisionApp app) : PenaltyCaseTests<SqliteSupervisionApp>(app), IClassFixture<SqliteSupervisionApp>;

public sealed class PenaltyCaseTestsOnPostgreSql(PostgreSqlSupervisionApp app) : PenaltyCaseTests<PostgreSqlSupervisionApp>(app), IClassFixture<PostgreSqlSupervisionApp>;

public sealed class RepeatedPenaltyTestsOnSqlite(SqliteSupervisionApp app) : RepeatedPenaltyTests<SqliteSupervisionApp>(app), IClassFixture<SqliteSupervisionApp>;

public sealed class RepeatedPenaltyTestsOnPostgreSql(PostgreSqlSupervisionApp app) : RepeatedPenaltyTests<PostgreSqlSupervisionApp>(app), IClassFixture<PostgreSqlSupervisionApp>;

public sealed class ComplaintTestsOnSqlite(SqliteSupervisionApp app) : ComplaintTests<SqliteSupervisionApp>(app), IClassFixture<SqliteSupervisionApp>;

public sealed class ComplaintTestsOnPostgreSql(PostgreSqlSupervisionApp app) : ComplaintTests<PostgreSqlSupervisionApp>(app), IClassFixture<PostgreSqlSupervisionApp>;

public sealed class SpotCheckTestsOnSqlite(SqliteSupervisionApp app) : SpotCheckTests<SqliteSupervisionApp>(app), IClassFixture<SqliteSupervisionApp>;

public sealed class SpotCheckTestsOnPostgreSql(PostgreSqlSupervisionApp app) : SpotCheckTests<PostgreSqlSupervisionApp>(app), IClassFixture<PostgreSqlSupervisionApp>;
