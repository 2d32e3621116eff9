using Registry.Core.Workflows;
using Registry.Notices.Contracts;

namespace Registry.Notices.Domain;

/// <summary>What moves a notice (公示公告) on.</summary>
public enum NoticeTrigger
{
    /// <summary>Published (again, after a withdrawal).</summary>
    Publish,

    /// <summary>Taken off the public pages; the record stays.</summary>
    Withdraw,
}

/// <summary>
/// A notice's states: 草稿 → 已发布 ⇄ 已撤回. Services, the publisher other modules call and the recipe change a notice's state
/// only through <see cref="Next"/> (see <c>NoticeService.Transition</c>).
/// </summary>
public static class NoticeWorkflow
{
    private static readonly TransitionTable<NoticeStatus, NoticeTrigger> Table = new TransitionTable<NoticeStatus, NoticeTrigger>()
        .Permit(NoticeStatus.Draft, NoticeTrigger.Publish, NoticeStatus.Published)
        .Permit(NoticeStatus.Withdrawn, NoticeTrigger.Publish, NoticeStatus.Published)
        .Permit(NoticeStatus.Published, NoticeTrigger.Withdraw, NoticeStatus.Withdrawn);

    /// <summary>The status after <paramref name="trigger"/>, or null when the transition is not allowed.</summary>
    public static NoticeStatus? Next(NoticeStatus status, NoticeTrigger trigger) => Table.Next(status, trigger);

    public static IReadOnlyList<NoticeTrigger> Permitted(NoticeStatus status) => Table.Permitted(status);
}
