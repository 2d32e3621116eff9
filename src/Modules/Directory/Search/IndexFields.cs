namespace Registry.Directory.Search;

/// <summary>Field names of directory documents.</summary>
internal static class IndexFields
{
    public const string Id = "id";
    public const string Name = "name";
    public const string NameUnigrams = "name1";
    public const string NameExact = "nameExact";
    public const string NameSort = "nameSort";
    public const string FormerNames = "former";
    public const string Scope = "scope";
    public const string Code = "code";
    public const string Type = "type";
    public const string Status = "status";

    /// <summary>Credit-list standing (活动异常 / 严重违法失信); organizations on no list have none.</summary>
    public const string Standing = "standing";

    /// <summary>Grade 1–5 (1A–5A); ungraded organizations have none.</summary>
    public const string Grade = "grade";
    public const string Street = "street";
    public const string District = "district";
    public const string ServiceField = "field";
    public const string FoundedSort = "foundedSort";
    /// <summary>The hub organization an organization belongs to (a hub has its own id): filter, facet and label.</summary>
    public const string Hub = "hub";
    /// <summary>What a result row shows, as one binary doc value (<see cref="ResultRow"/>).</summary>
    public const string Row = "row";

    /// <summary>Fields that get counts per value for the current query.</summary>
    public static readonly IReadOnlyList<string> Facets = [Type, Status, Standing, Street, ServiceField, Grade, Hub];
}
