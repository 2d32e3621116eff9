namespace Registry.Bench;

/// <summary>Finds every <see cref="IBenchSuite"/> in this assembly; suites run in name order.</summary>
internal static class SuiteCatalog
{
    public static IReadOnlyList<IBenchSuite> Discover()
    {
        var suites = typeof(SuiteCatalog).Assembly.GetTypes()
            .Where(t => typeof(IBenchSuite).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IBenchSuite)Activator.CreateInstance(t, nonPublic: true)!)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

        var duplicate = suites.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two benchmark suites are named '{duplicate.Key}'.");
        }

        return suites;
    }
}
