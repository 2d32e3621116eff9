namespace Registry.Documents.Domain;

/// <summary>
/// The formal documents (文书) a decision produces: 行政许可法 第三十二条 (受理 / 不予受理 / 一次性告知补正),
/// 第三十八条 (written decisions; a refusal states its reasons and the rights to review and suit) and 第三十九条 (certificates).
/// </summary>
public enum DocumentKind
{
    /// <summary>受理通知书.</summary>
    AcceptanceNotice,

    /// <summary>不予受理通知书.</summary>
    NonAcceptanceNotice,

    /// <summary>补正材料通知书: every deficiency at once (一次性告知, 行政许可法 第三十二条第一款第四项).</summary>
    CorrectionNotice,

    /// <summary>准予登记决定书.</summary>
    RegistrationApproval,

    /// <summary>不予登记决定书: reasons, 行政复议 within 60 days, 行政诉讼 within 6 months (行政许可法 第三十八条第二款).</summary>
    RegistrationRefusal,

    /// <summary>年检结论通知书.</summary>
    InspectionConclusion,

    /// <summary>评估等级证书.</summary>
    GradeCertificate,

    /// <summary>公益创投立项通知书.</summary>
    GrantAwardNotice,

    /// <summary>登记证书 (a registration certificate; no longer valid once the organization is deregistered or revoked).</summary>
    RegistrationCertificate,

    /// <summary>政府信息公开申请答复书: the formal written reply to a request for disclosure (政府信息公开条例 第三十六条).</summary>
    DisclosureReply,
}

/// <summary>Defaults per document kind.</summary>
public static class DocumentKinds
{
    public static readonly IReadOnlyList<DocumentKind> All = Enum.GetValues<DocumentKind>();

    /// <summary>The 文号 pattern used until the recipe or the admin sets the bureau's own (<see cref="DocumentNumbers"/>).</summary>
    public static string DefaultNumberFormat(DocumentKind kind) => kind switch
    {
        DocumentKind.AcceptanceNotice => "民社受〔{year}〕{seq}号",
        DocumentKind.NonAcceptanceNotice => "民社不受〔{year}〕{seq}号",
        DocumentKind.CorrectionNotice => "民社补〔{year}〕{seq}号",
        DocumentKind.RegistrationApproval => "民社登〔{year}〕{seq}号",
        DocumentKind.RegistrationRefusal => "民社不登〔{year}〕{seq}号",
        DocumentKind.InspectionConclusion => "民社检〔{year}〕{seq}号",
        DocumentKind.GradeCertificate => "民社评〔{year}〕{seq}号",
        DocumentKind.GrantAwardNotice => "民创投〔{year}〕{seq}号",
        DocumentKind.RegistrationCertificate => "民社证〔{year}〕{seq}号",
        DocumentKind.DisclosureReply => "民信公答〔{year}〕{seq}号",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The setting that holds the kind's 文号 pattern.</summary>
    public static string NumberFormatSetting(DocumentKind kind) => "Documents.NumberFormat." + kind;

    /// <summary>The gap-free counter of the kind in one year.</summary>
    public static string SequenceName(DocumentKind kind, int year) => $"documents:{kind}:{year}";
}
