using System.Diagnostics;

namespace Registry.Architecture.Tests;

/// <summary>The site deploys with a plain <c>dotnet publish</c>: no project may publish a file to a path another already uses.</summary>
public sealed class PublishTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task The_host_publishes_without_colliding_files()
    {
        var output = System.IO.Directory.CreateTempSubdirectory("registry-publish-");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Solution.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[]
            {
                "publish", Path.Combine("src", "Web", "Registry.Web.csproj"), "-c", Configuration, "--no-build",
                "-o", output.FullName, "-nologo", "-v", "q",
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);

            process.ExitCode.ShouldBe(0, await stdout + await stderr);
            File.Exists(Path.Combine(output.FullName, "Registry.Web.dll")).ShouldBeTrue();
            // Views are compiled into the assemblies; a published .cshtml would only be a second copy.
            System.IO.Directory.EnumerateFiles(output.FullName, "*.cshtml", SearchOption.AllDirectories).ShouldBeEmpty();
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
