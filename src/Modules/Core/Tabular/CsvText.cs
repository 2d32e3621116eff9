namespace Registry.Core.Tabular;

/// <summary>Cells of the CSV files the registry publishes.</summary>
public static class CsvText
{
    /// <summary>
    /// RFC 4180 quoting; a leading = + - @, TAB or CR is defused (OWASP CSV injection) so a spreadsheet never runs a
    /// cell as a formula: some spreadsheets skip a leading TAB or CR and read the formula behind it.
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
