namespace Registry.Bench;

/// <summary>The command line: <c>[--quick] [--list] [--in-process] [--n N] [suite ...]</c>.</summary>
internal sealed record BenchOptions(bool Quick, bool List, bool Help, bool InProcess, bool Child, int? Size, IReadOnlyList<IBenchSuite> Suites)
{
    /// <summary>Internal: set on the per-suite child processes (no header; stdin closing means cancel).</summary>
    public const string ChildFlag = "--child";

    /// <summary><c>--n N</c>: the data size of suites that generate data (the directory suite's organizations).</summary>
    public const string SizeFlag = "--n";

    public const int MaxSize = 10_000_000;

    /// <summary>The options, or null with <paramref name="error"/> set.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var all = SuiteCatalog.Discover();
        bool quick = false, list = false, help = false, inProcess = false, child = false;
        int? size = null;
        var names = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case SizeFlag or "-n":
                    if (i + 1 >= args.Count || !TryParseSize(args[++i], out var n))
                    {
                        error = $"{SizeFlag} needs a whole number from 1 to {MaxSize:#,0} (underscores and commas allowed: 1_000_000)";
                        return null;
                    }

                    size = n;
                    break;
                case var sized when sized.StartsWith(SizeFlag + "=", StringComparison.Ordinal):
                    if (!TryParseSize(sized[(SizeFlag.Length + 1)..], out var m))
                    {
                        error = $"{SizeFlag} needs a whole number from 1 to {MaxSize:#,0}";
                        return null;
                    }

                    size = m;
                    break;
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
        return new BenchOptions(quick, list, help, inProcess, child, size, suites);
    }

    private static bool TryParseSize(string text, out int size) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size)
        && size is > 0 and <= MaxSize;

    public static void WriteUsage(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("usage: Registry.Bench [--quick] [--list] [--in-process] [--n N] [suite ...]");
        writer.WriteLine("  --quick       shorter runs (all suites within a minute); figures are noisier");
        writer.WriteLine("  --n N         data size for suites that generate data (directory: organizations; default 100,000, quick 20,000)");
        writer.WriteLine("  --list        print the suites and exit");
        writer.WriteLine("  --in-process  run several suites in this process instead of one child process each");
        writer.WriteLine("  suites:       " + string.Join(", ", SuiteCatalog.Discover().Select(s => s.Name)));
    }
}
