using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Recipes;
using Registry.Core.Settings;
using Registry.Documents.Domain;
using Registry.Documents.Services;

namespace Registry.Documents.Recipes;

/// <summary>
/// "document-numbering": the bureau's 文号 pattern per document kind, e.g. <c>{ "formats": { "RegistrationApproval":
/// "海民社登〔{year}〕{seq}号" } }</c>, and the 行政复议 authority named in refusals (<c>"reviewAuthority"</c>). Stored as
/// settings (<c>Documents.NumberFormat.&lt;Kind&gt;</c>, <c>Documents.ReviewAuthority</c>) the admin can change later.
/// </summary>
internal sealed class DocumentNumberingRecipeStep(ISettings settings) : IRecipeStep
{
    public string Name => "document-numbering";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Step.TryGetProperty("formats", out var formats) && formats.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in formats.EnumerateObject())
            {
                if (!Enum.TryParse<DocumentKind>(property.Name, out var kind) || !Enum.IsDefined(kind))
                {
                    context.Error($"unknown document kind '{property.Name}'");
                    continue;
                }

                var pattern = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                if (DocumentNumbers.Validate(pattern) is { } error)
                {
                    context.Error($"{property.Name}: '{pattern}' is not a usable number format ({error}: {{year}} and {{seq}} or {{seq:N}} once each)");
                    continue;
                }

                await settings.SetAsync(DocumentKinds.NumberFormatSetting(kind), pattern!, cancellationToken);
            }
        }

        if (context.Step.TryGetProperty("reviewAuthority", out var authority) && authority.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(authority.GetString()))
        {
            await settings.SetAsync(DocumentSettings.ReviewAuthority, authority.GetString()!.Trim(), cancellationToken);
        }
    }
}

/// <summary>
/// "document-templates": seeds the Liquid template of every kind that has none yet with the module's default (an admin's
/// edits are kept on a rerun); <c>"templates": { "Kind": "file.liquid" }</c> loads a bureau's own from files next to the recipe.
/// </summary>
internal sealed class DocumentTemplatesRecipeStep(DbContext db, TimeProvider clock) : IRecipeStep
{
    public string Name => "document-templates";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var own = new Dictionary<DocumentKind, string>();
        if (context.Step.TryGetProperty("templates", out var templates) && templates.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in templates.EnumerateObject())
            {
                if (!Enum.TryParse<DocumentKind>(property.Name, out var kind) || !Enum.IsDefined(kind) || property.Value.ValueKind != JsonValueKind.String)
                {
                    context.Error($"unknown document kind '{property.Name}' or no file name");
                    continue;
                }

                var path = Path.Combine(context.RecipeDirectory, property.Value.GetString()!);
                if (!File.Exists(path))
                {
                    context.Error($"{property.Name}: template file '{property.Value.GetString()}' not found");
                    continue;
                }

                var body = await File.ReadAllTextAsync(path, cancellationToken);
                if (DocumentTemplates.Check(body) is { } error)
                {
                    context.Error($"{property.Name}: {error}");
                    continue;
                }

                own[kind] = body;
            }
        }

        var existing = await db.Set<DocumentTemplate>().Select(t => t.Kind).ToListAsync(cancellationToken);
        foreach (var kind in DocumentKinds.All.Where(k => !existing.Contains(k)))
        {
            db.Add(new DocumentTemplate { Kind = kind, Body = own.GetValueOrDefault(kind) ?? DocumentTemplates.Default(kind), UpdatedAt = clock.GetUtcNow().UtcDateTime, UpdatedBy = "recipe" });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
