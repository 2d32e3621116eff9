using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Recipes;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Organizations.Contracts;

namespace Registry.Grants.Recipes;

/// <summary>
/// Sets up a round: <c>{ "name": "grant-round", "programme": "公益创投", "round": "2026年海曙区公益创投", "year": 2026,
/// "budgetYuan": 2500000, "categories": [ { "name": "为老服务", "quotaYuan": 600000 } ], "projectCapYuan": 50000,
/// "maxGrantSharePercent": 60, "months": [6, 12], "opens": "2026-03-01T09:00", "closes": "2026-04-30T17:00",
/// "rubric": [ { "code": "C1", "name": "公益性", "weight": 30, "guidance": "…" } ], "reviewersPerApplication": 3,
/// "tranchePlan": [50, 30, 20], "minimumGrade": 0, "blindReview": false, "publicityDays": 7, "stage": "Open",
/// "requiredDocuments": ["项目预算表", "机构章程"], "showReviewComments": false, "showReviewScores": false, "scoringDue": "2026-09-30" }</c>.
/// Times are Beijing time. "stage" (Open, Shortlisted, Awarded) is for importing past rounds. Skipped when a round of the
/// programme with that name exists.
/// </summary>
internal sealed class GrantRoundRecipeStep(DbContext db, RoundService rounds, IStringLocalizer localizer) : IRecipeStep
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public string Name => "grant-round";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var name = context.RequiredString(step, "round");
        var programme = step.TryGetProperty("programme", out var p) ? p.GetString() ?? GrantRound.VentureFund : GrantRound.VentureFund;
        if (name is null || await db.Set<GrantRound>().AnyAsync(r => r.Programme == programme && r.Name == name, cancellationToken))
        {
            return;
        }

        try
        {
            var months = step.TryGetProperty("months", out var m) ? m.EnumerateArray().Select(x => x.GetInt32()).ToArray() : [6, 12];
            var round = new GrantRound
            {
                Programme = programme,
                Name = name,
                Year = step.GetProperty("year").GetInt32(),
                BudgetFen = Money.FromYuan(step.GetProperty("budgetYuan").GetInt64()).Fen,
                Categories = [.. context.Array("categories").Select(c => new RoundCategory(c.GetProperty("name").GetString()!, c.TryGetProperty("quotaYuan", out var q) ? Money.FromYuan(q.GetInt64()).Fen : null))],
                ProjectCapFen = Money.FromYuan(step.TryGetProperty("projectCapYuan", out var cap) ? cap.GetInt64() : 50_000).Fen,
                MaxGrantShareBasisPoints = (step.TryGetProperty("maxGrantSharePercent", out var share) ? share.GetInt32() : 60) * 100,
                MinMonths = months[0],
                MaxMonths = months[1],
                OpensAt = Utc(step.GetProperty("opens").GetString()!),
                ClosesAt = Utc(step.GetProperty("closes").GetString()!),
                Rubric = [.. context.Array("rubric").Select(c => new RubricCriterion(c.GetProperty("code").GetString()!, c.GetProperty("name").GetString()!, c.GetProperty("weight").GetInt32(),
                    c.TryGetProperty("guidance", out var g) ? g.GetString() ?? "" : ""))],
                ReviewersPerApplication = step.TryGetProperty("reviewersPerApplication", out var r) ? r.GetInt32() : 3,
                TranchePlan = step.TryGetProperty("tranchePlan", out var t) ? [.. t.EnumerateArray().Select(x => x.GetInt32())] : [50, 30, 20],
                Eligibility = new EligibilityRules(MinimumGrade: step.TryGetProperty("minimumGrade", out var grade) ? grade.GetInt32() : 0),
                BlindReview = step.TryGetProperty("blindReview", out var blind) && blind.GetBoolean(),
                RequiredDocuments = string.Join('\n', context.Array("requiredDocuments").Select(d => d.GetString() ?? "")),
                ShowReviewCommentsToApplicant = step.TryGetProperty("showReviewComments", out var comments) && comments.GetBoolean(),
                ShowReviewScoresToApplicant = step.TryGetProperty("showReviewScores", out var scores) && scores.GetBoolean(),
                ScoringDueOn = step.TryGetProperty("scoringDue", out var scoringDue) ? DateOnly.Parse(scoringDue.GetString()!, CultureInfo.InvariantCulture) : null,
                PublicityDays = step.TryGetProperty("publicityDays", out var days) ? days.GetInt32() : 7,
                Stage = step.TryGetProperty("stage", out var stage) ? Enum.Parse<RoundStage>(stage.GetString()!) : RoundStage.Open,
            };
            foreach (var error in (await rounds.CreateAsync(round, cancellationToken)).Errors)
            {
                context.Error($"{error.Field}: {localizer.Describe(error)}");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or JsonException or KeyNotFoundException or OverflowException)
        {
            context.Error(ex.Message);
        }
    }

    private static DateTime Utc(string beijing) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(DateTime.Parse(beijing, CultureInfo.InvariantCulture), DateTimeKind.Unspecified), Shanghai);
}

/// <summary>
/// Loads applications of a round as records (past rounds, demo data): <c>{ "name": "grant-applications", "programme":
/// "公益创投", "round": "…", "file": "data/grants.json" }</c> or an inline <c>"applications"</c> array of
/// <c>{ "creditCode", "title", "category", "requestedYuan", "matchingYuan", "state", "allocatedYuan", "start", "end",
/// "summary", "rule" }</c>. Skipped per application when the organization already has a project of that title in the round.
/// Importing a screened application into a round still at its call starts the round's screening (its workflow).
/// </summary>
internal sealed class GrantApplicationsRecipeStep(DbContext db, IOrganizationRegister register, RoundService rounds, TimeProvider clock) : IRecipeStep
{
    public string Name => "grant-applications";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var name = context.RequiredString(step, "round");
        var programme = step.TryGetProperty("programme", out var p) ? p.GetString() ?? GrantRound.VentureFund : GrantRound.VentureFund;
        var round = name is null ? null : await db.Set<GrantRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Programme == programme && r.Name == name, cancellationToken);
        if (round is null)
        {
            context.Error($"round not found: {name}");
            return;
        }

        var items = await ItemsAsync(context, cancellationToken);
        var codes = items.Select(i => i.TryGetProperty("creditCode", out var c) ? c.GetString() ?? "" : "").Distinct().ToList();
        var organizations = (await register.FindByCodesAsync(codes, cancellationToken)).ToDictionary(o => o.CreditCode ?? o.FilingNumber ?? "");
        var existing = (await db.Set<GrantApplication>().AsNoTracking().Where(a => a.RoundId == round.Id).Select(a => new { a.OrganizationId, a.Title }).ToListAsync(cancellationToken))
            .Select(a => (a.OrganizationId, a.Title)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var screened = false;
        foreach (var (item, index) in items.Select((item, index) => (item, index)))
        {
            try
            {
                var code = item.GetProperty("creditCode").GetString()!;
                if (!organizations.TryGetValue(code, out var organization))
                {
                    context.Error($"application {index + 1}: organization not found: {code}");
                    continue;
                }

                var title = item.GetProperty("title").GetString()!;
                if (!existing.Add((organization.Id, title)))
                {
                    continue;
                }

                var record = Record(round, organization, title, item, now);
                screened |= record.State is not (GrantState.Draft or GrantState.Submitted);
                db.Add(record);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
            {
                context.Error($"application {index + 1}: {ex.Message}");
            }
        }

        // Screened applications mean screening has started: the round moves on through its workflow, as the officer's first
        // screening decision would move it (no submission is accepted any more).
        if (screened && round.Stage == RoundStage.Open && context.Errors.Count == 0)
        {
            var tracked = await db.Set<GrantRound>().SingleAsync(r => r.Id == round.Id, cancellationToken);
            if (rounds.Transition(tracked, RoundTrigger.StartScreening, "imported") is { } refused)
            {
                context.Error(string.Join("; ", refused.Errors.Select(e => e.Key)));
            }
        }

        if (context.Errors.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static GrantApplication Record(GrantRound round, OrganizationSummary organization, string title, JsonElement item, DateTime now)
    {
        var state = item.TryGetProperty("state", out var s) ? Enum.Parse<GrantState>(s.GetString()!) : GrantState.Submitted;
        var requested = Money.FromYuan(item.GetProperty("requestedYuan").GetInt64()).Fen;
        var matching = Money.FromYuan(item.TryGetProperty("matchingYuan", out var m) ? m.GetInt64() : 0).Fen;
        long? allocated = state is GrantState.Shortlisted or GrantState.Awarded or GrantState.Withdrawn
            ? item.TryGetProperty("allocatedYuan", out var a) ? Money.FromYuan(a.GetInt64()).Fen : requested
            : state == GrantState.NotSelected ? 0 : null;
        var start = item.TryGetProperty("start", out var st) ? DateOnly.Parse(st.GetString()!, CultureInfo.InvariantCulture) : new DateOnly(round.Year, 7, 1);
        var submitted = round.ClosesAt.AddDays(-1) < now ? round.ClosesAt.AddDays(-1) : now;
        var category = item.GetProperty("category").GetString()!;
        var summary = item.TryGetProperty("summary", out var sm) ? sm.GetString() ?? "" : "";
        return new GrantApplication
        {
            RoundId = round.Id,
            OrganizationId = organization.Id,
            OrganizationName = organization.Name,
            Street = organization.Street,
            State = state,
            Title = title,
            Summary = summary,
            Category = category,
            Beneficiaries = item.TryGetProperty("beneficiaries", out var b) ? b.GetString() ?? "" : "",
            BeneficiaryCount = item.TryGetProperty("beneficiaryCount", out var bc) ? bc.GetInt32() : 0,
            Location = organization.Street,
            StartOn = start,
            EndOn = item.TryGetProperty("end", out var en) ? DateOnly.Parse(en.GetString()!, CultureInfo.InvariantCulture) : start.AddMonths(round.MaxMonths).AddDays(-1),
            NoOtherGovernmentFunding = true,
            NoMajorViolation = true,
            BudgetLines =
            [
                new BudgetLine { Position = 0, Category = BudgetCategory.Activities, Item = "项目活动", RequestedFen = requested, MatchingFen = matching },
            ],
            RequestedFen = requested,
            MatchingFen = matching,
            SubmittedAt = state == GrantState.Draft ? null : submitted,
            ScreeningRule = state == GrantState.Failed ? (item.TryGetProperty("rule", out var rule) ? rule.GetString() : GrantEligibility.Other) : null,
            ScreeningNote = state == GrantState.Failed ? "导入" : null,
            AllocatedFen = allocated,
            AwardedFen = state == GrantState.Awarded ? allocated : null,
            AwardedOn = state == GrantState.Awarded ? DateOnly.FromDateTime(submitted).AddMonths(2) : null,
            CreatedAt = submitted,
            UpdatedAt = now,
        };
    }

    private static async Task<List<JsonElement>> ItemsAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (!context.Step.TryGetProperty("file", out var file))
        {
            return [.. context.Array("applications")];
        }

        var path = Path.Combine(context.RecipeDirectory, file.GetString() ?? "");
        if (!File.Exists(path))
        {
            context.Error($"file not found: {path}");
            return [];
        }

        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}

/// <summary>
/// Draws up, signs and pays an awarded project's agreement (demo data): <c>{ "name": "grant-agreement", "programme":
/// "公益创投", "round": "…", "title": "…", "signedOn": "2025-08-01", "file": "data/agreement.pdf", "payments": [ { "tranche":
/// 1, "yuan": "22500.00", "on": "2025-08-15", "reference": "…" } ] }</c>, through the same services and rules as the pages.
/// An optional <c>"progress"</c> array then follows the project in order, each entry one of: a payment as above; a past
/// evaluation <c>{ "evaluation": "MidTerm" | "Final", "outcome": "Pass" | "PassWithConditions" | "Fail", "on": "2026-01-20",
/// "conditions": "…", "reason": "…", "refundYuan": "5000.00" }</c> (recorded as evaluated, the refund required through the
/// money side); a repayment towards the open refund <c>{ "repaymentYuan": "5000.00", "reference": "…", "on": "…" }</c> (on
/// today when left out: a refund is required today); <c>{ "close": true }</c> (through the closure rules). Skipped when the
/// project already has an agreement.
/// </summary>
internal sealed class GrantAgreementRecipeStep(DbContext db, GrantAgreementService agreements, GrantMoneyService money, ProgressService progress, IOptions<GrantProgressOptions> progressOptions, IStringLocalizer localizer, TimeProvider clock) : IRecipeStep
{
    public string Name => "grant-agreement";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var roundName = context.RequiredString(step, "round");
        var title = context.RequiredString(step, "title");
        var programme = step.TryGetProperty("programme", out var p) ? p.GetString() ?? GrantRound.VentureFund : GrantRound.VentureFund;
        var application = await (from a in db.Set<GrantApplication>().Include(a => a.BudgetLines)
                                 join r in db.Set<GrantRound>() on a.RoundId equals r.Id
                                 where r.Programme == programme && r.Name == roundName && a.Title == title
                                 select a).SingleOrDefaultAsync(cancellationToken);
        if (application is null)
        {
            context.Error($"awarded project not found: {roundName} / {title}");
            return;
        }

        if (await db.Set<GrantAgreement>().AnyAsync(a => a.ApplicationId == application.Id, cancellationToken))
        {
            return;
        }

        try
        {
            var (created, agreement) = await agreements.CreateAsync(application, null, cancellationToken);
            if (Report(context, created))
            {
                return;
            }

            var path = Path.Combine(context.RecipeDirectory, context.RequiredString(step, "file") ?? "");
            await using (var file = File.OpenRead(path))
            {
                var signedOn = DateOnly.Parse(step.GetProperty("signedOn").GetString()!, CultureInfo.InvariantCulture);
                if (Report(context, await agreements.SignAsync(agreement!, signedOn, file, Path.GetFileName(path), agreement!.Version, cancellationToken)))
                {
                    return;
                }
            }

            foreach (var entry in context.Array("payments").Concat(context.Array("progress")))
            {
                var record = (await agreements.FileAsync(agreement.Id, cancellationToken))!;
                if (Report(context, await FollowAsync(context, record, entry, cancellationToken)))
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException or IOException)
        {
            context.Error(ex.Message);
        }
    }

    /// <summary>One step of the project's life: a payment, a past evaluation, a repayment or the closure.</summary>
    private async Task<OperationResult> FollowAsync(RecipeStepContext context, AgreementRecord record, JsonElement entry, CancellationToken cancellationToken)
    {
        if (entry.TryGetProperty("tranche", out var index))
        {
            var tranche = record.Agreement.Tranches.Single(t => t.Index == index.GetInt32());
            return await money.RecordPaymentAsync(record, tranche.Id, Fen(entry, "yuan"), Day(entry), entry.GetProperty("reference").GetString(), record.Agreement.Version, cancellationToken);
        }

        if (entry.TryGetProperty("evaluation", out var kind))
        {
            return await EvaluatedAsync(record, Enum.Parse<ReportKind>(kind.GetString()!), entry, cancellationToken);
        }

        if (entry.TryGetProperty("repaymentYuan", out _))
        {
            var refund = record.Refunds.First(r => r.OutstandingFen > 0);
            return await money.RecordRepaymentAsync(record.Agreement, refund.Id, Fen(entry, "repaymentYuan"), Day(entry), entry.GetProperty("reference").GetString(), record.Agreement.Version, cancellationToken);
        }

        if (entry.TryGetProperty("close", out var close) && close.GetBoolean())
        {
            return await agreements.CloseAsync(record.Agreement, record.Agreement.Version, cancellationToken);
        }

        context.Error($"unknown progress entry: {entry.GetRawText()}");
        return OperationResult.Ok;
    }

    /// <summary>A past evaluation as a record (the report evaluated with its outcome); a refund it asks for goes through the money side.</summary>
    private async Task<OperationResult> EvaluatedAsync(AgreementRecord record, ReportKind kind, JsonElement entry, CancellationToken cancellationToken)
    {
        string? Text(string name) => entry.TryGetProperty(name, out var value) ? value.GetString() : null;
        var input = new OutcomeInput(Enum.Parse<EvaluationOutcome>(entry.GetProperty("outcome").GetString()!), Text("conditions"), Text("reason"),
            entry.TryGetProperty("refundYuan", out _) ? Fen(entry, "refundYuan") : null);
        var errors = ProgressRules.OutcomeErrors(kind, input, record.Agreement.PaidFen);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var report = await db.Set<ProgressReport>().SingleOrDefaultAsync(r => r.AgreementId == record.Agreement.Id && r.Kind == kind, cancellationToken);
        if (report is null)
        {
            report = ProgressRules.NewReport(record.Agreement, kind, progressOptions.Value.FinalDueWorkingDays, now);
            db.Add(report);
            await db.SaveChangesAsync(cancellationToken); // the audit entries below name its id
        }

        // A past evaluation walks the report's own transitions: filed (unless it already was), then evaluated.
        var detail = $"{kind} of {record.Agreement.Title} (recipe)";
        if (report.IsEditable && progress.Transition(report, ProgressTrigger.Submit, detail) is { } notFiled)
        {
            return notFiled;
        }

        report.SubmittedAt = now;
        report.Outcome = input.Outcome;
        report.Conditions = input.Outcome == EvaluationOutcome.PassWithConditions ? input.Conditions : null;
        report.FailReason = input.Outcome == EvaluationOutcome.Fail ? input.Reason : null;
        report.RefundFen = input.RefundFen;
        if (progress.Transition(report, ProgressTrigger.Evaluate, $"{detail}: {input.Outcome}") is { } notEvaluated)
        {
            return notEvaluated;
        }

        report.EvaluatedAt = now;
        report.EvaluatedBy = "recipe";
        if (input.RefundFen is { } refund && await money.RequireRefundAsync(record.Agreement.Id, refund, input.Reason, cancellationToken) is { Succeeded: false } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>The day of an entry (<c>"on"</c>), today (China time) when left out.</summary>
    private DateOnly Day(JsonElement entry) =>
        entry.TryGetProperty("on", out var on) ? DateOnly.Parse(on.GetString()!, CultureInfo.InvariantCulture) : Registry.Core.Localization.ChinaTime.Today(clock);

    private static long Fen(JsonElement entry, string name) =>
        Money.TryParse(entry.GetProperty(name).GetString(), out var amount, out var error) ? amount.Fen : throw new FormatException($"{name}: {error}");

    /// <summary>True (after recording the errors) when the step was refused.</summary>
    private bool Report(RecipeStepContext context, OperationResult result)
    {
        if (result.Conflict)
        {
            context.Error("concurrency conflict");
        }

        foreach (var error in result.Errors)
        {
            context.Error($"{error.Field}: {localizer.Describe(error)}");
        }

        return !result.Succeeded;
    }
}
