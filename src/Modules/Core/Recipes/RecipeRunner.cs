using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Registry.Core.Recipes;

/// <summary>Runs a recipe file: all steps in one transaction; any error rolls everything back and all errors are reported.</summary>
public interface IRecipeRunner
{
    Task RunAsync(string path, CancellationToken cancellationToken);
}

internal sealed class RecipeRunner(DbContext db, IServiceProvider services, TimeProvider clock, ILogger<RecipeRunner> logger) : IRecipeRunner
{
    public const string IncludeStep = "include";

    public async Task RunAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        var errors = new List<string>();
        var name = Path.GetFileName(fullPath);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                name = await RunFileAsync(fullPath, errors, [], cancellationToken);
            }
            catch (Exception ex) when (ex is JsonException or IOException or InvalidOperationException or DbUpdateException or FormatException)
            {
                errors.Add(ex.Message);
            }

            if (errors.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return;
            }

            db.Add(new RecipeRun { Name = name, File = fullPath, RanAt = clock.GetUtcNow().UtcDateTime, Succeeded = true });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            db.Add(new RecipeRun { Name = name, File = fullPath, RanAt = clock.GetUtcNow().UtcDateTime, Succeeded = false, Errors = string.Join('\n', errors) });
            await db.SaveChangesAsync(cancellationToken);
            logger.LogError("Recipe {Recipe} failed: {Errors}", name, string.Join("; ", errors));
            throw new RecipeFailedException(name, errors);
        }

        logger.LogInformation("Recipe {Recipe} applied", name);
    }

    private async Task<string> RunFileAsync(string path, List<string> errors, HashSet<string> including, CancellationToken cancellationToken)
    {
        if (!including.Add(path))
        {
            errors.Add($"{Path.GetFileName(path)} includes itself");
            return path;
        }

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        var root = document.RootElement;
        var recipeName = root.TryGetProperty("name", out var n) ? n.GetString() ?? path : path;
        if (!root.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{recipeName}: 'steps' array is missing");
            return recipeName;
        }

        var byName = services.GetServices<IRecipeStep>().ToDictionary(s => s.Name, StringComparer.Ordinal);
        var directory = Path.GetDirectoryName(path)!;
        var index = 0;
        foreach (var step in steps.EnumerateArray())
        {
            index++;
            var stepName = step.TryGetProperty("name", out var sn) ? sn.GetString() : null;
            if (stepName == IncludeStep && step.TryGetProperty("file", out var file))
            {
                await RunFileAsync(Path.Combine(directory, file.GetString()!), errors, including, cancellationToken);
            }
            else if (stepName is null || !byName.TryGetValue(stepName, out var handler))
            {
                errors.Add($"{recipeName} step {index}: unknown step '{stepName}'");
            }
            else
            {
                await handler.ExecuteAsync(new RecipeStepContext(step, directory, index, errors), cancellationToken);
                // Later steps may read what earlier ones wrote (e.g. users need roles).
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        including.Remove(path);
        return recipeName;
    }
}
