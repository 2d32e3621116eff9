using Microsoft.Extensions.DependencyInjection;
using Registry.Content.Contracts;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Content;

/// <summary>
/// The app with an in-memory published-content store in place of the content store, so the site's menus and zones
/// can be tested with known published items (and none at all).
/// </summary>
public abstract class SiteApp(DatabaseKind kind) : AppFixture(kind)
{
    public PublishedContentDouble Content { get; } = new();

    protected override RegistryFactory CreateFactory(TestDatabase database) =>
        new(database, services: s => s.AddSingleton<IContentQueries>(Content));
}

public sealed class SqliteSiteApp() : SiteApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlSiteApp() : SiteApp(DatabaseKind.PostgreSql);

/// <summary>Published items the test puts there; nothing else is published.</summary>
public sealed class PublishedContentDouble : IContentQueries
{
    private readonly List<ContentSummary> _items = [];

    public void Publish(ContentSummary item)
    {
        lock (_items)
        {
            _items.Add(item);
        }
    }

    public Task<IReadOnlyList<ContentSummary>> LatestAsync(string type, string? category, int count, string culture, CancellationToken cancellationToken)
    {
        lock (_items)
        {
            return Task.FromResult<IReadOnlyList<ContentSummary>>([.. _items.Where(i => i.Type == type && (category is null || i.Category == category)).OrderByDescending(i => i.PublishedAt).Take(count)]);
        }
    }

    public Task<ContentSummary?> FindPublishedAsync(long id, string culture, CancellationToken cancellationToken)
    {
        lock (_items)
        {
            return Task.FromResult(_items.FirstOrDefault(i => i.Id == id));
        }
    }
}
