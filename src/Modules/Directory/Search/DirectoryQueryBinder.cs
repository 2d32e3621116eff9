using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Registry.Directory.Search;

/// <summary>Reads a <see cref="DirectoryQuery"/> from a query string; the page and the JSON endpoint share it, so they accept the same parameters.</summary>
public static class DirectoryQueryBinder
{
    public static DirectoryQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new DirectoryQuery
        {
            Text = query["q"],
            Type = Value(query, "type"),
            Status = Value(query, "status"),
            Street = Value(query, "street"),
            ServiceField = Value(query, "field"),
            FoundedFrom = Number(query, "from"),
            FoundedTo = Number(query, "to"),
            Hub = Number(query, "hub"),
            MinGrade = Number(query, "grade") is { } grade and <= DirectoryQuery.MaxGrade ? grade : null,
            // By name only: Enum.TryParse would also take numbers ("sort=3").
            Sort = Enum.GetValues<DirectorySort>().Select(s => (DirectorySort?)s).FirstOrDefault(s => string.Equals(s.ToString(), query["sort"], StringComparison.OrdinalIgnoreCase)),
            Page = Number(query, "page") ?? 1,
        };
    }

    private static string? Value(IQueryCollection query, string name) => query[name] is { Count: > 0 } v && !string.IsNullOrWhiteSpace(v[0]) ? v[0]!.Trim() : null;

    /// <summary>Garbage numbers are ignored rather than refused: a bad link still lists something sensible.</summary>
    private static int? Number(IQueryCollection query, string name) =>
        int.TryParse(query[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 100_000 ? n : null;
}
