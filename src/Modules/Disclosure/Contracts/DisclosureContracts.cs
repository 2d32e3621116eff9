namespace Registry.Disclosure.Contracts;

/// <summary>
/// What another module tells the disclosure catalogue about information it publishes: a description and where it is, never
/// its text. <see cref="SourceModule"/> and <see cref="SourceKey"/> identify it, so publishing again updates the same entry.
/// <see cref="Url"/> is site-relative. <see cref="Category"/> is a 组配分类 name (e.g. 政策法规, 公示公告).
/// </summary>
public sealed record CatalogueEntry(
    string SourceModule,
    string SourceKey,
    string Title,
    string Category,
    string Url,
    DateOnly PublishedOn,
    string? Publisher = null,
    DateOnly? WrittenOn = null,
    string? DocumentNumber = null,
    string? Topic = null);

/// <summary>The government information disclosure catalogue (政府信息公开目录): modules contribute entries through it.</summary>
public interface IDisclosureCatalogue
{
    /// <summary>Adds or updates the entry; returns its 索引号 (assigned on first publication and never changed or reused).</summary>
    Task<string> PublishAsync(CatalogueEntry entry, CancellationToken cancellationToken);

    /// <summary>Takes the entry off the public catalogue; its index number stays taken.</summary>
    Task WithdrawAsync(string sourceModule, string sourceKey, CancellationToken cancellationToken);
}
