using Microsoft.Data.Sqlite;

namespace Registry.Bench;

/// <summary>What a suite gets: the mode, where to print, the repository, and a scratch folder removed after the run.</summary>
internal sealed class BenchContext : IAsyncDisposable
{
    private readonly Lazy<string> _repositoryRoot = new(FindRepositoryRoot);

    public BenchContext(bool quick, TextWriter output, int? size = null)
    {
        Quick = quick;
        Out = output;
        Size = size;
        ScratchRoot = System.IO.Directory.CreateTempSubdirectory("registry-bench-").FullName;
    }

    /// <summary>Set to 1 to keep the scratch folder after the run (to look at the data or rerun the published app on it).</summary>
    public const string KeepScratchVariable = "REGISTRY_BENCH_KEEP_SCRATCH";

    /// <summary><c>--quick</c>: fewer iterations and shorter loads, so every suite together finishes within a minute.</summary>
    public bool Quick { get; }

    public TextWriter Out { get; }

    /// <summary><c>--n N</c>: the data size asked for on the command line, or null for the suite's default.</summary>
    public int? Size { get; }

    /// <summary>The build configuration of this program, and so of the Registry assemblies it loads.</summary>
    public static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>The folder holding Registry.sln (found upwards from the program's folder).</summary>
    public string RepositoryRoot => _repositoryRoot.Value;

    /// <summary>Temporary folder of this run, on the same disk as the system temp folder.</summary>
    public string ScratchRoot { get; }

    /// <summary>The quick value in <c>--quick</c> mode, else the full one.</summary>
    public T Choose<T>(T quick, T full) => Quick ? quick : full;

    public string CreateScratchDirectory(string name) => System.IO.Directory.CreateDirectory(Path.Combine(ScratchRoot, name)).FullName;

    public ValueTask DisposeAsync()
    {
        // Pooled SQLite connections keep the files open.
        SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable(KeepScratchVariable) == "1")
        {
            Out.WriteLine($"note: {KeepScratchVariable}=1: kept {ScratchRoot}");
            return ValueTask.CompletedTask;
        }
        try
        {
            System.IO.Directory.Delete(ScratchRoot, recursive: true);
        }
        catch (IOException ex)
        {
            Out.WriteLine($"note: could not remove {ScratchRoot}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            Out.WriteLine($"note: could not remove {ScratchRoot}: {ex.Message}");
        }

        return ValueTask.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Registry.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Registry.sln not found above {AppContext.BaseDirectory}: run the bench from the repository's build output.");
    }
}
