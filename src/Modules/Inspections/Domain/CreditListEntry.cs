using Registry.Core.Data;

namespace Registry.Inspections.Domain;

/// <summary>The two lists of 社会组织信用信息管理办法.</summary>
public enum CreditList
{
    /// <summary>活动异常名录.</summary>
    Abnormal,

    /// <summary>严重违法失信名单.</summary>
    Serious,
}

/// <summary>
/// Statutory causes of entry (社会组织信用信息管理办法, 民政部令第60号): 第十条 (一)–(七) for the abnormal list, 第十四条
/// (一)–(八) for the serious list. Which list each belongs to and whether it carries an obligation is data, in
/// <see cref="CreditListCauses"/>. Stored by name: never rename a value.
/// </summary>
public enum EntryCause
{
    /// <summary>第十条(一) 未按照规定时限和要求报送年度工作报告 (entered automatically after the campaign deadline).</summary>
    LateAnnualReport,

    /// <summary>第十条(六) 通过登记的住所无法与社会组织取得联系.</summary>
    Unreachable,

    /// <summary>第十条(三) 未按登记管理机关整改要求按期完成整改 (entered automatically when a rectification is overdue).</summary>
    UnfinishedRectification,

    /// <summary>第十条(七) 法律、行政法规规定应当列入的其他情形, described in the detail.</summary>
    OtherAbnormal,

    /// <summary>第十四条(一) 被列入活动异常名录满2年 (moved automatically).</summary>
    ProlongedAbnormal,

    /// <summary>第十四条(七) 被登记管理机关作出吊销登记证书、撤销成立登记决定 (entered automatically when the register shows the registration revoked).</summary>
    RegistrationRevoked,

    /// <summary>第十四条(三) 受到限期停止活动行政处罚.</summary>
    SeriousPenalty,

    /// <summary>第十四条(八) 法律、行政法规规定应当列入的其他情形, described in the detail.</summary>
    OtherSerious,

    /// <summary>第十条(二) 未按照有关规定设立党组织.</summary>
    NoPartyOrganization,

    /// <summary>第十条(四) 具有公开募捐资格的慈善组织违反公开募捐管理规定 (慈善组织公开募捐管理办法 第二十一条).</summary>
    PublicFundraisingBreach,

    /// <summary>第十条(五) 受到警告或者不满5万元罚款处罚.</summary>
    WarningOrSmallFine,

    /// <summary>第十四条(二) 弄虚作假办理变更登记, 被撤销变更登记.</summary>
    ChangeRegistrationRevoked,

    /// <summary>第十四条(四) 受到5万元以上罚款处罚.</summary>
    LargeFine,

    /// <summary>第十四条(五) 三年内两次以上受到警告或者不满5万元罚款处罚.</summary>
    RepeatedPenalties,

    /// <summary>第十四条(六) 被司法机关纳入失信被执行人名单.</summary>
    DishonestJudgmentDebtor,
}

/// <summary>One statutory cause: its list, its article, whether it leaves an obligation to fulfil, and whether only the system may enter it.</summary>
public sealed record CreditListCause(EntryCause Cause, CreditList List, string Article, bool HasObligation, bool SystemOnly);

/// <summary>
/// The causes of 民政部令第60号 as data. An entry whose cause has an obligation (a report to file, a party organization to
/// set up, a rectification to finish, a contact address to restore, a breach to correct) leaves the abnormal list only
/// once that obligation is fulfilled and verified (第十三条); only the others end by themselves after 6 months. On the
/// serious list no entry ends by itself: it leaves on application after 2 years, and an entry for a revoked registration
/// only on deregistration (第十六条).
/// </summary>
public static class CreditListCauses
{
    public static readonly IReadOnlyList<CreditListCause> All =
    [
        new(EntryCause.LateAnnualReport, CreditList.Abnormal, "第十条(一)", HasObligation: true, SystemOnly: false),
        new(EntryCause.NoPartyOrganization, CreditList.Abnormal, "第十条(二)", HasObligation: true, SystemOnly: false),
        new(EntryCause.UnfinishedRectification, CreditList.Abnormal, "第十条(三)", HasObligation: true, SystemOnly: false),
        new(EntryCause.PublicFundraisingBreach, CreditList.Abnormal, "第十条(四)", HasObligation: true, SystemOnly: false),
        new(EntryCause.WarningOrSmallFine, CreditList.Abnormal, "第十条(五)", HasObligation: false, SystemOnly: false),
        new(EntryCause.Unreachable, CreditList.Abnormal, "第十条(六)", HasObligation: true, SystemOnly: false),
        new(EntryCause.OtherAbnormal, CreditList.Abnormal, "第十条(七)", HasObligation: true, SystemOnly: false),
        new(EntryCause.ProlongedAbnormal, CreditList.Serious, "第十四条(一)", HasObligation: true, SystemOnly: true),
        new(EntryCause.ChangeRegistrationRevoked, CreditList.Serious, "第十四条(二)", HasObligation: false, SystemOnly: false),
        new(EntryCause.SeriousPenalty, CreditList.Serious, "第十四条(三)", HasObligation: false, SystemOnly: false),
        new(EntryCause.LargeFine, CreditList.Serious, "第十四条(四)", HasObligation: false, SystemOnly: false),
        new(EntryCause.RepeatedPenalties, CreditList.Serious, "第十四条(五)", HasObligation: false, SystemOnly: false),
        new(EntryCause.DishonestJudgmentDebtor, CreditList.Serious, "第十四条(六)", HasObligation: true, SystemOnly: false),
        new(EntryCause.RegistrationRevoked, CreditList.Serious, "第十四条(七)", HasObligation: false, SystemOnly: true),
        new(EntryCause.OtherSerious, CreditList.Serious, "第十四条(八)", HasObligation: true, SystemOnly: false),
    ];

    private static readonly Dictionary<EntryCause, CreditListCause> ByCause = All.ToDictionary(c => c.Cause);

    public static CreditListCause Of(EntryCause cause) => ByCause[cause];

    /// <summary>The causes of one list in statutory order.</summary>
    public static IEnumerable<CreditListCause> Of(CreditList list) => All.Where(c => c.List == list);
}

/// <summary>How an entry ended.</summary>
public enum ExitCause
{
    /// <summary>履行义务、整改完成, verified (查实) by an officer; ended by decision or on the 5th working day after verification (第十三条).</summary>
    Rectified,

    /// <summary>No obligation to fulfil: ended 6 months after entry (第十三条), for the causes configured so.</summary>
    Expired,

    /// <summary>Moved up to the serious list after two years.</summary>
    MovedToSerious,

    /// <summary>On application, 2 years after the latest listing, obligations fulfilled (第十六条); never for a revoked registration.</summary>
    CleanTwoYears,

    /// <summary>Deregistered (注销): the only way out for a revoked registration (第十六条).</summary>
    Deregistered,

    /// <summary>Listed in error (更正), by an officer's decision.</summary>
    Corrected,
}

/// <summary>One stay of an organization on one credit list: entry and, once it ends, exit. Public.</summary>
public sealed class CreditListEntry : IVersioned
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    public CreditList List { get; set; }

    public EntryCause Cause { get; set; }

    public string? CauseDetail { get; set; }

    /// <summary>The inspection year whose report or rectification was missed, for automatic entries.</summary>
    public int? Year { get; set; }

    public DateOnly EnteredOn { get; set; }

    /// <summary>Decision (决定书) number or wording.</summary>
    public string EntryDecision { get; set; } = "";

    public string EnteredBy { get; set; } = "";

    public bool Automatic { get; set; }

    /// <summary>The day the organization applied to leave, having done what the entry asked for (e.g. filed the late report) (第十三条).</summary>
    public DateOnly? ExitRequestedOn { get; set; }

    /// <summary>
    /// The day an officer verified (查实) that the obligation is fulfilled; the entry must end within
    /// <see cref="CreditListRules.ExitWorkingDays"/> working days of it (第十三条), a date derived through the calendar when read.
    /// </summary>
    public DateOnly? FulfilmentVerifiedOn { get; set; }

    public DateOnly? ExitedOn { get; set; }

    public ExitCause? ExitCause { get; set; }

    public string? ExitDecision { get; set; }

    public string? ExitedBy { get; set; }

    /// <summary>For an entry moved to the serious list, the abnormal entry it came from.</summary>
    public int? FromEntryId { get; set; }

    public long Version { get; set; }

    public bool IsCurrent => ExitedOn is null;

    public static CreditList ListOf(EntryCause cause) => CreditListCauses.Of(cause).List;
}

/// <summary>Time rules of the credit lists (民政部令第60号; periods configurable where localities differ).</summary>
public sealed class CreditListRules
{
    /// <summary>Months after which an abnormal entry with nothing to fulfil ends by itself (第十三条: 满6个月).</summary>
    public int AbnormalExpiryMonths { get; set; } = 6;

    /// <summary>
    /// Abnormal causes whose entries end after <see cref="AbnormalExpiryMonths"/>. Only causes without an obligation may
    /// expire (第十三条): a configured cause that has one is ignored, so a late report never expires unfiled.
    /// </summary>
    public List<EntryCause> ExpiringCauses { get; set; } = [EntryCause.WarningOrSmallFine];

    /// <summary>Years on the abnormal list without fulfilling that move an organization to the serious list (第十四条(一)).</summary>
    public int YearsToSerious { get; set; } = 2;

    /// <summary>Years on the serious list after which an organization may apply to leave it (第十六条).</summary>
    public int SeriousCleanYears { get; set; } = 2;

    /// <summary>Working days within which a verified entry must end (第十三条: 自查实之日起5个工作日内).</summary>
    public int ExitWorkingDays { get; set; } = 5;

    /// <summary>The entry ends by itself after 6 months: abnormal, configured to expire, and nothing to fulfil (第十三条).</summary>
    public bool Expires(CreditListEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.List == CreditList.Abnormal && ExpiringCauses.Contains(entry.Cause) && !CreditListCauses.Of(entry.Cause).HasObligation;
    }

    public DateOnly ExpiresOn(CreditListEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.EnteredOn.AddMonths(AbnormalExpiryMonths);
    }

    public DateOnly SeriousFrom(CreditListEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.EnteredOn.AddYears(YearsToSerious);
    }

    /// <summary>
    /// A current abnormal entry moves up to the serious list on <paramref name="today"/>: two years listed without the
    /// obligation verified as fulfilled (第十四条(一)). Entries that expire by themselves never stay that long.
    /// </summary>
    public bool MovesToSerious(CreditListEntry entry, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.IsCurrent && entry.List == CreditList.Abnormal && entry.FulfilmentVerifiedOn is null && !Expires(entry) && SeriousFrom(entry) <= today;
    }

    /// <summary>The first day a serious entry may end on application: two years after the organization's latest listing (第十五条, 第十六条).</summary>
    public DateOnly CleanOn(CreditListEntry entry, DateOnly latestListing)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var since = latestListing > entry.EnteredOn ? latestListing : entry.EnteredOn;
        return since.AddYears(SeriousCleanYears);
    }

    /// <summary>
    /// Why an officer may not end the entry this way on <paramref name="exitedOn"/> (a localization key), or null when the
    /// exit is lawful. 更正 (listed in error) is always possible. Abnormal list: 已履行义务 only for a cause with an
    /// obligation (the others end after 6 months) (第十三条). Serious list: on application after two years, never for a
    /// revoked registration, which ends only on deregistration (第十六条).
    /// </summary>
    public string? RefusesExit(CreditListEntry entry, ExitCause cause, DateOnly exitedOn, DateOnly latestListing)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (cause == ExitCause.Corrected)
        {
            return null;
        }

        if (entry.List == CreditList.Abnormal)
        {
            return cause != ExitCause.Rectified ? "Insp.Error.ExitCauseNotForList"
                : CreditListCauses.Of(entry.Cause).HasObligation ? null : "Insp.Error.NothingToFulfil";
        }

        if (cause != ExitCause.CleanTwoYears)
        {
            return "Insp.Error.ExitCauseNotForList";
        }

        return entry.Cause == EntryCause.RegistrationRevoked ? "Insp.Error.RevokedLeavesOnDeregistration"
            : exitedOn < CleanOn(entry, latestListing) ? "Insp.Error.SeriousTooEarly" : null;
    }
}
