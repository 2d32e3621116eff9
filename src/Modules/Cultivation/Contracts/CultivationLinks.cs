using Registry.Core.Contracts;

namespace Registry.Cultivation.Contracts;

/// <summary>Addresses of the cultivation module's pages.</summary>
public static class CultivationLinks
{
    /// <summary>The public list of recognised hub organizations by batch.</summary>
    public const string Hubs = "/Cultivation/Hubs";

    /// <summary>A hub account's desk: the hubs it acts for.</summary>
    public const string HubDesk = "/Cultivation/Hub";

    public const string AdminHubs = "/Cultivation/Admin/Hubs";

    /// <summary>The public recommended list (推荐性目录) in force, by service field.</summary>
    public const string ServiceList = "/Cultivation/ServiceList";

    /// <summary>An organization's application to the open call.</summary>
    public const string Apply = "/Cultivation/ServiceList/Apply";

    public const string AdminServiceList = "/Cultivation/Admin/ServiceList";

    public const string AdminContracts = "/Cultivation/Admin/Contracts";

    public static string AdminServiceListCall(int callId) => AdminServiceList + "/" + LinkPath.Segment(callId);

    /// <summary>A hub's members with their standing and obligations, as the hub's own account sees them.</summary>
    public static string HubMembers(int hubId) => HubDesk + "/" + LinkPath.Segment(hubId);

    /// <summary>One member's standing and obligations, as the hub's account sees it.</summary>
    public static string HubMember(int hubId, int organizationId) => HubMembers(hubId) + "/Member/" + LinkPath.Segment(organizationId);

    public static string AdminHub(int hubId) => AdminHubs + "/" + LinkPath.Segment(hubId);

    /// <summary>The public page of the incubation bases (孵化基地) and their graduates.</summary>
    public const string Incubation = "/Cultivation/Incubation";

    public const string AdminIncubation = "/Cultivation/Admin/Incubation";

    public static string AdminIncubationBase(int baseId) => AdminIncubation + "/" + LinkPath.Segment(baseId);

    public static string AdminIncubationStay(int stayId) => AdminIncubation + "/Stay/" + LinkPath.Segment(stayId);
}
