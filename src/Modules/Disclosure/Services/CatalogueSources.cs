using System.Globalization;
using System.Text.Json;
using Registry.Content.Contracts;
using Registry.Core.Localization;
using Registry.Core.Outbox;
using Registry.Disclosure.Contracts;
using Registry.Notices.Contracts;

namespace Registry.Disclosure.Services;

/// <summary>
/// Policies published on the site (the content module's 政策法规) become catalogue entries under 政策法规, and work summaries
/// (<see cref="ContentSummaries"/>, e.g. drafted from the year-end figures) under 计划总结, read from the content change feed; a
/// withdrawn item leaves the catalogue. Only the description and the address are kept, never the text.
/// </summary>
internal sealed class PolicyCatalogueConsumer(IDisclosureCatalogue catalogue) : IOutboxConsumer
{
    /// <summary>The content type whose items are disclosure by law (条例 第二十条第一项).</summary>
    public const string PolicyType = "Policy";

    /// <summary>组配分类 of work summaries.</summary>
    public const string SummaryCategory = "计划总结";

    public string Name => "disclosure-catalogue-policies";

    public bool PerNode => false;

    public bool Accepts(string topic) => topic is ContentTopics.Published or ContentTopics.Withdrawn;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var changed = JsonSerializer.Deserialize<ContentChanged>(message.Payload);
        // One entry per item: the Chinese variant describes it (an English variant is the same information).
        var category = changed switch
        {
            { Type: PolicyType } => "政策法规",
            { Type: ContentSummaries.Type, Category: ContentSummaries.Category } => SummaryCategory,
            _ => null,
        };
        if (changed is null || category is null || changed.Culture != "zh-CN")
        {
            return;
        }

        var key = changed.Id.ToString(CultureInfo.InvariantCulture);
        if (message.Topic == ContentTopics.Withdrawn)
        {
            await catalogue.WithdrawAsync("Content", key, cancellationToken);
            return;
        }

        await catalogue.PublishAsync(new CatalogueEntry("Content", key, changed.Title, category, changed.Url, ChinaTime.Date(changed.PublishedAt)), cancellationToken);
    }
}

/// <summary>
/// Published notices (公示公告; policy documents under 政策法规) become catalogue entries, read from the notices change feed
/// (<see cref="NoticeChanged"/>): the entry follows what the public sees now, and a withdrawn notice leaves the catalogue.
/// Idempotent: the catalogue upserts by (module, notice id) and keeps the entry's 索引号.
/// </summary>
internal sealed class NoticeCatalogueConsumer(INoticeListing notices, IDisclosureCatalogue catalogue) : IOutboxConsumer
{
    public const string SourceModule = "Notices";

    public string Name => "disclosure-catalogue-notices";

    public bool PerNode => false;

    public bool Accepts(string topic) => topic == NoticeChanged.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (JsonSerializer.Deserialize<NoticeChanged>(message.Payload) is not { } changed)
        {
            return;
        }

        // Read to the end before writing: the listing and the catalogue share one connection.
        PublishedNotice? notice = null;
        await foreach (var published in notices.PublishedAsync([changed.NoticeId], cancellationToken))
        {
            notice = published;
        }

        var key = changed.NoticeId.ToString(CultureInfo.InvariantCulture);
        if (notice is null)
        {
            await catalogue.WithdrawAsync(SourceModule, key, cancellationToken);
            return;
        }

        var category = notice.Kind == NoticeKind.Policy ? "政策法规" : "公示公告";
        await catalogue.PublishAsync(new CatalogueEntry(SourceModule, key, notice.Title, category, notice.Url, ChinaTime.Date(notice.PublishedAt)), cancellationToken);
    }
}
