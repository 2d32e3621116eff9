namespace Registry.Disclosure.Domain;

/// <summary>The statutory kinds of answer (政府信息公开条例 第三十六条), grouped as the annual report's national table counts them.</summary>
public enum AnswerType
{
    /// <summary>已主动公开: tell where and how to find it (第三十六条第一项); counted as 予以公开.</summary>
    AlreadyPublic,

    /// <summary>予以公开 (第三十六条第二项).</summary>
    Granted,

    /// <summary>部分公开: the rest withheld with the reason (第三十七条).</summary>
    PartlyGranted,

    /// <summary>不予公开 with the legal reason (第三十六条第三项).</summary>
    Refused,

    /// <summary>无法提供 (第三十六条第四项, 第三十八条).</summary>
    Unavailable,

    /// <summary>不予处理 (第三十五条, 第三十六条第六项, 第三十九条).</summary>
    NotProcessed,

    /// <summary>非本机关负责公开: name the agency that is, where known (第三十六条第五项); counted as 无法提供 (本机关不掌握).</summary>
    NotThisAgency,
}

/// <summary>The reasons the national format of the annual report counts (国办公开办函〔2021〕30号), with their articles.</summary>
public enum AnswerReason
{
    /// <summary>属于国家秘密 (第十四条).</summary>
    StateSecret,

    /// <summary>其他法律行政法规禁止公开 (第十四条).</summary>
    ProhibitedByLaw,

    /// <summary>危及“三安全一稳定” (第十四条).</summary>
    Security,

    /// <summary>保护第三方合法权益 (第十五条).</summary>
    ThirdPartyRights,

    /// <summary>属于三类内部事务信息 (第十六条第一款).</summary>
    InternalAffairs,

    /// <summary>属于四类过程性信息 (第十六条第二款).</summary>
    ProcessInformation,

    /// <summary>属于行政执法案卷 (第十六条第二款).</summary>
    EnforcementFile,

    /// <summary>属于行政查询事项 (第三十六条第七项).</summary>
    AdministrativeQuery,

    /// <summary>本机关不掌握相关政府信息 (第三十六条第四项).</summary>
    NotHeld,

    /// <summary>没有现成信息需要另行制作 (第三十八条).</summary>
    WouldNeedCreating,

    /// <summary>补正后申请内容仍不明确 (第三十条).</summary>
    StillUnclear,

    /// <summary>信访举报投诉类申请 (第三十九条第一款).</summary>
    Petition,

    /// <summary>重复申请 (第三十六条第六项).</summary>
    Repeated,

    /// <summary>要求提供公开出版物 (第三十九条第二款).</summary>
    Publication,

    /// <summary>无正当理由大量反复申请 (第三十五条).</summary>
    Excessive,

    /// <summary>要求行政机关确认或重新出具已获取信息 (第三十九条第二款).</summary>
    Confirmation,
}

/// <summary>Which answers need what (条例 第三十六–三十九条): a reason, an explanation, a reference, the information.</summary>
public static class AnswerRules
{
    /// <summary>The reasons an answer type may give; an empty list means the type takes none.</summary>
    public static IReadOnlyList<AnswerReason> ReasonsFor(AnswerType type) => type switch
    {
        AnswerType.PartlyGranted or AnswerType.Refused =>
        [
            AnswerReason.StateSecret, AnswerReason.ProhibitedByLaw, AnswerReason.Security, AnswerReason.ThirdPartyRights,
            AnswerReason.InternalAffairs, AnswerReason.ProcessInformation, AnswerReason.EnforcementFile, AnswerReason.AdministrativeQuery,
        ],
        AnswerType.Unavailable => [AnswerReason.NotHeld, AnswerReason.WouldNeedCreating, AnswerReason.StillUnclear],
        AnswerType.NotProcessed => [AnswerReason.Petition, AnswerReason.Repeated, AnswerReason.Publication, AnswerReason.Excessive, AnswerReason.Confirmation],
        _ => [],
    };

    /// <summary>A refusal in whole or in part must state its legal reason in writing (第三十六条第三项, 第三十七条).</summary>
    public static bool NeedsExplanation(AnswerType type) => type is AnswerType.PartlyGranted or AnswerType.Refused or AnswerType.Unavailable or AnswerType.NotProcessed;

    /// <summary>已主动公开 says where to find it; 非本机关 names the agency responsible (第三十六条第一、五项).</summary>
    public static bool NeedsReference(AnswerType type) => type is AnswerType.AlreadyPublic or AnswerType.NotThisAgency;

    /// <summary>The information itself goes with the answer where it is disclosed.</summary>
    public static bool DisclosesInformation(AnswerType type) => type is AnswerType.Granted or AnswerType.PartlyGranted;

    /// <summary>The article the reply cites for its answer.</summary>
    public static string Article(AnswerType type, AnswerReason? reason) => reason switch
    {
        AnswerReason.StateSecret or AnswerReason.ProhibitedByLaw or AnswerReason.Security => "第十四条",
        AnswerReason.ThirdPartyRights => "第十五条",
        AnswerReason.InternalAffairs => "第十六条第一款",
        AnswerReason.ProcessInformation or AnswerReason.EnforcementFile => "第十六条第二款",
        AnswerReason.AdministrativeQuery => "第三十六条第七项",
        AnswerReason.NotHeld => "第三十六条第四项",
        AnswerReason.WouldNeedCreating => "第三十八条",
        AnswerReason.StillUnclear => "第三十条",
        AnswerReason.Petition => "第三十九条第一款",
        AnswerReason.Repeated => "第三十六条第六项",
        AnswerReason.Publication or AnswerReason.Confirmation => "第三十九条第二款",
        AnswerReason.Excessive => "第三十五条",
        _ => type switch
        {
            AnswerType.AlreadyPublic => "第三十六条第一项",
            AnswerType.Granted => "第三十六条第二项",
            AnswerType.PartlyGranted => "第三十七条",
            AnswerType.NotThisAgency => "第三十六条第五项",
            _ => "第三十六条",
        },
    };

    /// <summary>Localization keys of what is missing or not allowed in an answer; empty when it can be given.</summary>
    public static IReadOnlyList<string> Check(AnswerType type, AnswerReason? reason, string? explanation, string? reference, int attachments)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(type))
        {
            errors.Add("Disclosure.Error.AnswerTypeRequired");
            return errors;
        }

        var reasons = ReasonsFor(type);
        if (reasons.Count > 0 && (reason is not { } r || !reasons.Contains(r)))
        {
            errors.Add("Disclosure.Error.ReasonRequired");
        }
        else if (reasons.Count == 0 && reason is not null)
        {
            errors.Add("Disclosure.Error.ReasonNotApplicable");
        }

        if (NeedsExplanation(type) && string.IsNullOrWhiteSpace(explanation))
        {
            errors.Add("Disclosure.Error.ExplanationRequired");
        }

        if (NeedsReference(type) && string.IsNullOrWhiteSpace(reference))
        {
            errors.Add(type == AnswerType.AlreadyPublic ? "Disclosure.Error.WhereRequired" : "Disclosure.Error.AgencyRequired");
        }

        if (DisclosesInformation(type) && attachments == 0)
        {
            errors.Add("Disclosure.Error.InformationRequired");
        }

        return errors;
    }
}
