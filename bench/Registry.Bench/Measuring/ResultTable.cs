namespace Registry.Bench.Measuring;

/// <summary>A plain-text table: first column left-aligned, the others right-aligned; notes printed under it.</summary>
internal sealed class ResultTable(string title, params string[] headers)
{
    private readonly List<string[]?> _rows = [];
    private readonly List<string> _notes = [];

    /// <summary>The usual columns for <see cref="AddComparison"/>.</summary>
    public static ResultTable ForStats(string title, string rateUnit = "ops/s") =>
        new(title, "case", "samples", "p50", "p95", "p99", rateUnit, "p50 / baseline p50");

    public void AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>A group: the baseline row (1.00x) and the subject row with its cost ratio; per-operation times.</summary>
    public void AddComparison(string baselineLabel, string subjectLabel, Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var (baseline, subject, warmup) = comparison;
        if (_rows.Count > 0)
        {
            _rows.Add(null);
        }

        AddRow("baseline: " + baselineLabel, Units.Count(baseline.Samples), Units.Duration(baseline.P50), Units.Duration(baseline.P95),
            Units.Duration(baseline.P99), Units.Rate(baseline.OperationsPerSecond), Units.Ratio(1));
        AddRow(subjectLabel, Units.Count(subject.Samples), Units.Duration(subject.P50), Units.Duration(subject.P95),
            Units.Duration(subject.P99), Units.Rate(subject.OperationsPerSecond), Units.Ratio(subject.CostRatio(baseline)));
        if (!warmup.JitSettled)
        {
            AddNote($"WARNING ({subjectLabel}): warm-up reached its limit ({warmup.Rounds} rounds, {warmup.Time.TotalSeconds:0.0} s) with the JIT still compiling; figures may include unoptimized code");
        }
    }

    public void AddSeparator() => _rows.Add(null);

    public void AddNote(string note) => _notes.Add(note);

    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Where(r => r is not null).Select(r => r![i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var rule = string.Join("  ", widths.Select(w => new string('-', w)));

        writer.WriteLine();
        writer.WriteLine(title);
        writer.WriteLine(Line(headers, widths));
        writer.WriteLine(rule);
        foreach (var row in _rows)
        {
            writer.WriteLine(row is null ? "" : Line(row, widths));
        }

        foreach (var note in _notes)
        {
            writer.WriteLine("  " + note);
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
}
