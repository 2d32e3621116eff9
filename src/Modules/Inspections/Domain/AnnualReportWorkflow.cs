using Registry.Core.Workflows;

namespace Registry.Inspections.Domain;

/// <summary>What moves an annual report (年检/年报) on.</summary>
public enum ReportTrigger
{
    /// <summary>The organization saves a first draft or attaches a first file.</summary>
    Start,

    /// <summary>The organization files it (again, after a return).</summary>
    Submit,

    /// <summary>The officer sends it back for correction, with a note.</summary>
    Return,

    /// <summary>The officer records 合格 / 基本合格 / 不合格 on the filed report.</summary>
    Conclude,

    /// <summary>
    /// A result reviewed on paper and imported: at any stage before a conclusion, but never for a report exempt that year
    /// (an organization registered less than six months before 31 December does not take part).
    /// </summary>
    Import,

    /// <summary>
    /// The organization files it (again) and its supervising unit answers online: the unit's 初审 comes first
    /// (社会团体登记管理条例 第二十八条: 经业务主管单位初审同意后报送登记管理机关).
    /// </summary>
    SubmitToUnit,

    /// <summary>The supervising unit agrees, with its opinion: the report goes on to the bureau.</summary>
    UnitAgree,

    /// <summary>The supervising unit sends it back for correction, with its reasons.</summary>
    UnitReturn,
}

/// <summary>
/// An annual report's states: 未填写 → 草稿 → (业务主管单位初审 →) 已提交 → 已出结论, or 退回 and filed again; 免检 is final
/// from the start. An organization whose supervising unit answers online files to the unit first; a directly registered
/// one (or one whose unit has no account) files straight to the bureau. Nothing passes the unit by time alone: a report
/// past the unit's deadline is shown overdue (derived when read) until the unit answers.
/// Services and the importer change a report's state only through <see cref="Next"/> (see <c>ReportService.Transition</c>).
/// </summary>
public static class AnnualReportWorkflow
{
    private static readonly TransitionTable<ReportState, ReportTrigger> Table = new TransitionTable<ReportState, ReportTrigger>()
        .Permit(ReportState.NotStarted, ReportTrigger.Start, ReportState.Draft)
        .Permit(ReportState.NotStarted, ReportTrigger.Submit, ReportState.Submitted)
        .Permit(ReportState.Draft, ReportTrigger.Submit, ReportState.Submitted)
        .Permit(ReportState.Returned, ReportTrigger.Submit, ReportState.Submitted)
        .Permit(ReportState.Submitted, ReportTrigger.Return, ReportState.Returned)
        .Permit(ReportState.Submitted, ReportTrigger.Conclude, ReportState.Concluded)
        .Permit(ReportState.NotStarted, ReportTrigger.Import, ReportState.Concluded)
        .Permit(ReportState.Draft, ReportTrigger.Import, ReportState.Concluded)
        .Permit(ReportState.Submitted, ReportTrigger.Import, ReportState.Concluded)
        .Permit(ReportState.Returned, ReportTrigger.Import, ReportState.Concluded)
        .Permit(ReportState.NotStarted, ReportTrigger.SubmitToUnit, ReportState.UnitReview)
        .Permit(ReportState.Draft, ReportTrigger.SubmitToUnit, ReportState.UnitReview)
        .Permit(ReportState.Returned, ReportTrigger.SubmitToUnit, ReportState.UnitReview)
        .Permit(ReportState.UnitReview, ReportTrigger.UnitAgree, ReportState.Submitted)
        .Permit(ReportState.UnitReview, ReportTrigger.UnitReturn, ReportState.Returned)
        .Permit(ReportState.UnitReview, ReportTrigger.Import, ReportState.Concluded);

    /// <summary>The state after <paramref name="trigger"/>, or null when the transition is not allowed.</summary>
    public static ReportState? Next(ReportState state, ReportTrigger trigger) => Table.Next(state, trigger);

    public static IReadOnlyList<ReportTrigger> Permitted(ReportState state) => Table.Permitted(state);
}

/// <summary>What moves a rectification (整改) on.</summary>
public enum RectificationTrigger
{
    /// <summary>A 基本合格 or 不合格 result asks for rectification by a due date.</summary>
    Require,

    /// <summary>The organization files its rectification report.</summary>
    Submit,

    /// <summary>The officer accepts it (验收).</summary>
    Verify,

    /// <summary>The officer asks for more, with a note; the organization files again.</summary>
    Return,

    /// <summary>An imported result whose rectification was already verified on paper.</summary>
    RecordVerified,
}

/// <summary>
/// A rectification's states: 无需整改 → 待整改 → 整改待验收 → 整改已验收, or back to 待整改. Services and the importer change it
/// only through <see cref="Next"/> (see <c>ReportService.Transition</c>).
/// </summary>
public static class RectificationWorkflow
{
    private static readonly TransitionTable<RectificationState, RectificationTrigger> Table = new TransitionTable<RectificationState, RectificationTrigger>()
        .Permit(RectificationState.None, RectificationTrigger.Require, RectificationState.Required)
        .Permit(RectificationState.Required, RectificationTrigger.Submit, RectificationState.Submitted)
        .Permit(RectificationState.Submitted, RectificationTrigger.Verify, RectificationState.Verified)
        .Permit(RectificationState.Submitted, RectificationTrigger.Return, RectificationState.Required)
        .Permit(RectificationState.Required, RectificationTrigger.RecordVerified, RectificationState.Verified);

    /// <summary>The state after <paramref name="trigger"/>, or null when the transition is not allowed.</summary>
    public static RectificationState? Next(RectificationState state, RectificationTrigger trigger) => Table.Next(state, trigger);

    public static IReadOnlyList<RectificationTrigger> Permitted(RectificationState state) => Table.Permitted(state);
}
