namespace Registry.Content.Domain;

/// <summary>Editorial state of an item's latest version.</summary>
public enum ContentState
{
    /// <summary>草稿.</summary>
    Draft,

    /// <summary>待审核 (at <see cref="ContentItem.ReviewLevel"/>).</summary>
    Submitted,

    /// <summary>审核通过, waiting to be published.</summary>
    Approved,

    /// <summary>已发布 (or 定时发布 while the publish instant is ahead: that is derived, not a state).</summary>
    Published,

    /// <summary>已撤下.</summary>
    Unpublished,

    /// <summary>已归档.</summary>
    Archived,
}

public enum ContentTrigger
{
    /// <summary>Saving a new version (editing): a published, unpublished or archived item goes back to draft.</summary>
    Edit,

    Submit,

    /// <summary>Approves the current review level; the last level makes the item <see cref="ContentState.Approved"/>.</summary>
    Approve,

    /// <summary>Back to draft with a reason.</summary>
    Return,

    /// <summary>Public now.</summary>
    Publish,

    /// <summary>Public from a future instant.</summary>
    Schedule,

    Unpublish,

    Archive,
}

/// <summary>
/// The lifecycle as a transition table: 草稿 → 待审核 (1–3 levels per type, e.g. 编辑 → 审核 → 终审) → 审核通过 → 已发布
/// (now or at a scheduled instant) → 已撤下 / 已归档; any level may return the item to draft with a reason.
/// Editing a published item makes a new draft while the published version stays public until the new one is published.
/// </summary>
public static class ContentLifecycle
{
    private static readonly Dictionary<(ContentState, ContentTrigger), ContentState> Table = new()
    {
        [(ContentState.Draft, ContentTrigger.Edit)] = ContentState.Draft,
        [(ContentState.Draft, ContentTrigger.Submit)] = ContentState.Submitted,
        [(ContentState.Draft, ContentTrigger.Archive)] = ContentState.Archived,

        // Approve moves up a level (same state) until the last level; see Next.
        [(ContentState.Submitted, ContentTrigger.Approve)] = ContentState.Submitted,
        [(ContentState.Submitted, ContentTrigger.Return)] = ContentState.Draft,

        [(ContentState.Approved, ContentTrigger.Edit)] = ContentState.Draft,
        [(ContentState.Approved, ContentTrigger.Publish)] = ContentState.Published,
        [(ContentState.Approved, ContentTrigger.Schedule)] = ContentState.Published,
        [(ContentState.Approved, ContentTrigger.Return)] = ContentState.Draft,
        [(ContentState.Approved, ContentTrigger.Archive)] = ContentState.Archived,

        [(ContentState.Published, ContentTrigger.Edit)] = ContentState.Draft,
        [(ContentState.Published, ContentTrigger.Unpublish)] = ContentState.Unpublished,
        [(ContentState.Published, ContentTrigger.Archive)] = ContentState.Archived,

        // Republishing what was reviewed and published before needs no new review (its text has not changed).
        [(ContentState.Unpublished, ContentTrigger.Edit)] = ContentState.Draft,
        [(ContentState.Unpublished, ContentTrigger.Publish)] = ContentState.Published,
        [(ContentState.Unpublished, ContentTrigger.Schedule)] = ContentState.Published,
        [(ContentState.Unpublished, ContentTrigger.Archive)] = ContentState.Archived,

        [(ContentState.Archived, ContentTrigger.Edit)] = ContentState.Draft,
    };

    /// <summary>
    /// The state and review level after <paramref name="trigger"/>, or null when the table has no such transition.
    /// <paramref name="levels"/> is the type's number of review levels (1–3).
    /// </summary>
    public static (ContentState State, int Level)? Next(ContentState state, int level, int levels, ContentTrigger trigger)
    {
        if (!Table.TryGetValue((state, trigger), out var next))
        {
            return null;
        }

        return (state, trigger) switch
        {
            (_, ContentTrigger.Submit) => (next, 1),
            (ContentState.Submitted, ContentTrigger.Approve) when level >= levels => (ContentState.Approved, 0),
            (ContentState.Submitted, ContentTrigger.Approve) => (next, level + 1),
            _ => (next, 0),
        };
    }

    public static bool CanFire(ContentState state, ContentTrigger trigger) => Table.ContainsKey((state, trigger));

    public static IReadOnlyList<ContentTrigger> Permitted(ContentState state) =>
        [.. Enum.GetValues<ContentTrigger>().Where(t => CanFire(state, t))];

    /// <summary>Resource key of review level <paramref name="level"/> of <paramref name="levels"/>: the last is always 终审.</summary>
    public static string LevelKey(int level, int levels) => (3 - levels + level) switch
    {
        1 => "Content.Item.Level.Editor",
        2 => "Content.Item.Level.Review",
        _ => "Content.Item.Level.Final",
    };
}
