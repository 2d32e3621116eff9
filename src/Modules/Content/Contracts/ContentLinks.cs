using Registry.Core.Contracts;

namespace Registry.Content.Contracts;

/// <summary>Addresses of the Content module's listing and back-office pages, for other modules: the only place that spells their routes.</summary>
public static class ContentLinks
{
    public const string News = "/news";
    public const string Policies = "/policies";
    public const string Admin = "/Content/Admin";
    public const string AdminMedia = "/Content/Admin/Media";
    public const string AdminSite = "/Content/Admin/Site";

    /// <summary>The editor's form of a content item.</summary>
    public static string EditItem(long itemId) => "/Content/Admin/Items/Edit/" + LinkPath.Segment(itemId);
}
