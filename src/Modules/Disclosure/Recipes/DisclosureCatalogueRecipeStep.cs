using System.Globalization;
using System.Text.Json;
using Registry.Core.Recipes;
using Registry.Disclosure.Contracts;
using Registry.Disclosure.Domain;
using Registry.Disclosure.Services;

namespace Registry.Disclosure.Recipes;

/// <summary>
/// "disclosure-catalogue": catalogue entries of information published elsewhere (a link, never the text), upserted by "key".
/// "indexNumber" imports a number an earlier system gave (e.g. 002943993/2016-61430); without it one is assigned from the
/// scheme. Dates are yyyy-MM-dd.
/// </summary>
internal sealed class DisclosureCatalogueRecipeStep(CatalogueService catalogue) : IRecipeStep
{
    public string Name => "disclosure-catalogue";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var item in context.Array("items"))
        {
            var key = context.RequiredString(item, "key");
            var title = context.RequiredString(item, "title");
            var category = context.RequiredString(item, "category");
            var url = context.RequiredString(item, "url");
            if (key is null || title is null || category is null || url is null)
            {
                continue;
            }

            if (!TryDate(item, "publishedOn", out var published) || published is null | !TryDate(item, "writtenOn", out var written))
            {
                context.Error($"catalogue item '{key}': dates are yyyy-MM-dd and publishedOn is required");
                continue;
            }

            var mode = DisclosureMode.Proactive;
            if (String(item, "mode") is { } modeText && (!Enum.TryParse(modeText, out mode) || !Enum.IsDefined(mode)))
            {
                context.Error($"catalogue item '{key}': unknown mode '{modeText}'");
                continue;
            }

            var entry = new CatalogueEntry("Recipe", key, title, category, url, published!.Value, String(item, "publisher"), written, String(item, "documentNumber"), String(item, "topic"));
            await catalogue.PublishAsync(entry, String(item, "indexNumber"), mode, cancellationToken);
        }
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString()!.Trim() : null;

    private static bool TryDate(JsonElement element, string property, out DateOnly? date)
    {
        date = null;
        if (String(element, property) is not { } text)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }
}
