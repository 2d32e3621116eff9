using Registry.Core.Contracts;

namespace Registry.Directory.Contracts;

/// <summary>Addresses of the public directory's pages, for other modules: the only place that spells their routes and query parameters.</summary>
public static class DirectoryLinks
{
    public const string Check = "/Directory/Check";
    public const string OpenData = "/open-data";

    /// <summary>The directory search, optionally with a query and filters (type code, district street, status, hub organization).</summary>
    public static string Search(string? q = null, string? type = null, string? street = null, string? status = null, int? hub = null) =>
        LinkPath.With("/Directory", ("q", q), ("type", type), ("street", street), ("status", status), ("hub", hub));
}
