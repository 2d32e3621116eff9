using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Organizations.Contracts;
using Registry.Core.Recipes;
using Registry.Supervision.Domain;
using Registry.Supervision.Services;

namespace Registry.Supervision.Recipes;

/// <summary>
/// "supervision": demo penalty cases and spot-check plans, through the same services officers use (audited, through the
/// workflows). Cases (idempotent by organization and cause): "code" (USCC or filing number), "cause", "legalBasis", and
/// "measures" ({"warning", "fineYuan", "suspensionMonths", "revoke"}) notified and, with "decide": true, decided (a hearing the
/// measures qualify for is recorded as waived). Plans (idempotent by title): the plan's fields as on the form, the
/// "inspectors" names, "commit" and "draw".
/// </summary>
internal sealed class SupervisionRecipeStep(DbContext db, IOrganizationRegister register, CaseService cases, PlanService plans) : IRecipeStep
{
    public string Name => "supervision";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var item in context.Array("cases"))
        {
            await CaseAsync(context, item, cancellationToken);
        }

        foreach (var item in context.Array("plans"))
        {
            await PlanAsync(context, item, cancellationToken);
        }
    }

    private async Task CaseAsync(RecipeStepContext context, JsonElement item, CancellationToken cancellationToken)
    {
        var code = context.RequiredString(item, "code");
        var cause = context.RequiredString(item, "cause");
        if (code is null || cause is null)
        {
            return;
        }

        var found = await register.FindByCodesAsync([code], cancellationToken);
        if (found.Count != 1)
        {
            context.Error($"case '{cause}': no organization {code}");
            return;
        }

        if (await db.Set<PenaltyCase>().AnyAsync(c => c.OrganizationId == found[0].Id && c.Cause == cause, cancellationToken))
        {
            return;
        }

        var (filed, result) = await cases.FileAsync(new CaseFiling(found[0].Id, CaseSource.Officer, null, cause, String(item, "legalBasis"), String(item, "facts")), cancellationToken);
        if (filed is null)
        {
            context.Error($"case '{cause}': {string.Join(", ", result.Errors.Select(e => e.Key))}");
            return;
        }

        var measures = new PenaltyMeasures();
        if (item.TryGetProperty("measures", out var m))
        {
            measures.Warning = m.TryGetProperty("warning", out var w) && w.ValueKind == JsonValueKind.True;
            measures.FineFen = m.TryGetProperty("fineYuan", out var f) && f.TryGetInt64(out var yuan) ? yuan * 100 : 0;
            measures.SuspensionMonths = m.TryGetProperty("suspensionMonths", out var s) && s.TryGetInt32(out var months) ? months : 0;
            measures.RevokeRegistration = m.TryGetProperty("revoke", out var r) && r.ValueKind == JsonValueKind.True;
        }

        var decide = item.TryGetProperty("decide", out var d) && d.ValueKind == JsonValueKind.True;
        foreach (var (trigger, input) in new (CaseTrigger, CaseStepInput)[]
        {
            (CaseTrigger.Investigate, new CaseStepInput()),
            (CaseTrigger.Notify, new CaseStepInput(measures, HearingWaived: decide)),
        })
        {
            var step = await cases.StepAsync(filed, trigger, input, filed.Version, cancellationToken);
            if (!step.Succeeded)
            {
                context.Error($"case '{cause}' {trigger}: {string.Join(", ", step.Errors.Select(e => e.Key))}");
                return;
            }
        }

        if (decide)
        {
            var decided = await cases.StepAsync(filed, CaseTrigger.Decide, new CaseStepInput(measures, Note: String(item, "reasoning") ?? cause), filed.Version, cancellationToken);
            if (!decided.Succeeded)
            {
                context.Error($"case '{cause}' Decide: {string.Join(", ", decided.Errors.Select(e => e.Key))}");
            }
        }
    }

    private async Task PlanAsync(RecipeStepContext context, JsonElement item, CancellationToken cancellationToken)
    {
        var title = context.RequiredString(item, "title");
        if (title is null || await db.Set<InspectionPlan>().AnyAsync(p => p.Title == title, cancellationToken))
        {
            return;
        }

        var input = new PlanInput(
            item.TryGetProperty("year", out var y) && y.TryGetInt32(out var year) ? year : DateTime.UtcNow.Year,
            item.TryGetProperty("quarter", out var q) && q.TryGetInt32(out var quarter) ? quarter : null,
            title, String(item, "types"), String(item, "streets"), null, StandingFilter.Any,
            item.TryGetProperty("sharePercent", out var sp) && sp.TryGetDecimal(out var share) ? share : null,
            item.TryGetProperty("drawCount", out var dc) && dc.TryGetInt32(out var count) ? count : null,
            Enum.TryParse<StrataBy>(String(item, "strata"), out var strata) ? strata : StrataBy.None,
            item.TryGetProperty("inspectorsPerCheck", out var ip) && ip.TryGetInt32(out var per) ? per : 2,
            String(item, "items"));
        var inspectors = item.TryGetProperty("inspectors", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(i => (i.GetString() ?? "", (string?)null, false)).Where(i => i.Item1.Length > 0).ToList()
            : [];
        var (plan, result) = await plans.CreateAsync(input, inspectors, cancellationToken);
        if (plan is null)
        {
            context.Error($"plan '{title}': {string.Join(", ", result.Errors.Select(e => e.Key))}");
            return;
        }

        if (item.TryGetProperty("commit", out var c) && c.ValueKind == JsonValueKind.True)
        {
            var committed = await plans.CommitAsync(plan, plan.Version, cancellationToken);
            if (committed.Succeeded && item.TryGetProperty("draw", out var dr) && dr.ValueKind == JsonValueKind.True)
            {
                committed = await plans.DrawAsync(plan, plan.Version, cancellationToken);
            }

            if (!committed.Succeeded)
            {
                context.Error($"plan '{title}': {string.Join(", ", committed.Errors.Select(e => e.Key))}");
            }
        }
    }

    private static string? String(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
