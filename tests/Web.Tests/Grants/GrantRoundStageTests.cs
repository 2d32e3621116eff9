using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Ratings;
using static Registry.Web.Tests.Grants.GrantSteps;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>
/// Issue 25 items 3, 5 and 7 and issue 16: a round's stages (no submission after the close or once screening started, no
/// shortlist before the close, the public pages show the stage), declarations required at submission, cost caps per
/// budget line, the published allocation; through the services and over HTTP, on each provider.
/// </summary>
public abstract class GrantRoundStageTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    private async Task StartScreeningAsync(int roundId) =>
        (await app.ScreenAsync(await app.SubmittedAsync(roundId, MemberSocialGroup, Project("先到的项目")), pass: true)).ShouldSucceed();

    [Fact]
    public async Task Submit_AfterScreeningStartedBeforeTheClose_RefusedAndStillADraft()
    {
        var roundId = await app.OpenRoundAsync();
        var late = await app.DraftAsync(roundId, MemberServiceCentre, Project("初筛后才提交"));
        await StartScreeningAsync(roundId);

        (await app.SubmitAsync(late)).ShouldFailWith().ShouldBe(("", "Grant.Error.ScreeningStarted"));
        (await app.ApplicationAsync(late)).State.ShouldBe(GrantState.Draft);
    }

    [Fact]
    public async Task Start_AfterScreeningStarted_Refused()
    {
        var roundId = await app.OpenRoundAsync();
        await StartScreeningAsync(roundId);
        var organizationId = await app.OrganizationIdAsync(MemberServiceCentre);

        var (result, _) = await app.WithAsync<GrantApplicationService, (Registry.Core.Forms.OperationResult, GrantApplication?)>(a => a.StartAsync(roundId, organizationId, CancellationToken.None));

        result.ShouldFailWith().ShouldBe(("", "Grant.Error.ScreeningStarted"));
    }

    [Fact]
    public async Task Screen_FirstDecision_RoundAtScreeningWithItsStageEventAndAudit()
    {
        var roundId = await app.OpenRoundAsync();

        await StartScreeningAsync(roundId);

        (await app.RoundAsync(roundId)).Stage.ShouldBe(RoundStage.Screening);
        var events = await app.WithAsync<RoundService, List<RoundStageEvent>>(r => r.StageEventsAsync(roundId, CancellationToken.None));
        events.Select(e => (e.From, e.To)).ShouldBe([(RoundStage.Open, RoundStage.Screening)]);
        var audited = await app.WithAsync<RegistryDbContext, int>(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "grants.screening-started" && e.EntityId == roundId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        audited.ShouldBe(1);
    }

    [Fact]
    public async Task PublishShortlist_BeforeTheCallCloses_RefusedAndTheRoundStillInScreening()
    {
        var roundId = await app.OpenRoundAsync();
        await app.ScoredAsync(roundId, MemberServiceCentre, Project("截止前公示"));

        var result = await app.OnRoundAsync(roundId, (s, r) => s.GetRequiredService<DecisionService>().PublishShortlistAsync(r, r.Version, CancellationToken.None));

        result.ShouldFailWith().Key.ShouldBe("Grant.Error.CallStillOpen");
        (await app.RoundAsync(roundId)).Stage.ShouldBe(RoundStage.Screening);
    }

    [Fact]
    public async Task PublishShortlist_AfterTheClose_ShortlistedAndTheStageHistoryComplete()
    {
        var roundId = await app.OpenRoundAsync();
        await app.ScoredAsync(roundId, MemberServiceCentre, Project("截止后公示"));

        (await app.PublishShortlistAsync(roundId)).ShouldSucceed();

        var events = await app.WithAsync<RoundService, List<RoundStageEvent>>(r => r.StageEventsAsync(roundId, CancellationToken.None));
        events.Select(e => e.To).ShouldBe([RoundStage.Screening, RoundStage.Shortlisted]);
    }

    [Fact]
    public async Task Submit_WithoutTheNoOtherFundingDeclaration_RefusedOnTheCheckbox()
    {
        var id = await app.DraftAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("未声明资金") with { NoOtherGovernmentFunding = false });

        (await app.SubmitAsync(id)).ShouldFailWith().ShouldBe(("NoOtherFunding", "Grant.Error.DeclarationRequired"));
        (await app.ApplicationAsync(id)).State.ShouldBe(GrantState.Draft);
    }

    [Fact]
    public async Task Submit_WithoutTheNoMajorViolationDeclaration_RefusedOnTheCheckbox()
    {
        var id = await app.DraftAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("未声明违法") with { NoMajorViolation = false });

        (await app.SubmitAsync(id)).ShouldFailWith().ShouldBe(("NoMajorViolation", "Grant.Error.DeclarationRequired"));
    }

    [Fact]
    public async Task Submit_RoundNotCheckingMajorViolations_NoDeclarationNeeded()
    {
        var roundId = await app.OpenRoundAsync(eligibility: new EligibilityRules(MajorViolationYears: 0));

        (await app.SubmitAsync(await app.DraftAsync(roundId, MemberServiceCentre, Project("无需声明") with { NoMajorViolation = false }))).ShouldSucceed();
    }

    [Fact]
    public async Task Submit_PersonnelOverTheRoundsCap_RefusedOnThePersonnelLine()
    {
        var roundId = await app.OpenRoundAsync(configure: r => r.MaxPersonnelShareBasisPoints = 3000);
        var project = Project("人员经费超限") with
        {
            Lines = [new BudgetLineInput(BudgetCategory.Activities, "探访活动", 2_000_000, 2_000_000), new BudgetLineInput(BudgetCategory.Personnel, "项目人员补贴", 1_000_000, 0)],
        };
        var id = await app.DraftAsync(roundId, MemberServiceCentre, project);

        (await app.SubmitAsync(id)).ShouldFailWith().ShouldBe(("Lines[1].Requested", "Grant.Error.OverCostCap"));
    }

    [Fact]
    public async Task Submit_PersonnelExactlyAtTheRoundsCap_Accepted()
    {
        var roundId = await app.OpenRoundAsync(configure: r => r.MaxPersonnelShareBasisPoints = 3000);
        var project = Project("人员经费恰好") with
        {
            Lines = [new BudgetLineInput(BudgetCategory.Activities, "探访活动", 2_100_000, 2_000_000), new BudgetLineInput(BudgetCategory.Personnel, "项目人员补贴", 900_000, 0)],
        };

        (await app.SubmitAsync(await app.DraftAsync(roundId, MemberServiceCentre, project))).ShouldSucceed();
    }

    [Fact]
    public async Task Results_RoundImportedAsAwardedWithoutScoreSheets_AllocatedIsTheAwardedSum()
    {
        var id = await app.AwardedAsync("往年获资助项目", 4_000_000, 3_000_000);
        var roundId = (await app.ApplicationAsync(id)).RoundId;
        await app.WithAsync<RegistryDbContext, int>(async db =>
        {
            // As the recipe imports a past round: its stage recorded, no score sheets.
            var round = await db.Set<GrantRound>().SingleAsync(r => r.Id == roundId);
            round.Stage = RoundStage.Awarded;
            return await db.SaveChangesAsync();
        });

        var results = await app.InScopeAsync(async s => await s.GetRequiredService<DecisionService>().ResultsAsync((await s.GetRequiredService<RoundService>().FindAsync(roundId, CancellationToken.None))!, CancellationToken.None));

        (results.Allocation.AllocatedFen, results.Allocation.RemainingFen).ShouldBe((4_000_000L, 100_000_000L - 4_000_000L));
        var page = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync($"/Grants/Admin/Round/{roundId}");
        page.QuerySelector("[data-testid=results]")!.TextContent.ShouldContain("¥40,000.00");
    }

    [Fact]
    public async Task ApplicationPage_SubmittedAfterScreeningStarted_RefusedWithTheMessage()
    {
        var roundId = await app.OpenRoundAsync();
        var id = await app.DraftAsync(roundId, MemberServiceCentre, Project("表单晚交"));
        await StartScreeningAsync(roundId);
        var client = await app.SignedInClientAsync(DemoApplicant);

        using var response = await client.SubmitFormAsync($"/Grants/Application/{id}", new Dictionary<string, string>(), "#grant-form", handler: "Submit");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("本轮初筛已经开始，不再接受申报。");
        (await app.ApplicationAsync(id)).State.ShouldBe(GrantState.Draft);
    }

    [Fact]
    public async Task ApplicationPage_SubmittedAfterTheClose_RefusedWithTheMessage()
    {
        var roundId = await app.OpenRoundAsync();
        var id = await app.DraftAsync(roundId, MemberServiceCentre, Project("截止后表单"));
        var client = await app.SignedInClientAsync(DemoApplicant);
        var form = await client.ReadFormAsync($"/Grants/Application/{id}", "#grant-form");
        await app.CloseCallAsync(roundId);

        using var response = await client.PostFormAsync(form, new Dictionary<string, string>(), "Submit");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("本轮申报不在开放时间内");
    }

    [Fact]
    public async Task ApplicationPage_SubmittedWithoutTheDeclaration_MessageAtTheCheckbox()
    {
        var id = await app.DraftAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("表单未声明"));
        var client = await app.SignedInClientAsync(DemoApplicant);
        var form = await client.ReadFormAsync($"/Grants/Application/{id}", "#grant-form");
        var values = form.Values.Where(v => v.Key != "Form.NoOtherFunding").ToDictionary();

        using var response = await client.PostFormAsync(form with { Values = values }, new Dictionary<string, string> { ["Form.NoMajorViolation"] = "true" }, "Submit");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-valmsg-for='Form.NoOtherFunding']")!.TextContent.ShouldStartWith("提交前须勾选声明");
        (await app.ApplicationAsync(id)).State.ShouldBe(GrantState.Draft);
    }

    [Fact]
    public async Task ApplicationPage_PersonnelLineOverTheCap_MessageOnThatLine()
    {
        var id = await app.DraftAsync(await app.OpenRoundAsync(configure: r => r.MaxPersonnelShareBasisPoints = 3000), MemberServiceCentre, Project("表单人员超限"));
        var client = await app.SignedInClientAsync(DemoApplicant);

        using var response = await client.SubmitFormAsync($"/Grants/Application/{id}", new Dictionary<string, string>
        {
            ["Form.Lines[2].Category"] = "Personnel",
            ["Form.Lines[2].Item"] = "项目人员补贴",
            ["Form.Lines[2].Requested"] = "15000",
            ["Form.Lines[2].Matching"] = "",
            ["Form.Lines[1].Matching"] = "40000",
            ["Form.NoOtherFunding"] = "true",
            ["Form.NoMajorViolation"] = "true",
        }, "#grant-form", handler: "Submit");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-valmsg-for='Form.Lines[2].Requested']")!.TextContent
            .ShouldBe("第3行“项目人员补贴”：人员费合计 ¥15,000.00，超过申请资助金额的 30%（最多 ¥13,500.00）。");
    }

    [Fact]
    public async Task AdminRound_PublishPostedBeforeTheClose_RefusedWithTheClosingTime()
    {
        var roundId = await app.OpenRoundAsync();
        await app.ScoredAsync(roundId, MemberServiceCentre, Project("官员提前公示"));
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var page = await officer.GetDocumentAsync($"/Grants/Admin/Round/{roundId}");
        page.QuerySelector("[data-testid=publish]").ShouldBeNull();
        var form = page.ReadForm($"/Grants/Admin/Round/{roundId}");

        using var response = await officer.PostFormAsync(form, new Dictionary<string, string> { ["version"] = (await app.RoundAsync(roundId)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Publish");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("申报截止");
        (await app.RoundAsync(roundId)).Stage.ShouldBe(RoundStage.Screening);
    }

    /// <summary>
    /// Issue 25 item 7: the register's change feed says a grantee with a running project was deregistered: the officers are
    /// told once (a replayed message changes nothing) and the project is flagged on its page.
    /// </summary>
    [Fact]
    public async Task GranteeDeregisteredWithARunningProject_OfficersToldOnceAndTheProjectFlagged()
    {
        const string Grantee = "宁波市海曙区书法家协会";
        var id = await app.SubmittedAsync(await app.OpenRoundAsync(), Grantee, Project("书法进社区"));
        await app.WithAsync<RegistryDbContext, int>(async db =>
        {
            // Awarded as the review and 公示 would leave it (tested above).
            var application = await db.Set<GrantApplication>().SingleAsync(a => a.Id == id);
            application.State = GrantState.Awarded;
            application.AllocatedFen = application.AwardedFen = application.RequestedFen;
            application.AwardedOn = app.Today;
            return await db.SaveChangesAsync();
        });
        var (created, agreement) = await app.CreateAgreementAsync(id);
        created.ShouldSucceed();
        (await app.SignAsync(agreement!.Id)).ShouldSucceed();
        var before = await app.NoticesAsync(TestAccounts.Officer.Email, "Grant.Project.GranteeGone");
        var organizationId = await app.OrganizationIdAsync(Grantee);
        await app.WithAsync<RegistryDbContext, int>(async db =>
        {
            // The register's own writer is another module's; here only the fact matters.
            var organization = await db.Set<Registry.Organizations.Domain.Organization>().SingleAsync(o => o.Id == organizationId);
            organization.Status = Registry.Organizations.Domain.OrganizationStatus.Deregistered;
            return await db.SaveChangesAsync();
        });
        var message = new Registry.Core.Outbox.OutboxMessage
        {
            Topic = Registry.Organizations.Contracts.OrganizationEvents.Changed,
            Payload = System.Text.Json.JsonSerializer.Serialize(new Registry.Organizations.Contracts.OrganizationChanged(organizationId)),
        };

        for (var delivery = 0; delivery < 2; delivery++)
        {
            await app.InScopeAsync(async s =>
            {
                var consumer = s.GetServices<Registry.Core.Outbox.IOutboxConsumer>().Single(c => c.Name == "grants.grantee-status");
                consumer.Accepts(message.Topic).ShouldBeTrue();
                await consumer.HandleAsync(message, CancellationToken.None);
                return await s.GetRequiredService<RegistryDbContext>().SaveChangesAsync();
            });
        }

        (await app.RecordAsync(agreement.Id)).Agreement.GranteeGoneOn.ShouldBe(app.Today);
        (await app.NoticesAsync(TestAccounts.Officer.Email, "Grant.Project.GranteeGone")).ShouldBe(before + 1);
        var page = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync($"/Grants/Projects/Admin/Agreement/{agreement.Id}");
        page.QuerySelector("[data-testid=grantee-gone]").ShouldNotBeNull();
    }

    /// <summary>
    /// The demo recipe's rounds, run twice: the 2026 round, whose imported applications were screened, is at screening
    /// (one stage event, however often the recipe runs); the closed 2025 round allocates what it awarded (¥40,000), not ¥0.
    /// </summary>
    [Fact]
    public async Task DemoRecipe_GrantSteps_ScreenedRoundAtScreeningAndTheAwardedRoundsAllocationRecorded()
    {
        var recipes = Path.Combine(AppContext.BaseDirectory, "Recipes");
        using var demo = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(recipes, "demo.recipe.json")));
        var steps = demo.RootElement.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("name").GetString()!.StartsWith("grant-", StringComparison.Ordinal)).ToList();
        var path = Path.Combine(recipes, $"demo-grant-rounds-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(path, System.Text.Json.JsonSerializer.Serialize(new { name = "demo-grant-rounds", description = "The demo's rounds.", steps }));
        try
        {
            for (var run = 0; run < 2; run++)
            {
                await app.InScopeAsync(async s =>
                {
                    await s.GetRequiredService<Registry.Core.Recipes.IRecipeRunner>().RunAsync(path, CancellationToken.None);
                    return 0;
                });
            }
        }
        finally
        {
            File.Delete(path);
        }

        var rounds = await app.WithAsync<RegistryDbContext, List<GrantRound>>(db => db.Set<GrantRound>().AsNoTracking().Where(r => r.Name == "2026年海曙区公益创投" || r.Name == "2025年海曙区公益创投").ToListAsync());
        var current = rounds.Single(r => r.Year == 2026);
        current.Stage.ShouldBe(RoundStage.Screening);
        (await app.WithAsync<RoundService, List<RoundStageEvent>>(r => r.StageEventsAsync(current.Id, CancellationToken.None))).Count.ShouldBe(1);
        var past = rounds.Single(r => r.Year == 2025);
        var results = await app.InScopeAsync(async s => await s.GetRequiredService<DecisionService>().ResultsAsync((await s.GetRequiredService<RoundService>().FindAsync(past.Id, CancellationToken.None))!, CancellationToken.None));
        results.Allocation.AllocatedFen.ShouldBe(4_000_000L);
    }

    [Fact]
    public async Task PublicList_OpenRoundThenShortlisted_AcceptingThenPublicityNeverAcceptingAgain()
    {
        var roundId = await app.OpenRoundAsync();
        var name = (await app.RoundAsync(roundId)).Name;
        string Phase(AngleSharp.Html.Dom.IHtmlDocument list) =>
            list.QuerySelectorAll("[data-testid=round]").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal)).QuerySelector("[data-testid=phase]")!.TextContent;
        var visitor = app.Client();
        Phase(await visitor.GetDocumentAsync("/Grants")).ShouldBe("正在申报");

        await app.ScoredAsync(roundId, MemberServiceCentre, Project("公示阶段"));
        Phase(await visitor.GetDocumentAsync("/Grants")).ShouldBe("申报已结束，评审中");
        (await app.PublishShortlistAsync(roundId)).ShouldSucceed();

        Phase(await visitor.GetDocumentAsync("/Grants")).ShouldBe("入围名单公示中");
        var round = await visitor.GetDocumentAsync($"/Grants/Round/{roundId}");
        (round.QuerySelector("[data-testid=phase]")!.TextContent, round.QuerySelector("[data-testid=apply]")).ShouldBe(("入围名单公示中", null));
    }
}

public sealed class GrantRoundStageTestsOnSqlite(GrantsSqliteApp app) : GrantRoundStageTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class GrantRoundStageTestsOnPostgreSql(GrantsPostgreSqlApp app) : GrantRoundStageTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
