using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Settings;
using Registry.Disclosure.Contracts;
using Registry.Disclosure.Domain;

namespace Registry.Disclosure.Services;

/// <summary>The catalogue's local settings (README: <c>Registry:Disclosure:Catalogue:*</c>).</summary>
public sealed class CatalogueOptions
{
    /// <summary>索引号 scheme (<see cref="IndexScheme"/>).</summary>
    public string IndexScheme { get; set; } = Domain.IndexScheme.Default;

    /// <summary>The agency's organization code in index numbers (the seed's bureau: 002943993).</summary>
    public string OrgCode { get; set; } = "002943993";

    /// <summary>组配分类 the catalogue offers, in the order of its category tree.</summary>
    public List<string> Categories { get; set; } = ["机构职能", "政策法规", "计划总结", "行政许可", "行政处罚", "公示公告", "财政预决算", "人事信息", AnnualReportService.Category, "其他"];

    /// <summary>公开范围 of proactively disclosed entries.</summary>
    public string DefaultScope { get; set; } = "面向全社会";

    public static CatalogueOptions From(IConfiguration configuration)
    {
        var options = new CatalogueOptions();
        var section = configuration.GetSection("Registry:Disclosure:Catalogue");
        options.IndexScheme = section["IndexScheme"] is { Length: > 0 } scheme ? scheme : options.IndexScheme;
        options.OrgCode = section["OrgCode"] is { Length: > 0 } code ? code : options.OrgCode;
        options.DefaultScope = section["DefaultScope"] is { Length: > 0 } scope ? scope : options.DefaultScope;
        if (section.GetSection("Categories").Get<List<string>>() is { Count: > 0 } categories)
        {
            options.Categories = categories;
        }

        return options;
    }
}

/// <summary>
/// Keeps the disclosure catalogue: entries contributed by modules (upserted by source), each with a 索引号 drawn inside the
/// saving transaction from the year's counter, so concurrent publications never share or reuse one (unique index as well).
/// </summary>
internal sealed class CatalogueService(DbContext db, CatalogueOptions options, ISequences sequences, ISettings settings, IAuditTrail audit, TimeProvider clock) : IDisclosureCatalogue
{
    public const string AuditEntity = "DisclosureCatalogueItem";

    public Task<string> PublishAsync(CatalogueEntry entry, CancellationToken cancellationToken) => PublishAsync(entry, null, null, cancellationToken);

    /// <summary>
    /// <paramref name="indexNumber"/> imports an entry numbered by an earlier system (the recipe); <paramref name="mode"/>
    /// defaults to 主动公开.
    /// </summary>
    public async Task<string> PublishAsync(CatalogueEntry entry, string? indexNumber, DisclosureMode? mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var category = options.Categories.Contains(entry.Category) ? entry.Category : options.Categories[^1];
        var publisher = entry.Publisher ?? await settings.GetAsync("Bureau.Name", cancellationToken) ?? "";
        var exists = await db.Set<CatalogueItem>().AnyAsync(i => i.SourceModule == entry.SourceModule && i.SourceKey == entry.SourceKey, cancellationToken);
        string number = "";
        await InTransactionAsync(async () =>
        {
            // A new entry draws its number as the transaction's first statement: it holds the year's counter (and, on
            // SQLite, the write lock) until commit, so concurrent publications queue instead of reading stale rows.
            string? assigned = null;
            if (!exists && indexNumber is null)
            {
                var sequence = await sequences.NextAsync($"disclosure-index:{entry.PublishedOn.Year}", cancellationToken);
                assigned = IndexScheme.Format(options.IndexScheme, options.OrgCode, entry.PublishedOn.Year, sequence);
            }

            var item = await db.Set<CatalogueItem>().SingleOrDefaultAsync(i => i.SourceModule == entry.SourceModule && i.SourceKey == entry.SourceKey, cancellationToken);
            var created = item is null;
            if (item is null)
            {
                assigned ??= indexNumber ?? IndexScheme.Format(options.IndexScheme, options.OrgCode, entry.PublishedOn.Year,
                    await sequences.NextAsync($"disclosure-index:{entry.PublishedOn.Year}", cancellationToken));
                item = new CatalogueItem { IndexNumber = assigned, SourceModule = entry.SourceModule, SourceKey = entry.SourceKey, Mode = mode ?? DisclosureMode.Proactive };
                db.Add(item);
            }

            item.Title = Truncate(entry.Title, CatalogueItem.MaxTitle);
            item.Category = category;
            item.Topic = entry.Topic;
            item.Publisher = publisher;
            item.WrittenOn = entry.WrittenOn;
            item.PublishedOn = entry.PublishedOn;
            item.DocumentNumber = entry.DocumentNumber;
            item.Scope = options.DefaultScope;
            item.Validity = Validity.Valid;
            item.Url = entry.Url;
            item.Withdrawn = false;
            item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(created ? "disclosure.catalogue.published" : "disclosure.catalogue.updated", AuditEntity, item.IndexNumber, item.Title);
            await db.SaveChangesAsync(cancellationToken);
            number = item.IndexNumber;
        }, cancellationToken);
        return number;
    }

    public async Task WithdrawAsync(string sourceModule, string sourceKey, CancellationToken cancellationToken)
    {
        var item = await db.Set<CatalogueItem>().SingleOrDefaultAsync(i => i.SourceModule == sourceModule && i.SourceKey == sourceKey, cancellationToken);
        if (item is null || item.Withdrawn)
        {
            return;
        }

        item.Withdrawn = true;
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("disclosure.catalogue.withdrawn", AuditEntity, item.IndexNumber, item.Title);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string text, int max) => text.Trim() is var t && t.Length > max ? t[..max] : t;

    private async Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await work();
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await work();
        await transaction.CommitAsync(cancellationToken);
    }
}
