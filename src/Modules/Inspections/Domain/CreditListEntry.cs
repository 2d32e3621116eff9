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

/// <summary>Statutory causes of entry; the first four are for the abnormal list, the rest for the serious list.</summary>
public enum EntryCause
{
    /// <summary>未按规定时限报送年度工作报告 (entered automatically after the campaign deadline).</summary>
    LateAnnualReport,

    /// <summary>通过登记的住所无法取得联系.</summary>
    Unreachable,

    /// <summary>未按登记管理机关整改要求完成整改 (entered automatically when a rectification is overdue).</summary>
    UnfinishedRectification,

    /// <summary>其他 (abnormal list), described in the detail.</summary>
    OtherAbnormal,

    /// <summary>被列入活动异常名录满2年 (moved automatically).</summary>
    ProlongedAbnormal,

    /// <summary>弄虚作假办理变更登记, 被撤销登记.</summary>
    RegistrationRevoked,

    /// <summary>受到限期停止活动或者更严重的行政处罚.</summary>
    SeriousPenalty,

    /// <summary>其他严重违法失信行为, described in the detail.</summary>
    OtherSerious,
}

/// <summary>How an entry ended.</summary>
public enum ExitCause
{
    /// <summary>履行义务、整改完成 (verified by an officer).</summary>
    Rectified,

    /// <summary>列入满6个月自动移出 (for the causes configured so).</summary>
    Expired,

    /// <summary>Moved up to the serious list after two years.</summary>
    MovedToSerious,

    /// <summary>列入严重违法失信名单满2年且未再发生.</summary>
    CleanTwoYears,

    /// <summary>Deregistered (注销).</summary>
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

    /// <summary>The organization has done what the entry asked for (e.g. filed the late report); an officer must verify and take it off within 5 working days.</summary>
    public DateOnly? ExitRequestedOn { get; set; }

    public DateOnly? ExitDueOn { get; set; }

    public DateOnly? ExitedOn { get; set; }

    public ExitCause? ExitCause { get; set; }

    public string? ExitDecision { get; set; }

    public string? ExitedBy { get; set; }

    /// <summary>For an entry moved to the serious list, the abnormal entry it came from.</summary>
    public int? FromEntryId { get; set; }

    public long Version { get; set; }

    public bool IsCurrent => ExitedOn is null;

    public static CreditList ListOf(EntryCause cause) => cause <= EntryCause.OtherAbnormal ? CreditList.Abnormal : CreditList.Serious;
}

/// <summary>Time rules of the credit lists (configurable where localities differ).</summary>
public sealed class CreditListRules
{
    /// <summary>Months after which an abnormal entry of these causes ends by itself.</summary>
    public int AbnormalExpiryMonths { get; set; } = 6;

    /// <summary>Causes whose abnormal entries expire: a late report; the others stay until verified or moved up.</summary>
    public List<EntryCause> ExpiringCauses { get; set; } = [EntryCause.LateAnnualReport];

    /// <summary>Years on the abnormal list (without a break) that move an organization to the serious list.</summary>
    public int YearsToSerious { get; set; } = 2;

    /// <summary>Clean years after which a serious entry ends.</summary>
    public int SeriousCleanYears { get; set; } = 2;

    /// <summary>Working days an officer has to take an organization off once it has done what was asked.</summary>
    public int ExitWorkingDays { get; set; } = 5;

    public bool Expires(CreditListEntry entry) => entry.List == CreditList.Abnormal && ExpiringCauses.Contains(entry.Cause);

    public DateOnly ExpiresOn(CreditListEntry entry) => entry.EnteredOn.AddMonths(AbnormalExpiryMonths);

    public DateOnly SeriousFrom(CreditListEntry entry) => entry.EnteredOn.AddYears(YearsToSerious);

    public DateOnly CleanOn(CreditListEntry entry) => entry.EnteredOn.AddYears(SeriousCleanYears);
}
