using Microsoft.Extensions.Caching.Memory;

namespace Registry.Organizations.Services;

/// <summary>
/// Register imports under way, by the importing user and the import form's one-time id: the import page polls its
/// progress (rows validated, rows written), and a form sent twice (double click, resent after a slow upload) is refused
/// the second time instead of importing the file again. In memory: an import runs within one request on one node.
/// </summary>
public sealed class ImportProgressBoard : IDisposable
{
    /// <summary>How long a finished or abandoned import's id stays known (and refused if sent again).</summary>
    private static readonly TimeSpan Keep = TimeSpan.FromHours(2);

    private readonly MemoryCache _imports = new(new MemoryCacheOptions());

    /// <summary>Claims the id for one run; false when this user already sent a form with it.</summary>
    public bool TryStart(string user, string importId, out IProgress<ImportProgress> progress)
    {
        var entry = new Entry();
        progress = entry;
        var key = Key(user, importId);
        lock (_imports)
        {
            if (_imports.TryGetValue(key, out _))
            {
                return false;
            }

            _imports.Set(key, entry, Keep);
            return true;
        }
    }

    /// <summary>The import's latest progress, null when unknown (not started yet, or another user's).</summary>
    public ImportProgress? Get(string user, string importId) =>
        _imports.TryGetValue(Key(user, importId), out Entry? entry) ? entry!.Latest : null;

    public void Dispose() => _imports.Dispose();

    private static string Key(string user, string importId) => user + "|" + importId;

    private sealed class Entry : IProgress<ImportProgress>
    {
        private ImportProgress _latest = new(0, 0, 0);

        public ImportProgress Latest => Volatile.Read(ref _latest);

        public void Report(ImportProgress value) => Volatile.Write(ref _latest, value);
    }
}
