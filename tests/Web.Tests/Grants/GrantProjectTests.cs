using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Grants.Contracts;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Web.Data;
using Registry.Web.Tests.Ratings;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>Agreements and their money through the services on each provider; every test funds its own project.</summary>
public abstract class GrantProjectTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    private static readonly string[] RequiredFields = ["id", "title", "description", "currency", "amountAwarded", "awardDate", "recipientOrganization", "fundingOrganization"];

    [Fact]
    public async Task Create_AwardedApplication_DraftedWithTheAwardAndTheSubmittedPlanAsVersionZero()
    {
        var before = await app.NoticesAsync(DemoApplicant.Email, "Grant.Project.AgreementDrawn");

        var (result, agreement) = await app.CreateAgreementAsync(await app.AwardedAsync("协议起草", 2_500_000, 2_000_000));

        result.ShouldSucceed();
        var record = await app.RecordAsync(agreement!.Id);
        (record.Agreement.State, record.Agreement.AgreedFen, record.Agreement.MatchingFen, record.Agreement.Plan.RequestedFen).ShouldBe((AgreementState.Drafting, 2_500_000L, 2_000_000L, 2_500_000L));
        record.Revisions.ShouldHaveSingleItem().State.ShouldBe(RevisionState.Original);
        (await app.NoticesAsync(DemoApplicant.Email, "Grant.Project.AgreementDrawn")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Create_Twice_SecondRefused()
    {
        var id = await app.AwardedAsync("重复协议");
        (await app.CreateAgreementAsync(id)).Result.ShouldSucceed();

        (await app.CreateAgreementAsync(id)).Result.ShouldFailWith().ShouldBe(("", "Grant.Project.Error.AgreementExists"));
    }

    [Fact]
    public async Task Revision_SubmittedThenAccepted_VersionedWithItsDiffAndInForce()
    {
        var (_, agreement) = await app.CreateAgreementAsync(await app.AwardedAsync("项目优化", 3_000_000, 2_000_000), "请压缩活动周期，增加志愿者培训。");
        var original = (await app.RecordAsync(agreement!.Id)).Agreement.Plan;
        var revised = original with
        {
            EndOn = new DateOnly(2027, 5, 31),
            Lines = [new PlanLine(BudgetCategory.SocialWork, "专业社工服务", 2_600_000, 0), new PlanLine(BudgetCategory.Activities, "志愿者培训", 400_000, 2_100_000)],
        };

        (await app.OnAgreementAsync(agreement.Id, (s, r) => s.GetRequiredService<GrantAgreementService>().SubmitRevisionAsync(r.Agreement, revised, r.Agreement.Version, CancellationToken.None))).ShouldSucceed();
        var pending = await app.RecordAsync(agreement.Id);
        pending.Diff(pending.Pending!).Select(c => c.FieldKey).ShouldBe(["Grant.Field.EndOn", "Grant.Field.Requested", "Grant.Field.Item", "Grant.Field.Requested", "Grant.Field.Matching", "Grant.Project.Diff.MatchingTotal"]);
        (await app.OnAgreementAsync(agreement.Id, (s, r) => s.GetRequiredService<GrantAgreementService>().AcceptRevisionAsync(r.Agreement, r.Agreement.Version, CancellationToken.None))).ShouldSucceed();

        var accepted = await app.RecordAsync(agreement.Id);
        (accepted.Agreement.State, accepted.Agreement.EndOn, accepted.Agreement.MatchingFen, accepted.Revisions.Count).ShouldBe((AgreementState.Drafting, new DateOnly(2027, 5, 31), 2_100_000L, 2));
    }

    [Fact]
    public async Task Revision_GrantTotalNotTheAgreedAmount_Refused()
    {
        var (_, agreement) = await app.CreateAgreementAsync(await app.AwardedAsync("金额不符", 3_000_000, 2_000_000), "请调整预算。");
        var plan = (await app.RecordAsync(agreement!.Id)).Agreement.Plan;

        var result = await app.OnAgreementAsync(agreement.Id, (s, r) => s.GetRequiredService<GrantAgreementService>().SubmitRevisionAsync(
            r.Agreement, plan with { Lines = [new PlanLine(BudgetCategory.SocialWork, "专业社工服务", 2_999_999, 2_000_000)] }, r.Agreement.Version, CancellationToken.None));

        result.ShouldFailWith().ShouldBe(("", "Grant.Project.Error.RevisedTotal"));
        (await app.RecordAsync(agreement.Id)).Revisions.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Sign_OddAward_TranchesSumExactlyToTheAgreedAmount()
    {
        var id = await app.SignedAgreementAsync("奇数金额", 3_000_001);

        var tranches = (await app.RecordAsync(id)).Agreement.Tranches;

        tranches.Select(t => (t.Percent, t.DueFen, t.Condition)).ShouldBe([(50, 1_500_001L, TrancheCondition.OnSigning), (30, 900_000L, TrancheCondition.MidTermPassed), (20, 600_000L, TrancheCondition.FinalPassed)]);
    }

    [Fact]
    public async Task Sign_FileNotAPdf_RefusedAndStillDrafting()
    {
        var (_, agreement) = await app.CreateAgreementAsync(await app.AwardedAsync("错误文件"));

        (await app.SignAsync(agreement!.Id, "not a pdf"u8.ToArray())).ShouldFailWith().ShouldBe(("SignedFile", "Files.TypeNotAllowed"));

        var record = await app.RecordAsync(agreement.Id);
        (record.Agreement.State, record.Agreement.Tranches.Count).ShouldBe((AgreementState.Drafting, 0));
    }

    [Fact]
    public async Task Pay_FirstTrancheInFull_RecordedAndTheRoundShowsIt()
    {
        var id = await app.SignedAgreementAsync("首期拨款");

        (await app.PayAsync(id, 1, 1_500_000)).ShouldSucceed();

        var record = await app.RecordAsync(id);
        var money = await app.WithAsync<GrantMoneyService, RoundMoney>(m => m.OfRoundAsync(record.Agreement.RoundId, CancellationToken.None));
        (money.CommittedFen, money.PaidFen, money.RemainingFen).ShouldBe((3_000_000L, 1_500_000L, 1_500_000L));
    }

    [Fact]
    public async Task Pay_OneFenOverTheTranche_RefusedNothingRecorded()
    {
        var id = await app.SignedAgreementAsync("超额拨款");
        (await app.PayAsync(id, 1, 1_000_000)).ShouldSucceed();

        (await app.PayAsync(id, 1, 500_001)).ShouldFailWith().ShouldBe(("Amount", "Grant.Project.Error.OverTranche"));

        (await app.RecordAsync(id)).Agreement.PaidFen.ShouldBe(1_000_000);
    }

    [Fact]
    public async Task Pay_MidTermTrancheBeforeTheEvaluation_Refused()
    {
        var id = await app.SignedAgreementAsync("中期未评");

        (await app.PayAsync(id, 2, 900_000)).ShouldFailWith().ShouldBe(("", "Grant.Project.Error.TrancheWaiting"));
    }

    [Fact]
    public async Task Pay_MidTermFailed_TrancheBlocked()
    {
        var id = await app.SignedAgreementAsync("中期不通过");
        await app.EvaluatedAsync(id, ReportKind.MidTerm, EvaluationOutcome.Fail);

        (await app.RecordAsync(id)).StatusOf((await app.RecordAsync(id)).Agreement.Tranches[1]).ShouldBe(TrancheStatus.Blocked);
        (await app.PayAsync(id, 2, 900_000)).ShouldFailWith().ShouldBe(("", "Grant.Project.Error.TrancheBlocked"));
    }

    [Fact]
    public async Task Pay_TwoOfficersFromTheSameVersion_SecondIsAConflict()
    {
        var id = await app.SignedAgreementAsync("并发拨款");
        var stale = (await app.RecordAsync(id)).Agreement.Version;
        (await app.PayAsync(id, 1, 1_000_000)).ShouldSucceed();

        var second = await app.OnAgreementAsync(id, (s, r) => s.GetRequiredService<GrantMoneyService>().RecordPaymentAsync(
            r, r.Agreement.Tranches[0].Id, 500_000, app.Today, "HX-2", stale, CancellationToken.None));

        second.Conflict.ShouldBeTrue();
        (await app.RecordAsync(id)).Agreement.PaidFen.ShouldBe(1_000_000);
    }

    /// <summary>Both tranches' conditions met in turn, every fen paid, a refund required and repaid: then it closes.</summary>
    [Fact]
    public async Task Close_AfterBothEvaluationsPaymentsAndTheRefund_ClosedOnTheOrganizationsPageAndInTheFigures()
    {
        var id = await app.SignedAgreementAsync("全程项目");
        (await app.PayAsync(id, 1, 1_500_000)).ShouldSucceed();
        await app.EvaluatedAsync(id, ReportKind.MidTerm, EvaluationOutcome.Pass);
        (await app.PayAsync(id, 2, 900_000)).ShouldSucceed();
        await app.EvaluatedAsync(id, ReportKind.Final, EvaluationOutcome.PassWithConditions);
        (await app.PayAsync(id, 3, 600_000)).ShouldSucceed();
        (await app.InScopeAsync(async s =>
        {
            // As the final evaluation would: the refund tracked, saved with the caller's own SaveChanges.
            var result = await s.GetRequiredService<GrantMoneyService>().RequireRefundAsync(id, 100_000, "部分活动未开展。", CancellationToken.None);
            await s.GetRequiredService<RegistryDbContext>().SaveChangesAsync();
            return result;
        })).ShouldSucceed();
        var close = (GrantAgreementService a, AgreementRecord r) => a.CloseAsync(r.Agreement, r.Agreement.Version, CancellationToken.None);
        (await app.OnAgreementAsync(id, (s, r) => close(s.GetRequiredService<GrantAgreementService>(), r))).ShouldFailWith().ShouldBe(("", "Grant.Project.Error.RefundOutstanding"));
        var refundId = (await app.RecordAsync(id)).Refunds.Single().Id;
        (await app.OnAgreementAsync(id, (s, r) => s.GetRequiredService<GrantMoneyService>().RecordRepaymentAsync(r.Agreement, refundId, 100_000, app.Today, "退-1", r.Agreement.Version, CancellationToken.None))).ShouldSucceed();

        (await app.OnAgreementAsync(id, (s, r) => close(s.GetRequiredService<GrantAgreementService>(), r))).ShouldSucceed();

        var agreement = (await app.RecordAsync(id)).Agreement;
        (agreement.State, agreement.Result, agreement.ClosedOn).ShouldBe((AgreementState.Closed, EvaluationOutcome.PassWithConditions, app.Today));
        var funded = await app.WithAsync<IFundedProjects, IReadOnlyList<FundedProject>>(f => f.OfOrganizationAsync(agreement.OrganizationId, CancellationToken.None));
        funded.Single(p => p.ApplicationId == agreement.ApplicationId).ShouldSatisfyAllConditions(p => p.ClosedOn.ShouldBe(app.Today), p => p.Result.ShouldBe("PassWithConditions"));
        var figures = (await app.WithAsync<IGrantFigures, GrantRoundFigures?>(f => f.ForRoundAsync(agreement.RoundId, CancellationToken.None)))!;
        (figures.CommittedFen, figures.PaidFen, figures.RefundedFen, figures.Closed, figures.Failed).ShouldBe((3_000_000L, 3_000_000L, 100_000L, 1, 0));
        figures.ByCategory.Single(c => c.Category == "为老服务").Closed.ShouldBe(1);
        (await app.Client().GetStringAsync($"/Organizations/Org/{agreement.OrganizationId}")).ShouldContain("有条件通过");
    }

    [Fact]
    public async Task Figures_FinalFailed_CountedAsFailed()
    {
        var id = await app.SignedAgreementAsync("结项不通过");
        await app.EvaluatedAsync(id, ReportKind.Final, EvaluationOutcome.Fail);

        var roundId = (await app.RecordAsync(id)).Agreement.RoundId;
        var figures = (await app.WithAsync<IGrantFigures, GrantRoundFigures?>(f => f.ForRoundAsync(roundId, CancellationToken.None)))!;

        (figures.Failed, figures.Closed, figures.CommittedFen, figures.RemainingFen).ShouldBe((1, 0, 3_000_000L, 3_000_000L));
    }

    [Fact]
    public async Task OpenData_EveryAward_HasEveryRequiredFieldAndTheSameIdTwice()
    {
        var signed = await app.SignedAgreementAsync("开放数据项目");
        var awardedOnly = await app.AwardedAsync("仅立项项目");

        var first = await app.Client().GetStringAsync("/Grants/OpenData/360giving.json");
        var second = await app.Client().GetStringAsync("/Grants/OpenData/360giving.json");

        using var json = JsonDocument.Parse(first);
        json.RootElement.GetProperty("license").GetString().ShouldNotBeNullOrEmpty();
        var grants = json.RootElement.GetProperty("grants").EnumerateArray().ToList();
        var awarded = await app.WithAsync<RegistryDbContext, int>(db => db.Set<GrantApplication>().CountAsync(a => a.State == GrantState.Awarded));
        grants.Count.ShouldBe(awarded);
        foreach (var grant in grants)
        {
            foreach (var field in RequiredFields)
            {
                grant.TryGetProperty(field, out var value).ShouldBeTrue($"{field} missing");
                (value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString()).ShouldNotBeNullOrWhiteSpace(field);
            }

            grant.GetProperty("currency").GetString().ShouldBe("CNY");
            grant.GetProperty("fundingOrganization")[0].GetProperty("name").GetString().ShouldNotBeNullOrEmpty();
        }

        var applicationId = (await app.RecordAsync(signed)).Agreement.ApplicationId;
        var mine = grants.Single(g => g.GetProperty("id").GetString()!.EndsWith($"-{applicationId}", StringComparison.Ordinal));
        mine.GetProperty("amountAwarded").GetDecimal().ShouldBe(30_000.00m);
        mine.GetProperty("recipientOrganization")[0].GetProperty("id").GetString().ShouldStartWith("CN-USCI-");
        grants.ShouldContain(g => g.GetProperty("id").GetString()!.EndsWith($"-{awardedOnly}", StringComparison.Ordinal));
        Ids(second).ShouldBe(Ids(first));
    }

    [Fact]
    public async Task OpenData_Csv_HeaderAndOneRowPerAward()
    {
        var id = await app.AwardedAsync("表格项目");

        var csv = await app.Client().GetStringAsync("/Grants/OpenData/360giving.csv");

        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].TrimEnd('\r').ShouldBe(string.Join(',', GrantOpenData.CsvColumns));
        lines.ShouldContain(l => l.Contains($"-{id},表格项目,", StringComparison.Ordinal) && l.Contains(",CNY,30000.00,", StringComparison.Ordinal));
    }

    /// <summary>The demo recipe's 2025 round: its awarded project's agreement signed with the file, its first payment, the mid-term passed and the second payment, once however often it runs.</summary>
    [Fact]
    public async Task DemoRecipe_AgreementStep_SignedWithItsPaymentOnceOnRerun()
    {
        var recipes = Path.Combine(AppContext.BaseDirectory, "Recipes");
        using var demo = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(recipes, "demo.recipe.json")));
        var steps = demo.RootElement.GetProperty("steps").EnumerateArray()
            .Where(s => s.GetProperty("name").GetString()!.StartsWith("grant-", StringComparison.Ordinal) && s.GetProperty("round").GetString() == "2025年海曙区公益创投");
        var path = Path.Combine(recipes, $"demo-grant-agreement-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { name = "demo-grant-agreement", description = "The demo's 2025 round.", steps }));
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

        var agreement = await app.WithAsync<RegistryDbContext, GrantAgreement>(db => db.Set<GrantAgreement>().Include(a => a.Tranches).ThenInclude(t => t.Payments).SingleAsync(a => a.Title == "长者助餐·社区食堂"));
        (agreement.State, agreement.SignedFileName, agreement.PaidFen, agreement.Tranches.Sum(t => t.DueFen)).ShouldBe((AgreementState.Signed, "demo-grant-agreement.pdf", 3_200_000L, 4_000_000L));
        var reports = await app.WithAsync<RegistryDbContext, List<ProgressReport>>(db => db.Set<ProgressReport>().Where(r => r.AgreementId == agreement.Id).ToListAsync());
        reports.ShouldHaveSingleItem().ShouldSatisfyAllConditions(r => r.Kind.ShouldBe(ReportKind.MidTerm), r => r.Outcome.ShouldBe(EvaluationOutcome.Pass));
    }

    private static List<string> Ids(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("grants").EnumerateArray().Select(g => g.GetProperty("id").GetString()!)];
    }
}

public sealed class GrantProjectTestsOnSqlite(GrantsSqliteApp app) : GrantProjectTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class GrantProjectTestsOnPostgreSql(GrantsPostgreSqlApp app) : GrantProjectTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
