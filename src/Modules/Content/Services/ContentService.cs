using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Content.Contracts;
using Registry.Content.Domain;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Outbox;
using Registry.Core.Security;

namespace Registry.Content.Services;

/// <summary>What an editor writes on an item (one version's worth).</summary>
public sealed record ContentFields(string Title, string? Summary, string? Body, string Slug, string? Category, ContentParts Parts);

/// <summary>
/// Writes content items: each save is a new version; every lifecycle transition goes through <see cref="ContentLifecycle"/>,
/// is audited and, when the public page changes, announced on the outbox (content.published / content.withdrawn) in the
/// same SaveChanges. Bodies are sanitized before they are stored.
/// </summary>
public sealed class ContentService(
    DbContext db,
    ContentTypeRegistry types,
    ContentHtml html,
    IAuditTrail audit,
    IOutbox outbox,
    ICurrentActor actor,
    ContentPageCache cache,
    TimeProvider clock)
{
    public const string AuditEntity = "ContentItem";

    public Task<ContentItem?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.Set<ContentItem>().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<ContentVersion?> VersionAsync(long itemId, int number, CancellationToken cancellationToken) =>
        db.Set<ContentVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.ItemId == itemId && v.Number == number, cancellationToken);

    public Task<List<ContentVersion>> VersionsAsync(long itemId, CancellationToken cancellationToken) =>
        db.Set<ContentVersion>().AsNoTracking().Where(v => v.ItemId == itemId).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);

    /// <summary>The acting user's id ("system" for recipes and jobs): authorship and the four-eyes rule compare it.</summary>
    public string ActorId => actor.UserId ?? "system";

    /// <summary>A new draft (version 1). <paramref name="translationOf"/> makes it the other-culture variant of that item.</summary>
    public async Task<(ContentItem? Item, OperationResult Result)> CreateAsync(string type, string culture, long? translationOf, ContentFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (types.Find(type) is not { } definition)
        {
            return (null, OperationResult.Fail("Type", "Content.Item.Error.UnknownType"));
        }

        if (!ContentCultures.IsKnown(culture))
        {
            return (null, OperationResult.Fail("Culture", "Content.Item.Error.UnknownCulture"));
        }

        var key = Guid.NewGuid();
        if (translationOf is { } originalId)
        {
            var original = await db.Set<ContentItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == originalId, cancellationToken);
            if (original is null || original.Type != type)
            {
                return (null, OperationResult.Fail("", "Content.Item.Error.NoOriginal"));
            }

            if (await db.Set<ContentItem>().AnyAsync(i => i.TranslationKey == original.TranslationKey && i.Culture == culture, cancellationToken))
            {
                return (null, OperationResult.Fail("Culture", "Content.Item.Error.VariantExists"));
            }

            key = original.TranslationKey;
        }

        var errors = await CheckAsync(definition, culture, null, fields, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, new OperationResult(errors));
        }

        var now = Now;
        var item = new ContentItem
        {
            Type = type,
            Culture = culture,
            TranslationKey = key,
            State = ContentState.Draft,
            CreatedById = ActorId,
            CreatedBy = actor.Name,
            CreatedAt = now,
        };
        AddVersion(item, fields, now, restoredFrom: null);
        await using var transaction = await db.BeginOwnTransactionAsync(cancellationToken);
        db.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("content.created", AuditEntity, Id(item), $"{item.Type} {item.Culture} {item.Slug}: {item.Title}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitOwnAsync(cancellationToken);
        return (item, OperationResult.Ok);
    }

    /// <summary>Saves a new version made on row version <paramref name="seenVersion"/>; a stale form is refused, never merged.</summary>
    public async Task<OperationResult> SaveAsync(ContentItem item, ContentFields fields, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(fields);
        if (item.Version != seenVersion)
        {
            return OperationResult.Stale;
        }

        if (ContentLifecycle.Next(item.State, item.ReviewLevel, Levels(item), ContentTrigger.Edit) is not { } next)
        {
            return OperationResult.Fail("", "Content.Item.Error.Transition", $"Content.Item.State.{item.State}");
        }

        var errors = await CheckAsync(types.Find(item.Type)!, item.Culture, item, fields, cancellationToken);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        db.ExpectVersion(item, seenVersion);
        var before = item.State;
        var slugChanged = await ApplyVersionAsync(item, fields, restoredFrom: null, cancellationToken);
        item.State = next.State;
        item.ReviewLevel = next.Level;
        audit.Record("content.saved", AuditEntity, Id(item), $"v{item.LatestVersion} {before} → {item.State}: {item.Title}");
        if (slugChanged && item.PublishedVersion is not null)
        {
            // The public page moved: the old address now redirects; search must show the new one.
            outbox.Publish(ContentTopics.Published, await ChangedAsync(item, cancellationToken));
        }

        return await SaveAsync(cancellationToken);
    }

    /// <summary>Restores an older version as a new version (history is never rewritten).</summary>
    public async Task<OperationResult> RestoreAsync(ContentItem item, int number, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (await VersionAsync(item.Id, number, cancellationToken) is not { } old)
        {
            return OperationResult.Fail("", "Content.Item.Error.NoVersion");
        }

        if (item.Version != seenVersion)
        {
            return OperationResult.Stale;
        }

        if (ContentLifecycle.Next(item.State, item.ReviewLevel, Levels(item), ContentTrigger.Edit) is not { } next)
        {
            return OperationResult.Fail("", "Content.Item.Error.Transition", $"Content.Item.State.{item.State}");
        }

        var fields = new ContentFields(old.Title, old.Summary, old.BodyHtml, old.Slug, old.Category, ContentParts.Parse(old.PartsJson));
        if (await SlugTakenAsync(item.Type, item.Culture, item.Id, old.Slug, cancellationToken))
        {
            // The old address now belongs to another item: restore the text under the current address.
            fields = fields with { Slug = item.Slug };
        }

        db.ExpectVersion(item, seenVersion);
        await ApplyVersionAsync(item, fields, restoredFrom: number, cancellationToken);
        item.State = next.State;
        item.ReviewLevel = next.Level;
        audit.Record("content.restored", AuditEntity, Id(item), $"v{number} → v{item.LatestVersion}: {item.Title}");
        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Fires a lifecycle trigger. <paramref name="reason"/> is required to return; <paramref name="publishAt"/> (UTC, in the
    /// future) to schedule. A reviewer may not approve an item they wrote or last edited (four eyes).
    /// </summary>
    public async Task<OperationResult> FireAsync(ContentItem item, ContentTrigger trigger, long seenVersion, string? reason, DateTime? publishAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (trigger == ContentTrigger.Edit)
        {
            throw new ArgumentException("Editing saves a version: use SaveAsync.", nameof(trigger));
        }

        if (item.Version != seenVersion)
        {
            return OperationResult.Stale;
        }

        if (ContentLifecycle.Next(item.State, item.ReviewLevel, Levels(item), trigger) is not { } next)
        {
            return OperationResult.Fail("", "Content.Item.Error.Transition", $"Content.Item.State.{item.State}");
        }

        var now = Now;
        reason = reason?.Trim();
        switch (trigger)
        {
            case ContentTrigger.Return when string.IsNullOrEmpty(reason):
                return OperationResult.Fail("Reason", "Validation.Required", "Content.Item.Field.Reason");
            case ContentTrigger.Return when reason.Length > ContentItem.MaxReason:
                return OperationResult.Fail("Reason", "Validation.MaxLength", "Content.Item.Field.Reason", ContentItem.MaxReason);
            case ContentTrigger.Approve when await IsOwnAsync(item, cancellationToken):
                return OperationResult.Fail("", "Content.Item.Error.OwnItem");
            case ContentTrigger.Schedule when publishAt is null:
                return OperationResult.Fail("PublishAt", "Validation.Required", "Content.Item.Field.PublishAt");
            case ContentTrigger.Schedule when publishAt <= now:
                return OperationResult.Fail("PublishAt", "Content.Item.Error.ScheduleInPast");
        }

        db.ExpectVersion(item, seenVersion);
        var wasPublic = item.PublishedVersion is not null;
        var from = $"{item.State}{(item.State == ContentState.Submitted ? item.ReviewLevel.ToString(CultureInfo.InvariantCulture) : "")}";
        item.State = next.State;
        item.ReviewLevel = next.Level;
        item.UpdatedAt = now;
        item.ReturnReason = trigger switch
        {
            ContentTrigger.Return => reason,
            ContentTrigger.Submit => null,
            _ => item.ReturnReason,
        };
        switch (trigger)
        {
            case ContentTrigger.Publish:
                // Republishing an edit of a page that is public keeps its date (and so its /news/yyyy address).
                item.PublishAt = wasPublic && item.PublishAt <= now ? item.PublishAt : now;
                item.PublishedVersion = item.LatestVersion;
                break;
            case ContentTrigger.Schedule:
                item.PublishAt = DateTime.SpecifyKind(publishAt!.Value, DateTimeKind.Utc);
                item.PublishedVersion = item.LatestVersion;
                break;
            case ContentTrigger.Unpublish or ContentTrigger.Archive:
                item.PublishedVersion = null;
                break;
        }

        var to = $"{item.State}{(item.State == ContentState.Submitted ? item.ReviewLevel.ToString(CultureInfo.InvariantCulture) : "")}";
        var detail = trigger switch
        {
            ContentTrigger.Return => $": {reason}",
            ContentTrigger.Schedule => $" @ {item.PublishAt:yyyy-MM-dd'T'HH:mm'Z'}",
            _ => "",
        };
        audit.Record($"content.{trigger.ToString().ToLowerInvariant()}", AuditEntity, Id(item), $"{from} → {to}{detail}: {item.Title}");
        if (trigger is ContentTrigger.Publish or ContentTrigger.Schedule)
        {
            // A scheduled item is announced now with its future instant: consumers show it from PublishedAt (no job flips it).
            outbox.Publish(ContentTopics.Published, await ChangedAsync(item, cancellationToken));
        }
        else if (wasPublic && item.PublishedVersion is null)
        {
            outbox.Publish(ContentTopics.Withdrawn, await ChangedAsync(item, cancellationToken));
        }

        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// A recipe's published item: walks the transition table (submit, every review level, publish) as the recipe's
    /// trusted author, each step audited, with the publication instant <paramref name="publishedAt"/> (past or now).
    /// </summary>
    internal async Task<OperationResult> PublishImportedAsync(ContentItem item, DateTime publishedAt, CancellationToken cancellationToken)
    {
        var levels = Levels(item);
        var steps = new List<ContentTrigger> { ContentTrigger.Submit };
        steps.AddRange(Enumerable.Repeat(ContentTrigger.Approve, levels));
        steps.Add(ContentTrigger.Publish);
        foreach (var trigger in steps)
        {
            if (ContentLifecycle.Next(item.State, item.ReviewLevel, levels, trigger) is not { } next)
            {
                return OperationResult.Fail("", "Content.Item.Error.Transition", $"Content.Item.State.{item.State}");
            }

            audit.Record($"content.{trigger.ToString().ToLowerInvariant()}", AuditEntity, Id(item), $"recipe: {item.State} → {next.State}: {item.Title}");
            item.State = next.State;
            item.ReviewLevel = next.Level;
        }

        item.PublishedVersion = item.LatestVersion;
        item.PublishAt = DateTime.SpecifyKind(publishedAt, DateTimeKind.Utc);
        item.UpdatedAt = Now;
        outbox.Publish(ContentTopics.Published, await ChangedAsync(item, cancellationToken));
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Deletes the item with its versions and old addresses; audited, and withdrawn from the site if it was public.</summary>
    public async Task<OperationResult> DeleteAsync(ContentItem item, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Version != seenVersion)
        {
            return OperationResult.Stale;
        }

        db.ExpectVersion(item, seenVersion);
        if (item.PublishedVersion is not null)
        {
            outbox.Publish(ContentTopics.Withdrawn, await ChangedAsync(item, cancellationToken));
        }

        audit.Record("content.deleted", AuditEntity, Id(item), $"{item.Type} {item.Culture} {item.Slug}: {item.Title}");
        db.Remove(item);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>True when the acting user wrote the item or its latest version.</summary>
    public async Task<bool> IsOwnAsync(ContentItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var me = ActorId;
        if (item.CreatedById == me)
        {
            return true;
        }

        return await db.Set<ContentVersion>().AnyAsync(v => v.ItemId == item.Id && v.Number == item.LatestVersion && v.AuthorId == me, cancellationToken);
    }

    public int Levels(ContentItem item) => Math.Clamp(types.Find(item.Type)?.ReviewLevels ?? 1, 1, 3);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<bool> ApplyVersionAsync(ContentItem item, ContentFields fields, int? restoredFrom, CancellationToken cancellationToken)
    {
        var slug = fields.Slug.Trim();
        var slugChanged = slug != item.Slug;
        if (slugChanged)
        {
            // The old address keeps answering (301); taking back an address of one's own removes it from the history.
            var now = Now;
            db.Add(new ContentSlugHistory { ItemId = item.Id, Type = item.Type, Culture = item.Culture, Slug = item.Slug, ChangedAt = now });
            var reclaimed = await db.Set<ContentSlugHistory>().Where(s => s.ItemId == item.Id && s.Slug == slug).ToListAsync(cancellationToken);
            db.RemoveRange(reclaimed);
        }

        AddVersion(item, fields, Now, restoredFrom);
        return slugChanged;
    }

    private void AddVersion(ContentItem item, ContentFields fields, DateTime now, int? restoredFrom)
    {
        var version = new ContentVersion
        {
            ItemId = item.Id,
            Number = item.LatestVersion + 1,
            Title = fields.Title.Trim(),
            Summary = string.IsNullOrWhiteSpace(fields.Summary) ? null : fields.Summary.Trim(),
            BodyHtml = html.Sanitize(fields.Body),
            PartsJson = fields.Parts.ToJson(),
            Slug = fields.Slug.Trim(),
            Category = string.IsNullOrWhiteSpace(fields.Category) ? null : fields.Category,
            AuthorId = ActorId,
            Author = actor.Name,
            CreatedAt = now,
            RestoredFrom = restoredFrom,
        };
        item.Versions.Add(version);
        item.LatestVersion = version.Number;
        item.Title = version.Title;
        item.Slug = version.Slug;
        item.Category = version.Category;
        item.UpdatedAt = now;
    }

    /// <summary>Field rules of every type, then the type's own parts.</summary>
    private async Task<List<FormError>> CheckAsync(IContentTypeDefinition definition, string culture, ContentItem? item, ContentFields fields, CancellationToken cancellationToken)
    {
        var errors = new List<FormError>();
        var title = fields.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors.Add(new FormError("Title", "Validation.Required", "Content.Item.Field.Title"));
        }
        else if (title.Length > ContentItem.MaxTitle)
        {
            errors.Add(new FormError("Title", "Validation.MaxLength", "Content.Item.Field.Title", ContentItem.MaxTitle));
        }

        if ((fields.Summary?.Trim().Length ?? 0) > ContentItem.MaxSummary)
        {
            errors.Add(new FormError("Summary", "Validation.MaxLength", "Content.Item.Field.Summary", ContentItem.MaxSummary));
        }

        if ((fields.Body?.Length ?? 0) > ContentItem.MaxBody)
        {
            errors.Add(new FormError("Body", "Validation.MaxLength", "Content.Item.Field.Body", ContentItem.MaxBody));
        }

        var slug = fields.Slug?.Trim() ?? "";
        if (slug.Length == 0)
        {
            errors.Add(new FormError("Slug", "Validation.Required", "Content.Item.Field.Slug"));
        }
        else if (!ContentTypeRegistry.IsValidSlug(slug))
        {
            errors.Add(new FormError("Slug", "Content.Item.Error.SlugFormat"));
        }
        else if (await SlugTakenAsync(definition.Name, culture, item?.Id, slug, cancellationToken))
        {
            errors.Add(new FormError("Slug", "Content.Item.Error.SlugTaken", slug));
        }

        if (definition.Categories.Count > 0 && (fields.Category is null || !definition.Categories.Contains(fields.Category)))
        {
            errors.Add(new FormError("Category", "Validation.Required", "Content.Item.Field.Category"));
        }
        else if (definition.Categories.Count == 0 && !string.IsNullOrWhiteSpace(fields.Category))
        {
            errors.Add(new FormError("Category", "Content.Item.Error.NoCategories"));
        }

        foreach (var part in definition.Parts)
        {
            foreach (var field in part.Fields)
            {
                var error = await CheckFieldAsync(definition, part, field, fields.Parts, item?.Id, cancellationToken);
                if (error is not null)
                {
                    errors.Add(error);
                }
            }
        }

        return errors;
    }

    private async Task<FormError?> CheckFieldAsync(IContentTypeDefinition definition, ContentPart part, ContentField field, ContentParts values, long? itemId, CancellationToken cancellationToken)
    {
        var name = $"{part.Name}.{field.Name}";
        var label = field.LabelKey(part);
        var value = values[part.Name, field.Name];
        var required = field.Required
            || (field.RequiredWhen is { } when && values[part.Name, when.Field] is { } other && (when.Values.Contains("*") || when.Values.Contains(other)));
        if (value is null)
        {
            return required ? new FormError(name, "Validation.Required", label) : null;
        }

        if (value.Length > field.MaxLength)
        {
            return new FormError(name, "Validation.MaxLength", label, field.MaxLength);
        }

        switch (field.Kind)
        {
            case ContentFieldKind.Date when values.Date(part.Name, field.Name) is null:
                return new FormError(name, "Content.Item.Error.Date", label);
            case ContentFieldKind.Choice when field.Options?.Contains(value) != true:
                return new FormError(name, "Validation.Required", label);
            case ContentFieldKind.Url when !ContentFieldRules.IsSafeUrl(value):
                return new FormError(name, "Content.Item.Error.Url", label);
            case ContentFieldKind.Links when ContentFieldRules.ParseLinks(value).Any(l => !ContentFieldRules.IsSafeUrl(l.Url)):
                return new FormError(name, "Content.Item.Error.Url", label);
            case ContentFieldKind.ItemReference:
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id == itemId
                    || !await db.Set<ContentItem>().AnyAsync(i => i.Id == id && i.Type == definition.Name, cancellationToken))
                {
                    return new FormError(name, "Content.Item.Error.Reference", label);
                }

                break;
        }

        return null;
    }

    private Task<bool> SlugTakenAsync(string type, string culture, long? itemId, string slug, CancellationToken cancellationToken) =>
        db.Set<ContentItem>().AnyAsync(i => i.Type == type && i.Culture == culture && i.Slug == slug && i.Id != itemId, cancellationToken);

    private async Task<ContentChanged> ChangedAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var number = item.PublishedVersion ?? item.LatestVersion;
        var version = item.Versions.FirstOrDefault(v => v.Number == number)
            ?? await db.Set<ContentVersion>().AsNoTracking().SingleAsync(v => v.ItemId == item.Id && v.Number == number, cancellationToken);
        var at = item.PublishAt ?? Now;
        return new ContentChanged(item.Id, item.Type, item.Category, item.Culture, version.Title, ContentHtml.PlainText(version.BodyHtml), types.UrlOf(item.Type, item.Slug, at), at);
    }

    private async Task<OperationResult> SaveAsync(CancellationToken cancellationToken)
    {
        var result = await db.SaveOrConflictAsync(cancellationToken);
        if (result.Succeeded)
        {
            cache.Invalidate();
        }
        else
        {
            // A conflict leaves nothing half-applied in this context: the caller reloads.
            db.ChangeTracker.Clear();
        }

        return result;
    }

    private static string Id(ContentItem item) => item.Id.ToString(CultureInfo.InvariantCulture);
}
