using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Content.Domain;
using Registry.Content.Services;
using Registry.Core.Localization;
using Registry.Core.Recipes;

namespace Registry.Content.Recipes;

/// <summary>
/// "content": items written through the same service editors use (versioned, audited, on the outbox). Idempotent by
/// type + culture + slug: an existing item is left as it is. Each item: <c>type</c>, <c>slug</c>, <c>title</c>,
/// <c>summary</c>, <c>body</c> (HTML string or array of lines), <c>category</c>, <c>parts</c> (object of part → field →
/// text; a <c>replacedBy</c> of <c>"slug:…"</c> names another policy), <c>publishedOn</c> ("yyyy-MM-dd" or a day offset
/// such as "-3"; absent: stays a draft), <c>culture</c> (default zh-CN) and <c>variants</c> (other-culture versions of the
/// same item, with their own slug, title, summary, body).
/// </summary>
internal sealed class ContentRecipeStep(DbContext db, ContentService content, TimeProvider clock) : IRecipeStep
{
    public string Name => "content";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        // Policies that replace others are written after them when listed in that order; a reference to a later one is resolved in a second pass.
        var pending = new List<(ContentItem Item, string Part, string Field, string Slug)>();
        foreach (var element in context.Array("items"))
        {
            var original = await WriteAsync(context, element, null, null, pending, cancellationToken);
            if (original is null || !element.TryGetProperty("variants", out var variants) || variants.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var variant in variants.EnumerateArray())
            {
                await WriteAsync(context, variant, original, element, pending, cancellationToken);
            }
        }

        foreach (var (item, part, field, slug) in pending)
        {
            context.Error($"{item.Type} '{item.Slug}': {part}.{field} names unknown item '{slug}'");
        }
    }

    private async Task<ContentItem?> WriteAsync(RecipeStepContext context, JsonElement element, ContentItem? original, JsonElement? parent, List<(ContentItem, string, string, string)> pending, CancellationToken cancellationToken)
    {
        var type = original?.Type ?? context.RequiredString(element, "type");
        var slug = context.RequiredString(element, "slug")?.Trim();
        var culture = String(element, "culture") ?? (original is null ? ContentCultures.Chinese : ContentCultures.English);
        if (type is null || slug is null)
        {
            return null;
        }

        var existing = await db.Set<ContentItem>().SingleOrDefaultAsync(i => i.Type == type && i.Culture == culture && i.Slug == slug, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var where = $"{type} {culture} '{slug}'";
        var parts = new ContentParts();
        var references = new List<(string Part, string Field, string Slug)>();
        var partsElement = element.TryGetProperty("parts", out var p) ? p : parent is { } pe && pe.TryGetProperty("parts", out var pp) ? pp : default;
        if (partsElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var part in partsElement.EnumerateObject())
            {
                foreach (var field in part.Value.EnumerateObject())
                {
                    var value = field.Value.ValueKind == JsonValueKind.Array
                        ? string.Join('\n', field.Value.EnumerateArray().Select(v => v.GetString()))
                        : field.Value.ToString();
                    if (value.StartsWith("slug:", StringComparison.Ordinal))
                    {
                        var target = value["slug:".Length..];
                        var id = await db.Set<ContentItem>().Where(i => i.Type == type && i.Slug == target && i.Culture == culture).Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken);
                        if (id is null)
                        {
                            references.Add((part.Name, field.Name, target));
                            continue;
                        }

                        value = id.Value.ToString(CultureInfo.InvariantCulture);
                    }

                    parts[part.Name, field.Name] = value;
                }
            }
        }

        var category = String(element, "category") ?? (parent is { } c ? String(c, "category") : null);
        var fields = new ContentFields(context.RequiredString(element, "title") ?? "", String(element, "summary"), Body(element), slug, category, parts);
        var (item, result) = await content.CreateAsync(type, culture, original?.Id, fields, cancellationToken);
        if (item is null)
        {
            context.Error($"{where}: {string.Join(", ", result.Errors.Select(e => $"{e.Field} {e.Key}"))}");
            return null;
        }

        pending.AddRange(references.Select(r => (item, r.Part, r.Field, r.Slug)));
        var publishedOn = String(element, "publishedOn") ?? (parent is { } d ? String(d, "publishedOn") : null);
        if (publishedOn is not null)
        {
            if (!TryDate(publishedOn, out var day))
            {
                context.Error($"{where}: publishedOn is yyyy-MM-dd or a day offset such as -3");
                return item;
            }

            // 09:00 Beijing time on that day, never in the future.
            var at = ChinaTime.StartUtc(day).AddHours(9);
            var now = clock.GetUtcNow().UtcDateTime;
            var published = await content.PublishImportedAsync(item, at > now ? now : at, cancellationToken);
            if (!published.Succeeded)
            {
                context.Error($"{where}: not published ({string.Join(", ", published.Errors.Select(e => e.Key))})");
            }
        }

        return item;
    }

    private bool TryDate(string text, out DateOnly day)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset))
        {
            day = ChinaTime.Today(clock).AddDays(offset);
            return true;
        }

        return false;
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString()!.Trim() : null;

    private static string Body(JsonElement element) =>
        !element.TryGetProperty("body", out var body) ? ""
        : body.ValueKind == JsonValueKind.Array ? string.Join('\n', body.EnumerateArray().Select(l => l.GetString()))
        : body.GetString() ?? "";
}
