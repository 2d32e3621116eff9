using System.Reflection;
using Registry.Core.Modularity;
using Registry.Themes.Civic;
using Registry.Web.Hosting;

namespace Registry.Architecture.Tests;

/// <summary>
/// What the tests run over, taken from <see cref="ModuleCatalog.Discover"/> exactly as the host does: a new module is
/// covered by adding its project reference to the host, never by editing a test.
/// </summary>
public static class Solution
{
    private static readonly Lazy<ModuleCatalog> LazyCatalog = new(ModuleCatalog.Discover);
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static ModuleCatalog Catalog => LazyCatalog.Value;

    public static Assembly Host => typeof(ModuleCatalog).Assembly;

    public static Assembly Theme => typeof(ThemeMarker).Assembly;

    /// <summary>Assemblies that carry pages, views and UI strings: the host, the theme and every module.</summary>
    public static IReadOnlyList<Assembly> UiAssemblies => [.. new[] { Host, Theme }.Concat(Catalog.Assemblies).Distinct()];

    /// <summary>The repository root: the folder holding Registry.sln, found by walking up from the test binaries.</summary>
    public static string Root => LazyRoot.Value;

    public static TheoryData<string> ModuleNames() => [.. Catalog.Modules.Select(m => m.Name)];

    public static TheoryData<string> UiAssemblyNames() => [.. UiAssemblies.Select(a => a.GetName().Name!)];

    public static IModule Module(string name) => Catalog.Modules.Single(m => m.Name == name);

    public static Assembly ModuleAssembly(string name) => Module(name).GetType().Assembly;

    public static Assembly UiAssembly(string name) => UiAssemblies.Single(a => a.GetName().Name == name);

    /// <summary>Types of an assembly, minus the ones the compiler invents (closures, anonymous types, embedded attributes).</summary>
    public static IEnumerable<Type> DeclaredTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => !IsCompilerGenerated(t) && t.Namespace is not ("Microsoft.CodeAnalysis" or "System.Runtime.CompilerServices"));

    private static bool IsCompilerGenerated(Type type)
    {
        for (Type? t = type; t is not null; t = t.DeclaringType)
        {
            if (t.Name.StartsWith('<'))
            {
                return true;
            }
        }

        return false;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Registry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Registry.sln above {AppContext.BaseDirectory}.");
    }
}
