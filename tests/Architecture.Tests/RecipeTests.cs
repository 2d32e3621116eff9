using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Recipes;

namespace Registry.Architecture.Tests;

/// <summary>STYLE.md: a test loads every recipe and checks each step name exists.</summary>
public sealed partial class RecipeTests
{
    // Built into the recipe runner rather than registered as a step.
    private const string IncludeStep = "include";

    private static readonly Lazy<IReadOnlyList<(string Module, string Step)>> Steps = new(RegisteredSteps);

    public static TheoryData<string> RecipeFiles() =>
        [.. System.IO.Directory.EnumerateFiles(Path.Combine(Solution.Root, "Recipes"), "*.recipe.json").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(RecipeFiles))]
    public void Recipe_EveryStep_IsKnown(string recipe)
    {
        var known = Steps.Value.Select(s => s.Step).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();

        var steps = StepsOf(Path.Combine(Solution.Root, "Recipes", recipe), problems, []);

        steps.ShouldNotBeEmpty();
        problems.AddRange(steps.Where(s => !known.Contains(s.Name)).Select(s => $"{s.Where}: unknown step '{s.Name}'"));
        problems.ShouldBeEmpty($"known steps: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
    }

    [Fact]
    public void RecipeSteps_AllModules_HaveUniqueKebabCaseNames()
    {
        var steps = Steps.Value;
        steps.ShouldNotBeEmpty();

        var problems = steps.Where(s => !KebabCase().IsMatch(s.Step) || s.Step == IncludeStep).Select(s => $"{s.Module}: '{s.Step}' (kebab-case, not 'include')")
            .Concat(steps.GroupBy(s => s.Step).Where(g => g.Count() > 1).Select(g => $"'{g.Key}' registered by {string.Join(", ", g.Select(s => s.Module))}"))
            .ToList();

        problems.ShouldBeEmpty("recipe step names");
    }

    /// <summary>The steps of a recipe, includes expanded (paths relative to the including file, as the runner does).</summary>
    private static List<(string Name, string Where)> StepsOf(string path, List<string> problems, HashSet<string> including)
    {
        var file = Path.GetRelativePath(Solution.Root, path);
        if (!File.Exists(path))
        {
            problems.Add($"{file}: included file not found");
            return [];
        }

        if (!including.Add(Path.GetFullPath(path)))
        {
            problems.Add($"{file}: includes itself");
            return [];
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{file}: no 'steps' array");
            return [];
        }

        var found = new List<(string, string)>();
        var index = 0;
        foreach (var step in steps.EnumerateArray())
        {
            index++;
            var where = $"{file} step {index}";
            var name = step.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
            if (name != IncludeStep)
            {
                found.Add((name, where));
            }
            else if (step.TryGetProperty("file", out var included) && included.GetString() is { Length: > 0 } relative)
            {
                found.AddRange(StepsOf(Path.Combine(Path.GetDirectoryName(path)!, relative), problems, including));
            }
            else
            {
                problems.Add($"{where}: include without 'file'");
            }
        }

        including.Remove(Path.GetFullPath(path));
        return found;
    }

    /// <summary>Every IRecipeStep the modules register, by each module's own ConfigureServices (no host, no database).</summary>
    private static List<(string Module, string Step)> RegisteredSteps()
    {
        var configuration = new ConfigurationBuilder().Build();
        var steps = new List<(string, string)>();
        foreach (var module in Solution.Catalog.Modules)
        {
            var services = new ServiceCollection();
            module.ConfigureServices(services, configuration);
            foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IRecipeStep)))
            {
                var type = descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType;
                var instance = descriptor.IsKeyedService ? descriptor.KeyedImplementationInstance : descriptor.ImplementationInstance;
                // Steps take repositories and managers we do not want to build here. Name is a constant
                // (expression-bodied, touching no field), so an uninitialized instance answers it; a name computed from
                // constructor state would read as null and fail below with a clear message.
                var step = instance as IRecipeStep
                    ?? (type is not null ? (IRecipeStep)RuntimeHelpers.GetUninitializedObject(type) : null)
                    ?? throw new InvalidOperationException($"{module.Name} registers an IRecipeStep through a factory; register it by type so its name can be checked.");
                steps.Add((module.Name, step.Name ?? throw new InvalidOperationException($"{step.GetType().FullName}.Name is not a constant.")));
            }
        }

        return steps;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
