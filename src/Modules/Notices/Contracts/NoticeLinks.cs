using Registry.Core.Contracts;

namespace Registry.Notices.Contracts;

/// <summary>
/// Addresses of the Notices module's (公示公告) pages, for other modules, notifications and work items: the only place
/// that spells their routes and query parameters.
/// </summary>
public static class NoticeLinks
{
    public const string Public = "/Notices";
    public const string Admin = "/Notices/Admin";
    public const string AdminObjections = "/Notices/Admin/Objections";

    /// <summary>A notice's public page.</summary>
    public static string Notice(int noticeId) => Public + "/" + LinkPath.Segment(noticeId);

    /// <summary>The objections, optionally of one notice or only the open ones.</summary>
    public static string Objections(int? noticeId = null, bool openOnly = false) =>
        LinkPath.With(AdminObjections, ("notice", noticeId), ("state", openOnly ? "open" : null));

    /// <summary>The officers' answer form of an objection.</summary>
    public static string Answer(int objectionId) => "/Notices/Admin/Answer/" + LinkPath.Segment(objectionId);
}
