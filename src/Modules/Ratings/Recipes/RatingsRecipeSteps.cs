using System.Text.Json;
using Registry.Core.Recipes;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;

namespace Registry.Ratings.Recipes;

/// <summary>
/// Loads rubrics: <c>{ "name": "rating-rubrics", "rubrics": [ { "code": "social-group", "organizationType": "SocialGroup",
/// "title": "…", "bonusCap": 50, "groups": [ { "code": "A", "name": "基础条件", "indicators": [ { "code": "A1", "name": "…",
/// "max": 20, "guidance": "…" } ] } ] } ] }</c> or <c>"file": "data/rubrics.json"</c> with that array. An unchanged
/// rubric is not loaded again; a changed one becomes its next version (campaigns keep theirs).
/// </summary>
internal sealed class RatingRubricsRecipeStep(RubricStore store) : IRecipeStep
{
    public string Name => "rating-rubrics";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        JsonElement rubrics;
        if (context.Step.TryGetProperty("file", out var file))
        {
            var path = Path.Combine(context.RecipeDirectory, file.GetString() ?? "");
            if (!File.Exists(path))
            {
                context.Error($"file not found: {path}");
                return;
            }

            rubrics = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken)).RootElement.Clone();
        }
        else if (!context.Step.TryGetProperty("rubrics", out rubrics))
        {
            context.Error("'rubrics' or 'file' is required");
            return;
        }

        foreach (var item in rubrics.EnumerateArray())
        {
            try
            {
                var code = item.GetProperty("code").GetString() ?? "";
                var definition = item.Deserialize<RubricDefinition>(RubricDefinition.Json) ?? new RubricDefinition();
                var problems = await store.LoadAsync(code, item.GetProperty("organizationType").GetString() ?? "", item.GetProperty("title").GetString() ?? code, definition, cancellationToken);
                foreach (var problem in problems)
                {
                    context.Error($"rubric {code}: {problem}");
                }
            }
            catch (Exception ex) when (ex is KeyNotFoundException or JsonException or InvalidOperationException)
            {
                context.Error(ex.Message);
            }
        }
    }
}
