using Registry.Notices.Contracts;
using Registry.Notices.Domain;

namespace Registry.Notices.Tests.Domain;

public sealed class NoticeWorkflowTests
{
    // A notice by hand: a draft is published; a published notice is withdrawn and may be published again; a draft is never
    // withdrawn and a published one never published twice.
    private static readonly (NoticeStatus From, NoticeTrigger Trigger, NoticeStatus To)[] Allowed =
    [
        (NoticeStatus.Draft, NoticeTrigger.Publish, NoticeStatus.Published),
        (NoticeStatus.Withdrawn, NoticeTrigger.Publish, NoticeStatus.Published),
        (NoticeStatus.Published, NoticeTrigger.Withdraw, NoticeStatus.Withdrawn),
    ];

    /// <summary>Every (state, trigger) pair: generated, so a new enum member is covered at once.</summary>
    public static TheoryData<NoticeStatus, NoticeTrigger> Pairs()
    {
        var data = new TheoryData<NoticeStatus, NoticeTrigger>();
        foreach (var state in Enum.GetValues<NoticeStatus>())
        {
            foreach (var trigger in Enum.GetValues<NoticeTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    public static TheoryData<NoticeStatus> States() => [.. Enum.GetValues<NoticeStatus>()];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Next_EveryStateAndTrigger_FollowsTheTable(NoticeStatus from, NoticeTrigger trigger)
    {
        var expected = Allowed.Where(a => a.From == from && a.Trigger == trigger).Select(a => (NoticeStatus?)a.To).SingleOrDefault();

        NoticeWorkflow.Next(from, trigger).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Permitted_AnyState_ListsExactlyTheTableTriggers(NoticeStatus state)
    {
        var expected = Allowed.Where(a => a.From == state).Select(a => a.Trigger).Order();

        NoticeWorkflow.Permitted(state).Order().ShouldBe(expected);
    }

    [Fact]
    public void Allowed_Table_HasNoPairTwice()
    {
        // 3 transitions; the rest of the product is refused (checked pair by pair above).
        Allowed.Select(a => (a.From, a.Trigger)).Distinct().Count().ShouldBe(3);
    }
}
