namespace Registry.Reports.Domain;

/// <summary>A localization key and its arguments; an argument may itself be a <see cref="Text"/> or a <see cref="TextList"/>.</summary>
public sealed record Text(string Key, params object[] Args);

/// <summary>Texts written one after another with the language's list separator (e.g. "社会团体7家，民办非企业单位4家").</summary>
public sealed record TextList(IReadOnlyList<Text> Items);

/// <summary>An argument another module writes itself in the reader's language (e.g. the fund's shortlist sentence).</summary>
public sealed record CultureText(Func<System.Globalization.CultureInfo, string> Write);

/// <summary>One figure; <see cref="Value"/> null shows a dash, <see cref="Link"/> goes to the records counted.</summary>
public sealed record FigureCell(decimal? Value, string? Link = null, bool IsMoney = false);

/// <summary>A column of a figure table: a stable key (tests, exports) and its heading.</summary>
public sealed record FigureColumn(string Key, Text Label);

/// <summary>A row of a figure table: a stable key, its label and one cell per column.</summary>
public sealed record FigureRow(string Key, Text Label, IReadOnlyList<FigureCell> Cells);

/// <summary>
/// A table of figures. When <see cref="ChartColumns"/> names columns, a bar chart draws them: one group of bars per row,
/// one bar (with its own pattern) per charted column.
/// </summary>
public sealed record FigureTable(string Id, Text Title, IReadOnlyList<FigureColumn> Columns, IReadOnlyList<FigureRow> Rows)
{
    public IReadOnlyList<int> ChartColumns { get; init; } = [];

    public Text? Note { get; init; }
}

/// <summary>One part of the report: its tables, and the sentences it adds to the work summary.</summary>
public sealed record ReportSection(string Id, Text Title, IReadOnlyList<FigureTable> Tables, IReadOnlyList<Text> Summary)
{
    public Text? Note { get; init; }
}

/// <summary>Every section of a period's report, in order.</summary>
public sealed record Report(ReportPeriod Period, IReadOnlyList<ReportSection> Sections);
