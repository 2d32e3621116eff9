using Registry.Core.Data;

namespace Registry.Disclosure.Domain;

/// <summary>
/// The rows of table 三 of the annual report (收到和处理政府信息公开申请情况) in the national format (国办公开办函〔2021〕30号),
/// in its order. The totals (<see cref="ResultsTotal"/>) are derived from the result rows, never counted on their own.
/// </summary>
public enum ReportRow
{
    /// <summary>一、本年新收政府信息公开申请数量.</summary>
    NewThisYear,

    /// <summary>二、上年结转政府信息公开申请数量.</summary>
    CarriedIn,

    /// <summary>（一）予以公开 (已主动公开 included).</summary>
    Granted,

    /// <summary>（二）部分公开 (counted only here, whatever the reason for the part withheld).</summary>
    PartlyGranted,

    /// <summary>（三）不予公开 1. 属于国家秘密.</summary>
    RefusedStateSecret,

    /// <summary>（三）2. 其他法律行政法规禁止公开.</summary>
    RefusedProhibitedByLaw,

    /// <summary>（三）3. 危及“三安全一稳定”.</summary>
    RefusedSecurity,

    /// <summary>（三）4. 保护第三方合法权益.</summary>
    RefusedThirdPartyRights,

    /// <summary>（三）5. 属于三类内部事务信息.</summary>
    RefusedInternalAffairs,

    /// <summary>（三）6. 属于四类过程性信息.</summary>
    RefusedProcessInformation,

    /// <summary>（三）7. 属于行政执法案卷.</summary>
    RefusedEnforcementFile,

    /// <summary>（三）8. 属于行政查询事项.</summary>
    RefusedAdministrativeQuery,

    /// <summary>（四）无法提供 1. 本机关不掌握相关政府信息 (非本机关 answers included).</summary>
    UnavailableNotHeld,

    /// <summary>（四）2. 没有现成信息需要另行制作.</summary>
    UnavailableWouldNeedCreating,

    /// <summary>（四）3. 补正后申请内容仍不明确.</summary>
    UnavailableStillUnclear,

    /// <summary>（五）不予处理 1. 信访举报投诉类申请.</summary>
    NotProcessedPetition,

    /// <summary>（五）2. 重复申请.</summary>
    NotProcessedRepeated,

    /// <summary>（五）3. 要求提供公开出版物.</summary>
    NotProcessedPublication,

    /// <summary>（五）4. 无正当理由大量反复申请.</summary>
    NotProcessedExcessive,

    /// <summary>（五）5. 要求行政机关确认或重新出具已获取信息.</summary>
    NotProcessedConfirmation,

    /// <summary>（六）其他处理 1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请.</summary>
    OtherNotCorrected,

    /// <summary>（六）2. 申请人逾期未按收费通知要求缴纳费用 (no fee is charged here, so it stays 0 unless recorded elsewhere).</summary>
    OtherFeeUnpaid,

    /// <summary>（六）3. 其他 (withdrawn requests).</summary>
    OtherOther,

    /// <summary>（七）总计: the sum of the result rows.</summary>
    ResultsTotal,

    /// <summary>四、结转下年度继续办理.</summary>
    CarriedOut,
}

/// <summary>The applicant columns of table 三: 自然人, 法人或其他组织 by kind, and 总计 (derived).</summary>
public enum ReportColumn
{
    NaturalPerson,
    Business,
    Research,
    NonProfit,
    LegalService,
    OtherOrganization,
    Total,
}

/// <summary>
/// How a request counts in the annual report of a year (政府信息公开条例 第五十条): received in the year, carried in from the
/// year before, concluded in the year (by its answer, abandonment or withdrawal) or carried into the next. For every year,
/// 新收 + 上年结转 = 总计 + 结转下年度, as the national format requires.
/// </summary>
public static class AnnualReportRules
{
    /// <summary>The result rows, in the table's order (their sum is <see cref="ReportRow.ResultsTotal"/>).</summary>
    public static readonly IReadOnlyList<ReportRow> ResultRows =
        [.. Enum.GetValues<ReportRow>().Where(r => r is not (ReportRow.NewThisYear or ReportRow.CarriedIn or ReportRow.ResultsTotal or ReportRow.CarriedOut))];

    /// <summary>The applicant columns counted (without the derived total).</summary>
    public static readonly IReadOnlyList<ReportColumn> ApplicantColumns = [.. Enum.GetValues<ReportColumn>().Where(c => c != ReportColumn.Total)];

    /// <summary>The report on <paramref name="year"/> is published by 31 January of the next year (第四十九条).</summary>
    public static DateOnly DueOn(int year) => new(year + 1, 1, 31);

    /// <summary>The Beijing day the request was concluded (answered, abandoned or withdrawn), or null while it is open.</summary>
    public static DateOnly? ConcludedOn(DisclosureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.State is not (RequestState.Answered or RequestState.Abandoned or RequestState.Withdrawn))
        {
            return null;
        }

        var last = request.Events.Where(e => e.Kind is RequestEventKind.Answered or RequestEventKind.Abandoned or RequestEventKind.Withdrawn)
            .OrderByDescending(e => e.On).FirstOrDefault();
        return last?.On ?? (request.AnsweredAt is { } at ? DateOnly.FromDateTime(at) : request.ReceivedOn);
    }

    /// <summary>The applicant column of the request.</summary>
    public static ReportColumn ColumnOf(DisclosureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ApplicantKind == ApplicantKind.NaturalPerson
            ? ReportColumn.NaturalPerson
            : request.OrganizationKind switch
            {
                OrganizationKind.Business => ReportColumn.Business,
                OrganizationKind.Research => ReportColumn.Research,
                OrganizationKind.NonProfit => ReportColumn.NonProfit,
                OrganizationKind.LegalService => ReportColumn.LegalService,
                _ => ReportColumn.OtherOrganization,
            };
    }

    /// <summary>The rows of the <paramref name="year"/>'s table the request counts in (totals excluded); empty when it does not count.</summary>
    public static IReadOnlyList<ReportRow> RowsOf(DisclosureRequest request, int year)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = new List<ReportRow>(3);
        var concluded = ConcludedOn(request);
        var received = request.ReceivedOn.Year;
        if (received > year || concluded?.Year < year)
        {
            return rows;
        }

        rows.Add(received == year ? ReportRow.NewThisYear : ReportRow.CarriedIn);
        if (concluded?.Year == year)
        {
            rows.Add(ResultOf(request));
        }
        else
        {
            rows.Add(ReportRow.CarriedOut);
        }

        return rows;
    }

    /// <summary>True when the request counts in the cell; <see cref="ReportRow.ResultsTotal"/> and <see cref="ReportColumn.Total"/> sum their parts.</summary>
    public static bool CountsIn(DisclosureRequest request, int year, ReportRow row, ReportColumn column)
    {
        if (column != ReportColumn.Total && ColumnOf(request) != column)
        {
            return false;
        }

        var rows = RowsOf(request, year);
        return row == ReportRow.ResultsTotal ? rows.Any(ResultRows.Contains) : rows.Contains(row);
    }

    /// <summary>The result row of a concluded request: the answer type and its reason, an abandonment or a withdrawal.</summary>
    public static ReportRow ResultOf(DisclosureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.State switch
        {
            RequestState.Abandoned => ReportRow.OtherNotCorrected,
            RequestState.Withdrawn => ReportRow.OtherOther,
            _ => request.AnswerType switch
            {
                AnswerType.AlreadyPublic or AnswerType.Granted => ReportRow.Granted,
                AnswerType.PartlyGranted => ReportRow.PartlyGranted,
                AnswerType.NotThisAgency => ReportRow.UnavailableNotHeld,
                AnswerType.Refused or AnswerType.Unavailable or AnswerType.NotProcessed => request.AnswerReason switch
                {
                    AnswerReason.StateSecret => ReportRow.RefusedStateSecret,
                    AnswerReason.ProhibitedByLaw => ReportRow.RefusedProhibitedByLaw,
                    AnswerReason.Security => ReportRow.RefusedSecurity,
                    AnswerReason.ThirdPartyRights => ReportRow.RefusedThirdPartyRights,
                    AnswerReason.InternalAffairs => ReportRow.RefusedInternalAffairs,
                    AnswerReason.ProcessInformation => ReportRow.RefusedProcessInformation,
                    AnswerReason.EnforcementFile => ReportRow.RefusedEnforcementFile,
                    AnswerReason.AdministrativeQuery => ReportRow.RefusedAdministrativeQuery,
                    AnswerReason.NotHeld => ReportRow.UnavailableNotHeld,
                    AnswerReason.WouldNeedCreating => ReportRow.UnavailableWouldNeedCreating,
                    AnswerReason.StillUnclear => ReportRow.UnavailableStillUnclear,
                    AnswerReason.Petition => ReportRow.NotProcessedPetition,
                    AnswerReason.Repeated => ReportRow.NotProcessedRepeated,
                    AnswerReason.Publication => ReportRow.NotProcessedPublication,
                    AnswerReason.Excessive => ReportRow.NotProcessedExcessive,
                    AnswerReason.Confirmation => ReportRow.NotProcessedConfirmation,
                    _ => ReportRow.OtherOther,
                },
                _ => ReportRow.OtherOther,
            },
        };
    }
}

/// <summary>Where a year's annual report stands.</summary>
public enum AnnualReportState
{
    /// <summary>起草中: the figures are live.</summary>
    Draft,

    /// <summary>已发布: the public page shows the snapshot taken when it was published.</summary>
    Published,
}

/// <summary>
/// 政府信息公开工作年度报告 (条例 第四十九–五十条): the officers' text and the figures only they can give (行政复议 and 行政诉讼
/// outcomes, decisions of other procedures, fees). The request figures are counted from the records whenever the report is
/// read; publishing freezes them, with the rest, into <see cref="SnapshotJson"/>.
/// </summary>
public sealed class AnnualDisclosureReport : IVersioned
{
    public const int MaxText = 20_000;

    /// <summary>The largest count an officer may enter for one cell.</summary>
    public const int MaxCount = 1_000_000;

    public int Id { get; set; }

    public int Year { get; set; }

    /// <summary>一、总体情况.</summary>
    public string Overview { get; set; } = "";

    /// <summary>五、存在的主要问题及改进情况.</summary>
    public string Problems { get; set; } = "";

    /// <summary>六、其他需要报告的事项.</summary>
    public string OtherMatters { get; set; } = "";

    /// <summary>二、行政强制 本年处理决定数量.</summary>
    public int Enforcements { get; set; }

    /// <summary>二、行政事业性收费 本年收费金额, in fen (shown in 万元 as the format asks).</summary>
    public long FeesFen { get; set; }

    /// <summary>四、行政复议 outcomes: 结果维持, 结果纠正, 其他结果, 尚未审结.</summary>
    public int ReviewUpheld { get; set; }

    public int ReviewCorrected { get; set; }

    public int ReviewOther { get; set; }

    public int ReviewPending { get; set; }

    /// <summary>四、行政诉讼 未经复议直接起诉.</summary>
    public int SuitUpheld { get; set; }

    public int SuitCorrected { get; set; }

    public int SuitOther { get; set; }

    public int SuitPending { get; set; }

    /// <summary>四、行政诉讼 复议后起诉.</summary>
    public int SuitAfterReviewUpheld { get; set; }

    public int SuitAfterReviewCorrected { get; set; }

    public int SuitAfterReviewOther { get; set; }

    public int SuitAfterReviewPending { get; set; }

    public AnnualReportState State { get; set; }

    public DateTime? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    /// <summary>The 索引号 the catalogue gave the published report.</summary>
    public string? IndexNumber { get; set; }

    /// <summary>The published figures (<c>AnnualReportFigures</c> as JSON); null while a draft.</summary>
    public string? SnapshotJson { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public long Version { get; set; }
}
