using Registry.Core.Data;

namespace Registry.Disclosure.Domain;

/// <summary>Who asks (条例 第二十九条): a citizen, or a legal person or other organization.</summary>
public enum ApplicantKind
{
    /// <summary>自然人.</summary>
    NaturalPerson,

    /// <summary>法人或者其他组织.</summary>
    Organization,
}

/// <summary>The kind of an organization applicant, as the annual report's national table counts them (条例 第五十条).</summary>
public enum OrganizationKind
{
    /// <summary>商业企业.</summary>
    Business,

    /// <summary>科研机构.</summary>
    Research,

    /// <summary>社会公益组织.</summary>
    NonProfit,

    /// <summary>法律服务机构.</summary>
    LegalService,

    /// <summary>其他.</summary>
    Other,
}

/// <summary>The form the applicant wants the information in (条例 第二十九条第二款第三项).</summary>
public enum InformationForm
{
    /// <summary>纸质.</summary>
    Paper,

    /// <summary>电子数据.</summary>
    Electronic,
}

/// <summary>How the applicant wants to receive it.</summary>
public enum DeliveryMethod
{
    /// <summary>邮寄.</summary>
    Post,

    /// <summary>电子邮件.</summary>
    Email,

    /// <summary>当面领取.</summary>
    Pickup,
}

/// <summary>Where a request stands.</summary>
public enum RequestState
{
    /// <summary>已收到，办理中: the answer clock runs.</summary>
    Received,

    /// <summary>待补正: a 补正 notice was sent; the clock stands still and restarts on the corrected request (第三十条).</summary>
    AwaitingCorrection,

    /// <summary>征求第三方意见中: the time does not count (第三十二条).</summary>
    InConsultation,

    /// <summary>已答复.</summary>
    Answered,

    /// <summary>视为放弃: the applicant did not correct the request within the period given (第三十条).</summary>
    Abandoned,

    /// <summary>已撤回 by the applicant.</summary>
    Withdrawn,
}

/// <summary>
/// A request for disclosure (依申请公开, 政府信息公开条例 第二十七–四十五条). The answer clock is never stored: it is derived
/// from the <see cref="Events"/> and the working-day calendar whenever it is read (<see cref="RequestClock"/>).
/// </summary>
public sealed class DisclosureRequest : IVersioned
{
    public const int MaxName = 100;
    public const int MaxIdNumber = 40;
    public const int MaxContact = 100;
    public const int MaxAddress = 200;
    public const int MaxDescription = 4000;
    public const int MaxPurpose = 1000;

    public int Id { get; set; }

    /// <summary>受理编号 given to the applicant, e.g. YSQ-2026-000012.</summary>
    public string ReceiptNumber { get; set; } = "";

    public ApplicantKind ApplicantKind { get; set; }

    /// <summary>For an organization applicant: its kind, as the annual report counts them.</summary>
    public OrganizationKind? OrganizationKind { get; set; }

    /// <summary>The person's or the organization's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>身份证件名称 (居民身份证, 护照 …) or, for an organization, 统一社会信用代码.</summary>
    public string IdType { get; set; } = "";

    public string IdNumber { get; set; } = "";

    /// <summary>法定代表人或者主要负责人 (organizations only).</summary>
    public string? Representative { get; set; }

    /// <summary>联系人 (organizations only).</summary>
    public string? ContactPerson { get; set; }

    public string Phone { get; set; } = "";

    public string? Email { get; set; }

    public string? Address { get; set; }

    public string? PostalCode { get; set; }

    /// <summary>所需政府信息的名称、文号或者便于查询的其他特征性描述 (第二十九条第二款第二项).</summary>
    public string Description { get; set; } = "";

    /// <summary>用途 (optional: the 2019 revision no longer requires it).</summary>
    public string? Purpose { get; set; }

    public InformationForm PreferredForm { get; set; }

    public DeliveryMethod Delivery { get; set; }

    /// <summary>
    /// SHA-256 of the follow-up secret shown once on filing (never stored in clear): with the receipt number it opens the
    /// request's progress and reply without an account (<see cref="RequestSecret.Matches"/>).
    /// </summary>
    public string SecretHash { get; set; } = "";

    /// <summary>The account that filed it (null for an anonymous visitor, who is answered through the contact details).</summary>
    public string? UserId { get; set; }

    public DateTime SubmittedAt { get; set; }

    /// <summary>收到申请之日 in Beijing (第三十一条: online, the day it arrives in the system).</summary>
    public DateOnly ReceivedOn { get; set; }

    public RequestState State { get; set; }

    public AnswerType? AnswerType { get; set; }

    public AnswerReason? AnswerReason { get; set; }

    /// <summary>The written reply's explanation (legal reason of a refusal, what was withheld …).</summary>
    public string? AnswerText { get; set; }

    /// <summary>Where already-published information is found (已主动公开), or the agency responsible (非本机关).</summary>
    public string? AnswerReference { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public string? AnsweredBy { get; set; }

    /// <summary>Day the last due-soon or overdue warning went to the officers (at most one a day).</summary>
    public DateOnly? WarnedOn { get; set; }

    public List<RequestEvent> Events { get; set; } = [];

    public List<RequestAttachment> Attachments { get; set; } = [];

    public long Version { get; set; }
}

/// <summary>What happened to a request; the clock is derived from these.</summary>
public enum RequestEventKind
{
    Received,
    CorrectionRequested,
    Corrected,
    ConsultationStarted,
    ConsultationEnded,
    Extended,
    Answered,
    Abandoned,
    Withdrawn,
}

/// <summary>One recorded step of a request, dated in Beijing.</summary>
public sealed class RequestEvent
{
    public const int MaxNote = 2000;

    public int Id { get; set; }

    public int RequestId { get; set; }

    public RequestEventKind Kind { get; set; }

    /// <summary>The Beijing day it happened; the clock counts from these days.</summary>
    public DateOnly On { get; set; }

    public DateTime At { get; set; }

    public string Actor { get; set; } = "";

    /// <summary>Working days granted (an extension) or given to correct (a 补正 notice).</summary>
    public int? Days { get; set; }

    /// <summary>Who approved an extension (the disclosure office's head, 第三十三条), or the consulted third party.</summary>
    public string? Party { get; set; }

    public string? Note { get; set; }
}

/// <summary>A file given with the answer (the information disclosed).</summary>
/// <summary>The follow-up secret of a request (<see cref="DisclosureRequest.SecretHash"/>).</summary>
public static class RequestSecret
{
    /// <summary>A new secret: 16 characters of an alphabet without look-alikes, easy to copy from the receipt.</summary>
    public static string New() => System.Security.Cryptography.RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret.Trim().ToUpperInvariant())));

    /// <summary>Constant-time check of a typed secret; a request without one (none stored) never matches.</summary>
    public static bool Matches(this DisclosureRequest request, string? secret) =>
        request is { SecretHash.Length: > 0 } && !string.IsNullOrWhiteSpace(secret)
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Hash(secret)), System.Text.Encoding.ASCII.GetBytes(request.SecretHash));
}

public sealed class RequestAttachment
{
    public int Id { get; set; }

    public int RequestId { get; set; }

    public Guid FileId { get; set; }

    public string FileName { get; set; } = "";

    public long Size { get; set; }
}
