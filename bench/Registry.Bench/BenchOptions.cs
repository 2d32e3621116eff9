namespace Registry.Bench;

/// <summary>The command line: <c>[--quick] [--list] [--in-process] [suite ...]</c>.</summary>
internal sealed record BenchOptions(bool Quick, bool List, bool Help, bool InProcess, bool Child, IReadOnlyList<IBenchSuite> Suites)
{
    /// <summary>Internal: set on the per-suite child processes (no header; stdin closing means cancel).</summary>
    public const string ChildFlag = "--child";

    /// <summary>The options, or null with <paramref name="error"/> set.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var all = SuiteCatalog.Discover();
        bool quick = false, list = false, help = false, inProcess = false, child = false;
        var names = new List<string>();
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--quick": quick = true; break;
                case "--list": list = true; break;
                case "--in-process": inProcess = true; break;
                case ChildFlag: child = inProcess = true; break;
                case "-h" or "--help": help = true; break;
                case var option when option.StartsWith('-'):
                    error = $"unknown option {option}";
                    return null;
                default: names.Add(arg.ToLowerInvariant()); break;
            }
        }

        var unknown = names.Where(n => all.All(s => s.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            error = $"unknown suite(s): {string.Join(", ", unknown)}; available: {string.Join(", ", all.Select(s => s.Name))}";
            return null;
        }

        error = null;
        var suites = names.Count == 0 ? all : [.. all.Where(s => names.Contains(s.Name))];
        return new BenchOptions(quick, list, help, inProcess, child, suites);
    }

    public static void WriteUsage(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("usage: Registry.Bench [--quick] [--list] [--in-process] [suite ...]");
        writer.WriteLine("  --quick       shorter runs (all suites within a minute); figures are noisier");
        writer.WriteLine("  --list        print the suites and exit");
        writer.WriteLine("  --in-process  run several suites in this process instead of one child process each");
        writer.WriteLine("  suites:       " + string.Join(", ", SuiteCatalog.Discover().Select(s => s.Name)));
    }
}
