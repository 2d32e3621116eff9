using System.Text.Json;
using Registry.Content.Domain;
using Registry.Content.Services.Site;
using Registry.Core.Recipes;

namespace Registry.Content.Recipes;

/// <summary>
/// "site": the footer settings, the home page zones and the menus, written through the same services the back office
/// uses (validated, audited). Idempotent: each part is applied only while it has never been saved, so a rerun (or a
/// recipe loaded after an editor changed the site) changes nothing. Menu entries are
/// <c>{ "labelZh", "labelEn", "kind": "ModulePage"|"External"|"Content", "url" | "contentId", "children": [ … ] }</c>.
/// </summary>
internal sealed class SiteRecipeStep(SiteMenus menus, SiteSettings settings) : IRecipeStep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public string Name => "site";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Step.TryGetProperty("footer", out var footerJson) && (await settings.FooterAsync(cancellationToken)).Version == 0)
        {
            var footer = footerJson.Deserialize<FooterSettings>(Json) ?? new FooterSettings();
            Report(context, "footer", await settings.SaveFooterAsync(footer, 0, cancellationToken));
        }

        if (context.Step.TryGetProperty("home", out var homeJson) && await settings.HomePageAsync(cancellationToken) is null)
        {
            List<HomeZone>? zones = null;
            try
            {
                zones = homeJson.GetProperty("zones").Deserialize<List<HomeZone>>(Json);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                context.Error($"home: {ex.Message}");
            }

            if (zones is not null)
            {
                Report(context, "home", await settings.SaveHomeAsync(zones, 0, cancellationToken));
            }
        }

        foreach (var menuJson in context.Array("menus"))
        {
            var name = context.RequiredString(menuJson, "name");
            if (name is null)
            {
                continue;
            }

            if (!MenuNames.All.Contains(name))
            {
                context.Error($"menu '{name}': unknown ({string.Join(", ", MenuNames.All)})");
                continue;
            }

            if (await menus.FindAsync(name, cancellationToken) is not null)
            {
                continue;
            }

            var menu = await menus.CustomizeAsync(name, (key, _) => key, cancellationToken);
            // The recipe's entries replace the module entries the main menu starts with.
            foreach (var item in menu.Items.Where(i => i.ParentId is null).ToList())
            {
                Report(context, $"menu '{name}'", await menus.DeleteItemAsync(menu, item.Id, menu.Version, cancellationToken));
            }

            foreach (var entry in menuJson.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : default)
            {
                var parentId = await AddAsync(context, menu, entry, null, cancellationToken);
                if (parentId is null || !entry.TryGetProperty("children", out var children) || children.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var child in children.EnumerateArray())
                {
                    await AddAsync(context, menu, child, parentId, cancellationToken);
                }
            }
        }
    }

    private async Task<int?> AddAsync(RecipeStepContext context, Menu menu, JsonElement entry, int? parentId, CancellationToken cancellationToken)
    {
        var kindText = entry.TryGetProperty("kind", out var k) ? k.GetString() : nameof(MenuLinkKind.ModulePage);
        if (!Enum.TryParse<MenuLinkKind>(kindText, out var kind) || !Enum.IsDefined(kind))
        {
            context.Error($"menu '{menu.Name}': unknown kind '{kindText}' ({string.Join(", ", Enum.GetNames<MenuLinkKind>())})");
            return null;
        }

        var input = new MenuItemInput(
            parentId,
            entry.TryGetProperty("labelZh", out var zh) ? zh.GetString() : null,
            entry.TryGetProperty("labelEn", out var en) ? en.GetString() : null,
            kind,
            entry.TryGetProperty("contentId", out var c) && c.TryGetInt64(out var contentId) ? contentId : null,
            entry.TryGetProperty("url", out var u) ? u.GetString() : null);
        var result = await menus.SaveItemAsync(menu, null, input, menu.Version, cancellationToken);
        Report(context, $"menu '{menu.Name}' entry '{input.LabelZh}'", result);
        return result.Succeeded ? menu.Items.Max(i => i.Id) : null;
    }

    private static void Report(RecipeStepContext context, string where, Core.Forms.OperationResult result)
    {
        foreach (var error in result.Errors)
        {
            context.Error($"{where}: {error.Field} {error.Key}");
        }

        if (result.Conflict)
        {
            context.Error($"{where}: changed while the recipe ran");
        }
    }
}
