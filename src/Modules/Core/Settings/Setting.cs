using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;

namespace Registry.Core.Settings;

/// <summary>A site setting that localities change (division code, minimum activity funds …), set by recipes or admins.</summary>
public sealed class Setting : IVersioned
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    public long Version { get; set; }
}

/// <summary>Reads and writes settings.</summary>
public interface ISettings
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Adds or replaces; saved with the caller's SaveChanges.</summary>
    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}

internal sealed class DbSettings(DbContext db) : ISettings
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        (await db.Set<Setting>().FindAsync([key], cancellationToken))?.Value;

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        var setting = await db.Set<Setting>().FindAsync([key], cancellationToken);
        if (setting is null)
        {
            db.Set<Setting>().Add(new Setting { Key = key, Value = value });
        }
        else
        {
            setting.Value = value;
        }
    }
}
