using Registry.Content.Domain;

namespace Registry.Content.Tests;

/// <summary>The transition table, state × trigger exhaustively, and the review levels.</summary>
public sealed class ContentLifecycleTests
{
    /// <summary>Every allowed transition with its target (approve shown at the last level); everything else is refused.</summary>
    private static readonly Dictionary<(ContentState, ContentTrigger), ContentState> Allowed = new()
    {
        [(ContentState.Draft, ContentTrigger.Edit)] = ContentState.Draft,
        [(ContentState.Draft, ContentTrigger.Submit)] = ContentState.Submitted,
        [(ContentState.Draft, ContentTrigger.Archive)] = ContentState.Archived,
        [(ContentState.Submitted, ContentTrigger.Approve)] = ContentState.Approved,
        [(ContentState.Submitted, ContentTrigger.Return)] = ContentState.Draft,
        [(ContentState.Approved, ContentTrigger.Edit)] = ContentState.Draft,
        [(ContentState.Approved, ContentTrigger.Publish)] = ContentState.Published,
        [(ContentState.Approved, ContentTrigger.Schedule)] = ContentState.Published,
        [(ContentState.Approved, ContentTrigger.Return)] = ContentState.Draft,
        [(ContentState.Approved, ContentTrigger.Archive)] = ContentState.Archived,
        [(ContentState.Published, ContentTrigger.Edit)] = ContentState.Draft,
        [(ContentState.Published, ContentTrigger.Unpublish)] = ContentState.Unpublished,
        [(ContentState.Published, ContentTrigger.Archive)] = ContentState.Archived,
        [(ContentState.Unpublished, ContentTrigger.Edit)] = ContentState.Draft,
        [(ContentState.Unpublished, ContentTrigger.Publish)] = ContentState.Published,
        [(ContentState.Unpublished, ContentTrigger.Schedule)] = ContentState.Published,
        [(ContentState.Unpublished, ContentTrigger.Archive)] = ContentState.Archived,
        [(ContentState.Archived, ContentTrigger.Edit)] = ContentState.Draft,
    };

    public static TheoryData<ContentState, ContentTrigger> AllPairs()
    {
        var data = new TheoryData<ContentState, ContentTrigger>();
        foreach (var state in Enum.GetValues<ContentState>())
        {
            foreach (var trigger in Enum.GetValues<ContentTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Next_EveryStateAndTrigger_FollowsTheTable(ContentState state, ContentTrigger trigger)
    {
        var level = state == ContentState.Submitted ? 1 : 0;
        var next = ContentLifecycle.Next(state, level, levels: 1, trigger);

        if (Allowed.TryGetValue((state, trigger), out var expected))
        {
            next.ShouldNotBeNull();
            next.Value.State.ShouldBe(expected);
            ContentLifecycle.CanFire(state, trigger).ShouldBeTrue();
        }
        else
        {
            next.ShouldBeNull();
            ContentLifecycle.CanFire(state, trigger).ShouldBeFalse();
        }
    }

    [Fact]
    public void Next_ThreeLevels_ApprovesThroughEditorReviewAndFinal()
    {
        var submitted = ContentLifecycle.Next(ContentState.Draft, 0, 3, ContentTrigger.Submit)!.Value;
        submitted.ShouldBe((ContentState.Submitted, 1));
        var second = ContentLifecycle.Next(submitted.State, submitted.Level, 3, ContentTrigger.Approve)!.Value;
        second.ShouldBe((ContentState.Submitted, 2));
        var third = ContentLifecycle.Next(second.State, second.Level, 3, ContentTrigger.Approve)!.Value;
        third.ShouldBe((ContentState.Submitted, 3));
        ContentLifecycle.Next(third.State, third.Level, 3, ContentTrigger.Approve)!.Value.ShouldBe((ContentState.Approved, 0));
    }

    [Fact]
    public void Next_ReturnAtAnyLevel_GoesBackToDraftLevelZero()
    {
        ContentLifecycle.Next(ContentState.Submitted, 2, 3, ContentTrigger.Return)!.Value.ShouldBe((ContentState.Draft, 0));
    }

    [Theory]
    [InlineData(1, 1, "Content.Item.Level.Final")]
    [InlineData(1, 2, "Content.Item.Level.Review")]
    [InlineData(2, 2, "Content.Item.Level.Final")]
    [InlineData(1, 3, "Content.Item.Level.Editor")]
    [InlineData(2, 3, "Content.Item.Level.Review")]
    [InlineData(3, 3, "Content.Item.Level.Final")]
    public void LevelKey_LastLevelIsAlwaysFinal(int level, int levels, string key) =>
        ContentLifecycle.LevelKey(level, levels).ShouldBe(key);

    [Fact]
    public void IsPublicAt_ScheduledInstant_PublicFromTheInstantOn()
    {
        var at = new DateTime(2026, 5, 1, 1, 0, 0, DateTimeKind.Utc);
        var item = new ContentItem { PublishedVersion = 2, PublishAt = at };

        item.IsPublicAt(at.AddTicks(-1)).ShouldBeFalse();
        item.IsScheduledAt(at.AddTicks(-1)).ShouldBeTrue();
        item.IsPublicAt(at).ShouldBeTrue();
        item.IsScheduledAt(at).ShouldBeFalse();
        new ContentItem { PublishedVersion = null, PublishAt = at }.IsPublicAt(at.AddDays(1)).ShouldBeFalse();
    }
}
