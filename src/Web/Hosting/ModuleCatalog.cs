using System.Reflection;
using Microsoft.Extensions.DependencyModel;
using Registry.Core.Modularity;

namespace Registry.Web.Hosting;

/// <summary>The modules found among the host's dependencies: every Registry.* assembly with an <see cref="IModule"/>.</summary>
public sealed class ModuleCatalog
{
    private ModuleCatalog(IReadOnlyList<IModule> modules) => Modules = modules;

    public IReadOnlyList<IModule> Modules { get; }

    public IEnumerable<Assembly> Assemblies => Modules.Select(m => m.GetType().Assembly);

    /// <summary>Project references are all it takes: the host's dependency graph names every module assembly.</summary>
    public static ModuleCatalog Discover()
    {
        var context = DependencyContext.Load(typeof(ModuleCatalog).Assembly) ?? DependencyContext.Default
            ?? throw new InvalidOperationException("No dependency context: cannot discover modules.");
        var modules = new List<IModule>();
        foreach (var library in context.RuntimeLibraries.Where(l => l.Name.StartsWith("Registry.", StringComparison.Ordinal) && l.Name != "Registry.Web"))
        {
            var assembly = Assembly.Load(new AssemblyName(library.Name));
            var moduleTypes = assembly.GetExportedTypes().Where(t => typeof(IModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToList();
            if (moduleTypes.Count > 1)
            {
                throw new InvalidOperationException($"{library.Name} declares {moduleTypes.Count} modules; a module assembly has exactly one.");
            }

            if (moduleTypes.Count == 1)
            {
                modules.Add((IModule)Activator.CreateInstance(moduleTypes[0])!);
            }
        }

        // Core first: others stand on its services.
        return new ModuleCatalog([.. modules.OrderBy(m => m.Name == "Core" ? 0 : 1).ThenBy(m => m.Name, StringComparer.Ordinal)]);
    }
}
