namespace Registry.Documents.Services;

/// <summary>Stored settings of the documents module.</summary>
public static class DocumentSettings
{
    /// <summary>The authority named for 行政复议 in refusals (e.g. 宁波市海曙区人民政府).</summary>
    public const string ReviewAuthority = "Documents.ReviewAuthority";
}
