using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Content.Contracts;
using Registry.Content.Domain;
using Registry.Core.Localization;

namespace Registry.Content.Services;

/// <summary>Counts policies from their published versions' parts (Chinese variants only: an English one is the same document).</summary>
internal sealed class PolicyFigures(DbContext db, ContentReader reader) : IPolicyFigures
{
    public async Task<PolicyYearFigures> CountAsync(string level, string issuer, int year, CancellationToken cancellationToken)
    {
        var items = await reader.Public()
            .Where(i => i.Type == PolicyType.TypeName && i.Culture == ContentCultures.Chinese)
            .Select(i => new { i.Id, i.PublishedVersion, i.PublishAt })
            .ToListAsync(cancellationToken);
        var ids = items.Select(i => i.Id).ToList();
        var versions = (await db.Set<ContentVersion>().AsNoTracking()
                .Where(v => ids.Contains(v.ItemId))
                .Select(v => new { v.ItemId, v.Number, v.PartsJson, v.CreatedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(v => v.ItemId);
        int issued = 0, repealed = 0, inForce = 0;
        foreach (var item in items)
        {
            var history = versions[item.Id].Where(v => v.Number <= item.PublishedVersion).OrderBy(v => v.Number)
                .Select(v => (Parts: ContentParts.Parse(v.PartsJson), v.CreatedAt)).ToList();
            if (history.Count == 0)
            {
                continue;
            }

            var current = history[^1].Parts;
            if (current[PolicyType.Part, "level"] != level || !string.Equals(current[PolicyType.Part, "issuer"]?.Trim(), issuer.Trim(), StringComparison.Ordinal))
            {
                continue;
            }

            var written = DateOnly.TryParseExact(current[PolicyType.Part, "writtenOn"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)
                ? on
                : ChinaTime.Date(item.PublishAt!.Value);
            if (written.Year == year)
            {
                issued++;
            }

            var validity = current[PolicyType.Part, "validity"];
            if (validity == "InForce")
            {
                inForce++;
            }
            else if (validity == "Repealed"
                && history.FirstOrDefault(h => h.Parts[PolicyType.Part, "validity"] == "Repealed") is { Parts: not null } first
                && ChinaTime.Date(first.CreatedAt).Year == year)
            {
                repealed++;
            }
        }

        return new PolicyYearFigures(issued, repealed, inForce);
    }
}
