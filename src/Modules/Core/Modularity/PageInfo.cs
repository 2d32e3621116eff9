namespace Registry.Core.Modularity;

/// <summary>One page of a list: where we are and how to link to other pages.</summary>
public sealed record PageInfo(int Page, int PageSize, int Total, Func<int, string> UrlFor)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>A requested page number brought into range (garbage and out-of-range numbers never fail a list).</summary>
    public static int Clamp(int requested, int pageSize, int total) =>
        Math.Clamp(requested, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
}
