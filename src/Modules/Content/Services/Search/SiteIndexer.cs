using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Content.Contracts;
using Registry.Content.Domain;
using Registry.Core.Jobs;
using Registry.Core.Outbox;
using Registry.Notices.Contracts;

namespace Registry.Content.Services.Search;

/// <summary>
/// Keeps this node's site index in step, as the directory's indexer keeps its own: builds it when missing or corrupt, then
/// applies <see cref="ContentTopics"/> and <see cref="NoticeChanged"/> events from the position recorded in the index's
/// commit, reading what each changed item shows now (a notice through <see cref="INoticeListing"/>).
/// </summary>
internal sealed class SiteIndexer(
    SiteIndex index,
    IServiceScopeFactory scopes,
    IOptions<SiteSearchOptions> options,
    IOptions<OutboxOptions> outboxOptions,
    TimeProvider clock,
    ILogger<SiteIndexer> logger) : PollingService(clock, logger)
{
    private const int BatchSize = 500;

    private const int ScanSize = 20_000;
    private readonly SemaphoreSlim _step = new(1, 1);

    protected override TimeSpan Pause => options.Value.PollInterval;

    protected override Task<bool> PassAsync(CancellationToken cancellationToken) => StepAsync(cancellationToken);

    /// <summary>One pass: make sure there is an index, then apply what the feed has since; true when a full batch was read (more may follow).</summary>
    public async Task<bool> StepAsync(CancellationToken cancellationToken)
    {
        // Tests and the bench step it too; one step at a time, so two rebuilds never share the staging folder.
        await _step.WaitAsync(cancellationToken);
        try
        {
            return await StepOnceAsync(cancellationToken);
        }
        finally
        {
            _step.Release();
        }
    }

    public override void Dispose()
    {
        _step.Dispose();
        base.Dispose();
    }

    private async Task<bool> StepOnceAsync(CancellationToken cancellationToken)
    {
        if (!index.IsReady || index.IsMissing)
        {
            if (index.IsReady || !await index.TryOpenAsync(cancellationToken))
            {
                await RebuildAsync(cancellationToken);
                return true;
            }
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var documents = scope.ServiceProvider.GetRequiredService<SiteDocuments>();
        // Most of the feed is other modules' (a register import writes an event per organization): those are passed over unread.
        var slice = await OutboxFeed.ReadWantedAsync(db, index.LastEventId, topic => topic is ContentTopics.Published or ContentTopics.Withdrawn or NoticeChanged.Topic,
            BatchSize, ScanSize, outboxOptions.Value.GapGrace, Clock.GetUtcNow().UtcDateTime, cancellationToken);
        var events = slice.Messages;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var current = new List<SiteDocument>();
        var itemIds = events
            .Where(e => e.Topic is ContentTopics.Published or ContentTopics.Withdrawn)
            .Select(e => JsonSerializer.Deserialize<ContentChanged>(e.Payload)!.Id)
            .ToHashSet();
        if (itemIds.Count > 0)
        {
            // The whole translation group: a variant's publishing changes whether the other one stands in for it.
            var (groupIds, groupDocuments) = await documents.ContentGroupsAsync(itemIds, cancellationToken);
            keys.UnionWith(itemIds.Concat(groupIds).Select(id => SiteDocument.KeyOf(SiteHitKind.Content, id)));
            current.AddRange(groupDocuments);
        }

        var noticeIds = events
            .Where(e => e.Topic == NoticeChanged.Topic)
            .Select(e => JsonSerializer.Deserialize<NoticeChanged>(e.Payload)!.NoticeId)
            .ToHashSet();
        if (noticeIds.Count > 0)
        {
            // A notice no longer published (withdrawn) has no document: its key alone removes it.
            keys.UnionWith(noticeIds.Select(id => SiteDocument.KeyOf(SiteHitKind.Notice, id)));
            current.AddRange(await documents.NoticesAsync(noticeIds, cancellationToken).ToListAsync(cancellationToken));
        }

        if (slice.Through == index.LastEventId)
        {
            return false;
        }

        await index.ApplyAsync(keys, current, slice.Through, cancellationToken);
        return slice.More;
    }

    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var documents = scope.ServiceProvider.GetRequiredService<SiteDocuments>();
        // Events after this point are applied once the new index is live; applying one twice is harmless.
        var head = await OutboxFeed.HeadAsync(db, cancellationToken);
        var started = Clock.GetTimestamp();
        var notices = await documents.NoticesAsync(null, cancellationToken).ToListAsync(cancellationToken);
        await index.RebuildAsync(Concat(documents.AllContentAsync(cancellationToken), notices, cancellationToken), head, cancellationToken);
        logger.LogInformation("Site search index rebuilt at {Path} in {Elapsed}", index.IndexPath, Clock.GetElapsedTime(started));
    }

    private static async IAsyncEnumerable<SiteDocument> Concat(IAsyncEnumerable<SiteDocument> content, List<SiteDocument> notices, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var document in content.WithCancellation(cancellationToken))
        {
            yield return document;
        }

        foreach (var notice in notices)
        {
            yield return notice;
        }
    }
}

/// <summary>Reads what the site index holds from the content tables (this module's own) and the notices' contract.</summary>
internal sealed class SiteDocuments(DbContext db, ContentTypeRegistry types, INoticeListing notices)
{
    private const int ReadBatch = 1_000;

    /// <summary>
    /// The published variants (public or scheduled) of the translation groups of <paramref name="itemIds"/>, and the ids of
    /// every item in those groups (an id without a document is removed from the index).
    /// </summary>
    public async Task<(IReadOnlyList<long> Ids, IReadOnlyList<SiteDocument> Documents)> ContentGroupsAsync(IReadOnlyCollection<long> itemIds, CancellationToken cancellationToken)
    {
        var groups = await db.Set<ContentItem>().AsNoTracking().Where(i => itemIds.Contains(i.Id)).Select(i => i.TranslationKey).Distinct().ToListAsync(cancellationToken);
        var members = await db.Set<ContentItem>().AsNoTracking().Where(i => groups.Contains(i.TranslationKey)).ToListAsync(cancellationToken);
        return ([.. members.Select(m => m.Id)], await DocumentsAsync(members, cancellationToken));
    }

    /// <summary>Every published variant, in id order, a batch at a time (the rebuild).</summary>
    public async IAsyncEnumerable<SiteDocument> AllContentAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long after = 0;
        while (true)
        {
            var batch = await db.Set<ContentItem>().AsNoTracking()
                .Where(i => i.Id > after && i.PublishedVersion != null)
                .OrderBy(i => i.Id).Take(ReadBatch)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                yield break;
            }

            var groups = batch.Select(i => i.TranslationKey).Distinct().ToList();
            var siblings = await db.Set<ContentItem>().AsNoTracking()
                .Where(i => groups.Contains(i.TranslationKey) && i.PublishedVersion != null)
                .ToListAsync(cancellationToken);
            foreach (var document in await DocumentsAsync(batch, cancellationToken, siblings))
            {
                yield return document;
            }

            after = batch[^1].Id;
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Published notices as documents (Chinese only: notices have no English variant, so they stand in on the English site).</summary>
    public async IAsyncEnumerable<SiteDocument> NoticesAsync(IReadOnlyCollection<int>? ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var notice in notices.PublishedAsync(ids, cancellationToken).WithCancellation(cancellationToken))
        {
            yield return new SiteDocument(SiteHitKind.Notice, notice.Id, ContentCultures.Chinese, notice.Kind.ToString(), null, notice.Title, notice.Text, notice.Url, notice.PublishedAt, null);
        }
    }

    private async Task<List<SiteDocument>> DocumentsAsync(List<ContentItem> items, CancellationToken cancellationToken, List<ContentItem>? siblings = null)
    {
        siblings ??= items;
        var published = items.Where(i => i.PublishedVersion is not null).ToList();
        var ids = published.Select(i => i.Id).ToList();
        var versions = await db.Set<ContentVersion>().AsNoTracking()
            .Where(v => ids.Contains(v.ItemId))
            .Join(db.Set<ContentItem>(), v => new { v.ItemId, v.Number }, i => new { ItemId = i.Id, Number = i.PublishedVersion!.Value }, (v, _) => v)
            .ToDictionaryAsync(v => v.ItemId, cancellationToken);
        var documents = new List<SiteDocument>(published.Count);
        foreach (var item in published)
        {
            if (!versions.TryGetValue(item.Id, out var version))
            {
                continue;
            }

            var other = siblings.FirstOrDefault(s => s.TranslationKey == item.TranslationKey && s.Culture != item.Culture && s.PublishedVersion is not null);
            var publishAt = item.PublishAt!.Value;
            documents.Add(new SiteDocument(
                SiteHitKind.Content, item.Id, item.Culture, item.Type, item.Category, version.Title, Text(item.Type, version), types.UrlOf(item.Type, item.Slug, publishAt), publishAt, other?.PublishAt));
        }

        return documents;
    }

    /// <summary>What a search may match besides the title: the summary, the body's text and the type's text fields (a policy's 文号, issuer).</summary>
    private string Text(string type, ContentVersion version)
    {
        var parts = ContentParts.Parse(version.PartsJson);
        var fields = (types.Find(type)?.Parts ?? [])
            .SelectMany(p => p.Fields.Where(f => f.Kind == ContentFieldKind.Text).Select(f => parts[p.Name, f.Name]))
            .OfType<string>();
        return string.Join(' ', new[] { version.Summary }.Concat(fields).Append(ContentHtml.PlainText(version.BodyHtml)).Where(s => !string.IsNullOrWhiteSpace(s)));
    }
}
