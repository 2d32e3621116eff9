namespace Registry.Bench;

/// <summary>
/// One benchmark suite: a class implementing this with a parameterless constructor is found by reflection
/// (<see cref="SuiteCatalog"/>), so adding a suite is adding one class. Every figure it prints must come with
/// a baseline measured in the same run and the ratio between the two (see <c>Measuring/</c>).
/// </summary>
internal interface IBenchSuite
{
    /// <summary>Lower-case name used on the command line, e.g. <c>audit</c>.</summary>
    string Name { get; }

    /// <summary>One line: what is measured against what.</summary>
    string Description { get; }

    /// <summary>Measures and prints the suite's tables to <see cref="BenchContext.Out"/>; throws if a result is invalid.</summary>
    Task RunAsync(BenchContext context, CancellationToken cancellationToken);
}
