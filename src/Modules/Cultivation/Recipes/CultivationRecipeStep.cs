using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Recipes;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;
using Registry.Organizations.Contracts;

namespace Registry.Cultivation.Recipes;

/// <summary>
/// "cultivation": hub batches through the same service officers use (audited, published as notices). Each item of
/// "hubBatches" has "number", "title", "decisionNumber", "decidedOn" (yyyy-MM-dd) and "hubs", each with "code" (USCC or
/// filing number), "field", optional "street" and "members" (codes). Idempotent: a batch whose number exists is not
/// recognised again, and members already linked are skipped.
/// "serviceListCalls": past calls of the recommended list, through the same service and transition tables: "year",
/// "title", "opensOn", "closesOn", "minimumGrade", "requireQualifiedInspection", "excludeCreditListed", "applications"
/// (each "code", "serviceField", "services", optional "decision" Approve/Reject with "note", "removed" with a note for an
/// upheld objection), then as far as the history went: "closedOn", "publishedOn" with "publicityEnd", "announcedOn"; and
/// "contracts" (each "code", "department", "project", "amountYuan", "startsOn", "endsOn"). A call whose year exists is
/// skipped; a contract already recorded (same organization, project and start) is skipped.
/// "incubationBases": bases ("name", "operatorCode", "address", "capacity", "openedOn") with their "residents" ("name",
/// optional "code", "serviceField", "mentor", "enteredOn", "plannedExitOn", then as far as the stay went "startedOn",
/// "graduatedOn" with optional "graduateCode" and "note", or "leftOn" with "note"; and "services", each "on" and
/// "description"). A base is found by name, a stay by its base, name and entry day; what exists is skipped.
/// </summary>
internal sealed class CultivationRecipeStep(DbContext db, HubService hubs, ServiceListService serviceList, IncubationService incubation, IOrganizationRegister register) : IRecipeStep
{
    public string Name => "cultivation";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var item in context.Array("hubBatches"))
        {
            await BatchAsync(context, item, cancellationToken);
        }

        foreach (var item in context.Array("serviceListCalls"))
        {
            await CallAsync(context, item, cancellationToken);
        }

        foreach (var item in context.Array("incubationBases"))
        {
            await IncubationBaseAsync(context, item, cancellationToken);
        }
    }

    private async Task IncubationBaseAsync(RecipeStepContext context, JsonElement item, CancellationToken cancellationToken)
    {
        var name = String(item, "name") ?? "";
        var baseId = await db.Set<IncubationBase>().Where(b => b.Name == name).Select(b => (int?)b.Id).SingleOrDefaultAsync(cancellationToken);
        if (baseId is null)
        {
            var (created, result) = await incubation.CreateBaseAsync(new BaseInput(name, String(item, "operatorCode"), String(item, "address"), Int(item, "capacity"), Date(item, "openedOn")), cancellationToken);
            if (!Report(context, $"incubation base {name}", result))
            {
                return;
            }

            baseId = created!.Id;
        }

        foreach (var resident in Items(item, "residents"))
        {
            var label = $"incubation {name}: {String(resident, "name")}";
            var enteredOn = Date(resident, "enteredOn");
            var residentName = (String(resident, "name") ?? "").Trim();
            if (await db.Set<IncubatedOrganization>().AnyAsync(s => s.BaseId == baseId && s.Name == residentName && s.EnteredOn == enteredOn, cancellationToken))
            {
                continue;
            }

            var found = (await incubation.FindBaseAsync(baseId.Value, cancellationToken))!;
            var (stay, entered) = await incubation.EnterAsync(found, new EntryInput(residentName, String(resident, "code"), String(resident, "serviceField"), String(resident, "mentor"), enteredOn, Date(resident, "plannedExitOn")), cancellationToken);
            if (!Report(context, label, entered))
            {
                continue;
            }

            foreach (var service in Items(resident, "services"))
            {
                Report(context, label, await incubation.AddServiceAsync(stay!, Date(service, "on"), String(service, "description"), cancellationToken));
            }

            if (Date(resident, "startedOn") is { } startedOn && Report(context, label, await incubation.MoveAsync(stay!, IncubationTrigger.Start, startedOn, null, null, cancellationToken)))
            {
                if (Date(resident, "graduatedOn") is { } graduatedOn)
                {
                    Report(context, label, await incubation.MoveAsync(stay!, IncubationTrigger.Graduate, graduatedOn, String(resident, "graduateCode"), String(resident, "note"), cancellationToken));
                }
            }

            if (Date(resident, "leftOn") is { } leftOn)
            {
                Report(context, label, await incubation.MoveAsync(stay!, IncubationTrigger.Leave, leftOn, null, String(resident, "note"), cancellationToken));
            }
        }
    }

    private async Task CallAsync(RecipeStepContext context, JsonElement item, CancellationToken cancellationToken)
    {
        if (!item.TryGetProperty("year", out var y) || y.ValueKind != JsonValueKind.Number || !y.TryGetInt32(out var year))
        {
            context.Error("service-list call without a year");
            return;
        }

        if (!await db.Set<ServiceListCall>().AnyAsync(c => c.Year == year, cancellationToken))
        {
            var (created, result) = await serviceList.CreateCallAsync(new CallInput(
                year, String(item, "title"), Date(item, "opensOn"), Date(item, "closesOn"), Int(item, "minimumGrade") ?? 0,
                Bool(item, "requireQualifiedInspection"), Bool(item, "excludeCreditListed")), cancellationToken);
            if (!Report(context, $"service-list {year}", result))
            {
                return;
            }

            await HistoryAsync(context, created!, item, cancellationToken);
        }

        foreach (var contract in Items(item, "contracts"))
        {
            var code = (String(contract, "code") ?? "").ToUpperInvariant();
            var project = String(contract, "project");
            var startsOn = Date(contract, "startsOn");
            var organizationId = await OrganizationIdAsync(code, cancellationToken);
            if (await db.Set<PurchaseContract>().AnyAsync(c => c.OrganizationId == organizationId && c.Project == project && c.StartsOn == startsOn, cancellationToken))
            {
                continue;
            }

            var amount = contract.TryGetProperty("amountYuan", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetDecimal().ToString(CultureInfo.InvariantCulture) : String(contract, "amountYuan");
            var (_, recorded) = await serviceList.RecordContractAsync(code, String(contract, "department"), project, amount, startsOn, Date(contract, "endsOn"), cancellationToken);
            Report(context, $"service-list {year} contract {code}", recorded);
        }
    }

    /// <summary>Replays a past call: applications, closing, decisions, 公示, upheld objections, announcement, each dated.</summary>
    private async Task HistoryAsync(RecipeStepContext context, ServiceListCall created, JsonElement item, CancellationToken cancellationToken)
    {
        var label = $"service-list {created.Year}";
        var submittedAt = created.OpensOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        var submitted = new List<(JsonElement Application, int Id)>();
        foreach (var application in Items(item, "applications"))
        {
            var code = (String(application, "code") ?? "").ToUpperInvariant();
            var organizationId = await OrganizationIdAsync(code, cancellationToken);
            if (organizationId is null)
            {
                context.Error($"{label}: no organization {code}");
                continue;
            }

            var call = (await serviceList.FindCallAsync(created.Id, cancellationToken))!;
            var (saved, result) = await serviceList.SubmitAsync(call, organizationId.Value, String(application, "serviceField"), String(application, "services"), submittedAt, cancellationToken);
            if (Report(context, $"{label} {code}", result))
            {
                submitted.Add((application, saved!.Id));
            }
        }

        if (Date(item, "closedOn") is not { } closedOn || !await StepAsync(context, label, created.Id, CallTrigger.Close, closedOn, null, cancellationToken))
        {
            return;
        }

        foreach (var (application, id) in submitted)
        {
            if (String(application, "decision") is { } decision && Enum.TryParse<ServiceApplicationTrigger>(decision, out var trigger))
            {
                var call = (await serviceList.FindCallAsync(created.Id, cancellationToken))!;
                Report(context, $"{label} decision {id}", await serviceList.DecideAsync(call, id, trigger, String(application, "note"), cancellationToken));
            }
        }

        if (Date(item, "publishedOn") is not { } publishedOn || !await StepAsync(context, label, created.Id, CallTrigger.Publish, publishedOn, Date(item, "publicityEnd"), cancellationToken))
        {
            return;
        }

        foreach (var (application, id) in submitted)
        {
            if (String(application, "removed") is { } objection)
            {
                var call = (await serviceList.FindCallAsync(created.Id, cancellationToken))!;
                Report(context, $"{label} objection {id}", await serviceList.DecideAsync(call, id, ServiceApplicationTrigger.Remove, objection, cancellationToken));
            }
        }

        if (Date(item, "announcedOn") is { } announcedOn)
        {
            await StepAsync(context, label, created.Id, CallTrigger.Announce, announcedOn, null, cancellationToken);
        }
    }

    private async Task<bool> StepAsync(RecipeStepContext context, string label, int callId, CallTrigger trigger, DateOnly on, DateOnly? publicityEnd, CancellationToken cancellationToken)
    {
        var call = (await serviceList.FindCallAsync(callId, cancellationToken))!;
        return Report(context, $"{label} {trigger}", await serviceList.StepOnAsync(call, trigger, on, publicityEnd, cancellationToken));
    }

    private async Task<int?> OrganizationIdAsync(string code, CancellationToken cancellationToken) =>
        code.Length == 0 ? null : (await register.FindByCodesAsync([code], cancellationToken)).Select(o => (int?)o.Id).FirstOrDefault();

    private static bool Report(RecipeStepContext context, string label, Core.Forms.OperationResult result)
    {
        if (!result.Succeeded)
        {
            context.Error($"{label}: {string.Join(", ", result.Errors.Select(e => e.Key + " " + string.Join("/", e.Args)))}");
        }

        return result.Succeeded;
    }

    private static DateOnly? Date(JsonElement item, string property) =>
        DateOnly.TryParseExact(String(item, property), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static int? Int(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;

    private static bool Bool(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

    private async Task BatchAsync(RecipeStepContext context, JsonElement item, CancellationToken cancellationToken)
    {
        if (!item.TryGetProperty("number", out var n) || !n.TryGetInt32(out var number))
        {
            context.Error("hub batch without a number");
            return;
        }

        var lines = Items(item, "hubs").Select(h => new HubLine((String(h, "code") ?? "").ToUpperInvariant(), String(h, "field") ?? "", String(h, "street"))).ToList();
        if (!await db.Set<HubBatch>().AnyAsync(b => b.Number == number, cancellationToken))
        {
            var decidedOn = DateOnly.TryParseExact(String(item, "decidedOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
            var (_, result) = await hubs.RecognizeAsync(new BatchInput(number, String(item, "title") ?? "", String(item, "decisionNumber") ?? "", decidedOn, lines), cancellationToken);
            if (!result.Succeeded)
            {
                context.Error($"hub batch {number}: {string.Join(", ", result.Errors.Select(e => e.Key + " " + string.Join("/", e.Args)))}");
                return;
            }
        }

        var batch = await db.Set<HubBatch>().AsNoTracking().Include(b => b.Hubs).SingleAsync(b => b.Number == number, cancellationToken);
        foreach (var h in Items(item, "hubs"))
        {
            var field = String(h, "field");
            var code = (String(h, "code") ?? "").ToUpperInvariant();
            var street = String(h, "street");
            var hubId = batch.Hubs.Where(x => x.Field == field && x.Street == street).Select(x => (int?)x.Id).FirstOrDefault();
            var hub = hubId is { } id ? await hubs.FindAsync(id, cancellationToken) : null;
            if (hub is null)
            {
                context.Error($"hub batch {number}: no hub {code} for {field}");
                continue;
            }

            foreach (var member in Items(h, "members").Select(m => m.GetString() ?? ""))
            {
                var result = await hubs.AddMemberAsync(hub, member, cancellationToken);
                if (!result.Succeeded && result.Errors.All(e => e.Key != "Cult.Error.AlreadyMember"))
                {
                    context.Error($"hub {hub.OrganizationName}: member {member}: {string.Join(", ", result.Errors.Select(e => e.Key))}");
                }
            }
        }
    }

    private static JsonElement[] Items(JsonElement item, string property) =>
        item.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];

    private static string? String(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
