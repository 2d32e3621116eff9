using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Recipes;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;

namespace Registry.Cultivation.Recipes;

/// <summary>
/// "cultivation": hub batches through the same service officers use (audited, published as notices). Each item of
/// "hubBatches" has "number", "title", "decisionNumber", "decidedOn" (yyyy-MM-dd) and "hubs", each with "code" (USCC or
/// filing number), "field", optional "street" and "members" (codes). Idempotent: a batch whose number exists is not
/// recognised again, and members already linked are skipped.
/// </summary>
internal sealed class CultivationRecipeStep(DbContext db, HubService hubs) : IRecipeStep
{
    public string Name => "cultivation";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var item in context.Array("hubBatches"))
        {
            await BatchAsync(context, item, cancellationToken);
        }
    }

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
