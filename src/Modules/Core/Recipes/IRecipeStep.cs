using System.Text.Json;

namespace Registry.Core.Recipes;

/// <summary>A named, idempotent recipe step owned by one module (kebab-case name).</summary>
public interface IRecipeStep
{
    string Name { get; }

    /// <summary>Applies the step; report bad data through <see cref="RecipeStepContext.Error"/> rather than throwing, so all errors are shown together.</summary>
    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);
}

/// <summary>What a step sees: its JSON, where the recipe file lives, and the run's error list.</summary>
public sealed class RecipeStepContext(JsonElement step, string recipeDirectory, int stepIndex, List<string> errors)
{
    public JsonElement Step { get; } = step;

    public string RecipeDirectory { get; } = recipeDirectory;

    public int StepIndex { get; } = stepIndex;

    public IReadOnlyList<string> Errors => errors;

    public void Error(string message) => errors.Add($"step {StepIndex} ({Step.GetProperty("name").GetString()}): {message}");

    /// <summary>A required string property, or an error and null.</summary>
    public string? RequiredString(JsonElement element, string property)
    {
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString();
        }

        Error($"'{property}' is required");
        return null;
    }

    /// <summary>The elements of an array property (none when it is absent).</summary>
    public IEnumerable<JsonElement> Array(string property) =>
        Step.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
}

/// <summary>A recipe that was not applied; every problem found is listed.</summary>
public sealed class RecipeFailedException(string recipe, IReadOnlyList<string> errors)
    : Exception($"Recipe {recipe} failed and was not applied:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
