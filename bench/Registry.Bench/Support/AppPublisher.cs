namespace Registry.Bench.Support;

/// <summary>The site as it is deployed: <c>dotnet publish</c> of the already built host into the run's scratch folder.</summary>
internal static class AppPublisher
{
    /// <summary>
    /// Publishes the already built site into the scratch folder. The build output is not enough: outside Development
    /// it serves <c>_content/…</c> assets as empty 200 responses, which would make a meaningless baseline.
    /// </summary>
    public static async Task<string> PublishAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.CreateScratchDirectory("http-app");
        var project = Path.Combine(context.RepositoryRoot, "src", "Web", "Registry.Web.csproj");
        string[] arguments =
        [
            "publish", project, "-c", BenchContext.BuildConfiguration, "--no-build", "-o", output, "-nologo", "-v", "q",
        ];
        var result = await ProcessRunner.RunAsync("dotnet", arguments, context.RepositoryRoot, TimeSpan.FromMinutes(3), cancellationToken);
        if (result.ExitCode != 0 || !File.Exists(Path.Combine(output, "Registry.Web.dll")))
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed (exit {result.ExitCode}); build first: dotnet build -c {BenchContext.BuildConfiguration} bench/Registry.Bench\n{result.Output}");
        }

        return output;
    }
}
