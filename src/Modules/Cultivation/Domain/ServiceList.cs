using Registry.Core.Workflows;

namespace Registry.Cultivation.Domain;

/// <summary>
/// A yearly call for the purchase-of-service recommended list (承接政府转移职能和购买服务推荐性目录): organizations apply,
/// officers review, the approved list is published for 公示 (objections through the notices module), then announced.
/// The eligibility criteria are copied from the settings when the call is opened, so a later change does not move them.
/// </summary>
public sealed class ServiceListCall
{
    public const int MaxShort = 200;

    public int Id { get; set; }

    /// <summary>The list's year (one call a year).</summary>
    public int Year { get; set; }

    public string Title { get; set; } = "";

    public DateOnly OpensOn { get; set; }

    public DateOnly ClosesOn { get; set; }

    /// <summary>Lowest grade (1–5) an applicant must hold; 0 for none.</summary>
    public int MinimumGrade { get; set; }

    /// <summary>The previous year's inspection must be 合格.</summary>
    public bool RequireQualifiedInspection { get; set; }

    /// <summary>Organizations on the abnormal or serious credit list may not apply.</summary>
    public bool ExcludeCreditListed { get; set; }

    public CallState State { get; set; }

    public DateOnly? PublicityStart { get; set; }

    public DateOnly? PublicityEnd { get; set; }

    public int? PublicityNoticeId { get; set; }

    public DateOnly? AnnouncedOn { get; set; }

    public int? AnnouncementNoticeId { get; set; }

    public List<ServiceListApplication> Applications { get; set; } = [];
}

/// <summary>Where a call stands. Stored by name: never rename a value.</summary>
public enum CallState
{
    /// <summary>申报: organizations apply until the closing day.</summary>
    Open,

    /// <summary>审核: officers approve or reject the applications.</summary>
    Reviewing,

    /// <summary>公示: the approved list is public and objections are taken.</summary>
    Publicity,

    /// <summary>公布: the list is the current directory.</summary>
    Announced,
}

/// <summary>What moves a call on.</summary>
public enum CallTrigger
{
    Close,
    Publish,
    Announce,
}

/// <summary>Where an application stands. Stored by name: never rename a value.</summary>
public enum ServiceApplicationState
{
    Submitted,
    Approved,
    Rejected,

    /// <summary>An objection during 公示 was upheld: not listed.</summary>
    Removed,

    /// <summary>On the announced list.</summary>
    Listed,
}

/// <summary>What moves an application on.</summary>
public enum ServiceApplicationTrigger
{
    Approve,
    Reject,
    Remove,
    List,
}

/// <summary>An organization's application to the recommended list, for one service field.</summary>
public sealed class ServiceListApplication
{
    public const int MaxText = 2000;

    public int Id { get; set; }

    public int CallId { get; set; }

    public int OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    public string TypeCode { get; set; } = "";

    /// <summary>The service field the organization offers to take on (as the register's fields).</summary>
    public string ServiceField { get; set; } = "";

    /// <summary>The services it can deliver (承接能力).</summary>
    public string Services { get; set; } = "";

    public DateTime SubmittedAt { get; set; }

    public string SubmittedBy { get; set; } = "";

    public ServiceApplicationState State { get; set; }

    /// <summary>The officer's reason for a rejection or a removal.</summary>
    public string? Note { get; set; }
}

/// <summary>A purchase-of-service contract (政府购买服务合同) recorded against an organization on an announced list.</summary>
public sealed class PurchaseContract
{
    public const int MaxShort = 200;

    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    /// <summary>购买主体: the purchasing department.</summary>
    public string Department { get; set; } = "";

    public string Project { get; set; } = "";

    public long AmountFen { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>The call's and the applications' transition tables.</summary>
public static class ServiceListWorkflow
{
    private static readonly TransitionTable<CallState, CallTrigger> Calls = new TransitionTable<CallState, CallTrigger>()
        .Permit(CallState.Open, CallTrigger.Close, CallState.Reviewing)
        .Permit(CallState.Reviewing, CallTrigger.Publish, CallState.Publicity)
        .Permit(CallState.Publicity, CallTrigger.Announce, CallState.Announced);

    private static readonly TransitionTable<ServiceApplicationState, ServiceApplicationTrigger> Applications = new TransitionTable<ServiceApplicationState, ServiceApplicationTrigger>()
        .Permit(ServiceApplicationState.Submitted, ServiceApplicationTrigger.Approve, ServiceApplicationState.Approved)
        .Permit(ServiceApplicationState.Submitted, ServiceApplicationTrigger.Reject, ServiceApplicationState.Rejected)
        .Permit(ServiceApplicationState.Approved, ServiceApplicationTrigger.Reject, ServiceApplicationState.Rejected)
        .Permit(ServiceApplicationState.Rejected, ServiceApplicationTrigger.Approve, ServiceApplicationState.Approved)
        .Permit(ServiceApplicationState.Approved, ServiceApplicationTrigger.Remove, ServiceApplicationState.Removed)
        .Permit(ServiceApplicationState.Approved, ServiceApplicationTrigger.List, ServiceApplicationState.Listed);

    public static CallState? Next(CallState state, CallTrigger trigger) => Calls.Next(state, trigger);

    public static ServiceApplicationState? Next(ServiceApplicationState state, ServiceApplicationTrigger trigger) => Applications.Next(state, trigger);

    public static IReadOnlyList<CallTrigger> Permitted(CallState state) => Calls.Permitted(state);

    /// <summary>Which call state allows officers to act on applications with <paramref name="trigger"/>.</summary>
    public static bool AllowedDuring(ServiceApplicationTrigger trigger, CallState call) => trigger switch
    {
        ServiceApplicationTrigger.Approve or ServiceApplicationTrigger.Reject => call == CallState.Reviewing,
        ServiceApplicationTrigger.Remove => call == CallState.Publicity,
        ServiceApplicationTrigger.List => call == CallState.Publicity,
        _ => false,
    };
}
