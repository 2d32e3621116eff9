using System.Reflection;
using NetArchTest.Rules;

namespace Registry.Architecture.Tests;

/// <summary>
/// The boundary rule, built from the discovered modules rather than copied by hand, so it cannot end up checking the
/// wrong assembly (STYLE.md, after kgrzybek/modular-monolith-with-ddd). The self-checks run these same functions.
/// </summary>
public static class ModuleBoundaries
{
    /// <summary>The shared kernel: every module may use it.</summary>
    public const string Kernel = "Core";

    public static string ContractsOf(string rootNamespace) => rootNamespace + ".Contracts";

    public static bool IsWithin(string ns, string root) =>
        ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    /// <summary>
    /// Names (namespaces or type full names) a consumer must not depend on from a provider whose types live under
    /// <paramref name="rootNamespace"/>. With <paramref name="contractsAllowed"/>, its Contracts namespace is spared.
    /// </summary>
    public static IReadOnlyList<string> ForbiddenNames(string rootNamespace, IEnumerable<Type> providerTypes, bool contractsAllowed)
    {
        ArgumentNullException.ThrowIfNull(providerTypes);
        if (!contractsAllowed)
        {
            return [rootNamespace];
        }

        var contracts = ContractsOf(rootNamespace);
        var forbidden = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in providerTypes.Where(t => !t.IsNested && !t.Name.StartsWith('<')))
        {
            var ns = type.Namespace ?? "";
            if (!IsWithin(ns, rootNamespace) || IsWithin(ns, contracts))
            {
                continue;
            }

            // NetArchTest matches a name and everything below it, so forbidding the module's root namespace (an
            // ancestor of Contracts) would forbid Contracts too: forbid the root's own types one by one instead.
            forbidden.Add(IsWithin(contracts, ns) ? type.FullName! : ns);
        }

        return [.. forbidden];
    }

    /// <summary>Everything <paramref name="consumer"/> may not use from the other modules.</summary>
    public static IReadOnlyList<string> ForbiddenFor(string consumer, IEnumerable<(string Name, Assembly Assembly)> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        return
        [
            .. modules
                .Where(m => m.Name != consumer && m.Name != Kernel)
                .SelectMany(m => ForbiddenNames($"Registry.{m.Name}", Solution.DeclaredTypes(m.Assembly), contractsAllowed: consumer != Kernel))
                .Distinct()
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>Full names of the types in <paramref name="assembly"/> (optionally under one namespace) that use a forbidden name.</summary>
    public static IReadOnlyList<string> Violations(Assembly assembly, IReadOnlyCollection<string> forbidden, string? withinNamespace = null)
    {
        ArgumentNullException.ThrowIfNull(forbidden);
        if (forbidden.Count == 0)
        {
            return [];
        }

        var types = Types.InAssembly(assembly);
        var conditions = withinNamespace is null ? types.ShouldNot() : types.That().ResideInNamespace(withinNamespace).ShouldNot();
        var result = conditions.HaveDependencyOnAny([.. forbidden]).GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypeNames ?? []];
    }
}
