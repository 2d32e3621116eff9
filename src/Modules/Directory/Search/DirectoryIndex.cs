using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Registry.Organizations.Contracts;
using FsDirectory = System.IO.Directory;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Registry.Directory.Search;

/// <summary>Where the index lives; each app node keeps its own copy.</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Registry:Directory";

    public string IndexPath { get; set; } = "App_Data/index";

    public int ApiPermitsPerMinute { get; set; } = 120;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(300);
}

/// <summary>
/// The local Lucene index of the register. One writer per process; searches use near-real-time readers.
/// The index's own commit records the last change-feed event applied, so a node resumes where its index stands.
/// Files are read with positional reads (<see cref="PositionalFSDirectory"/>) rather than FSDirectory.Open: the MMap
/// default of this Lucene.NET version scales badly across threads and can crash when readers are swapped
/// (SEARCH-NOTES.md), and SimpleFSDirectory serializes every read of a file behind one lock. Doc values data (the result
/// rows) is mapped by that directory itself, through safe handles: a row is a copy, not a system call.
/// A rebuild writes a new generation folder next to the configured one (<c>index-g2</c>, …) while the current index
/// keeps serving; once the new one is committed and its readers warmed, searches move to it in one swap and the old
/// folder is removed. At startup the newest committed generation is opened.
/// </summary>
public sealed class DirectoryIndex : IDisposable
{
    public const string LastEventKey = "outboxId";

    /// <summary>
    /// The commit's record of the documents' layout. An index committed with another layout (or with none: written before
    /// result rows became doc values) is not opened but rebuilt.
    /// </summary>
    public const string SchemaKey = "schema";

    internal const string Schema = "2";

    private const string GenerationSeparator = "-g";

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _root;
    private string _live;
    private int _liveNumber;
    private LuceneDirectory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;
    private long _generation;

    public DirectoryIndex(IOptions<DirectoryOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        DirectoryCodec.Register();
        _root = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, options.Value.IndexPath)));
        _live = _root;
    }

    internal static Analyzer Analyzer { get; } = new PerFieldAnalyzerWrapper(
        new ChineseAnalyzer(unigrams: false),
        new Dictionary<string, Analyzer> { [IndexFields.NameUnigrams] = new ChineseAnalyzer(unigrams: true) });

    /// <summary>False until the index has been opened or built; searches then report that it is being built.</summary>
    public bool IsReady => Volatile.Read(ref _searchers) is not null;

    public long LastEventId { get; private set; }

    /// <summary>Changes whenever searches may see different results (a change applied, the index reopened or rebuilt).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The folder of the index searches use now (the configured one or a rebuilt generation next to it).</summary>
    public string IndexPath => Volatile.Read(ref _live);

    /// <summary>True when the index folder or its commit has vanished (deleted by hand, disk replaced): rebuild.</summary>
    public bool IsMissing => !HasCommit(IndexPath);

    /// <summary>Opens the newest existing, readable index; false when there is none, it is corrupt or of another <see cref="Schema"/>.</summary>
    public async Task<bool> TryOpenAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var committed = Generations().Where(g => HasCommit(g.Path)).OrderByDescending(g => g.Number).ToList();
            if (committed.Count == 0)
            {
                return false;
            }

            var newest = committed[0];

            var directory = new PositionalFSDirectory(new DirectoryInfo(newest.Path), mapDocValues: true);
            try
            {
                var commit = DirectoryReader.ListCommits(directory).Last();
                if (!commit.UserData.TryGetValue(SchemaKey, out var schema) || schema != Schema)
                {
                    directory.Dispose();
                    return false;
                }

                // Opening a reader reads every segment header; the checksums cover every byte of every file, so a
                // corrupt index fails here (and is rebuilt), not on the first search or merge that reads the bad part.
                // Read without mappings: the searches' mapped doc values would otherwise all stay in memory.
                using (var unmapped = new PositionalFSDirectory(new DirectoryInfo(newest.Path), mapDocValues: false))
                using (var probe = DirectoryReader.Open(unmapped))
                {
                    foreach (var leaf in probe.Leaves)
                    {
                        leaf.AtomicReader.CheckIntegrity();
                    }
                }

                var writer = new IndexWriter(directory, Config(OpenMode.APPEND));
                SearcherManager searchers;
                try
                {
                    searchers = new SearcherManager(writer, applyAllDeletes: true, new ColumnWarmingSearcherFactory());
                }
                catch
                {
                    // Closes the writer without a commit, so its lock does not outlive this failed open.
                    writer.Rollback();
                    throw;
                }

                Swap(newest.Path, directory, writer, commit.UserData.TryGetValue(LastEventKey, out var last) ? long.Parse(last, CultureInfo.InvariantCulture) : 0, searchers);
                _liveNumber = newest.Number;
                return true;
            }
            catch (Exception ex) when (ex is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or FormatException or InvalidOperationException)
            {
                directory.Dispose();
                return false;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Builds a fresh index from the register into a new generation folder; searches keep using the current index (and
    /// its results) until the new one is committed and warmed, then move to it at once.
    /// </summary>
    public async Task RebuildAsync(IAsyncEnumerable<OrganizationListing> listings, long lastEventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listings);
        // Never the live generation's number again, even when its folder was deleted: its writer still holds its lock.
        var number = Math.Max(Generations().Select(g => g.Number).DefaultIfEmpty(0).Max(), _liveNumber) + 1;
        var next = _root + GenerationSeparator + number.ToString(CultureInfo.InvariantCulture);
        if (FsDirectory.Exists(next))
        {
            FsDirectory.Delete(next, recursive: true);
        }

        var directory = new PositionalFSDirectory(new DirectoryInfo(next), mapDocValues: true);
        IndexWriter? live = null;
        SearcherManager? searchers = null;
        try
        {
            var writer = new IndexWriter(directory, Config(OpenMode.CREATE, ramBufferMb: 256));
            try
            {
                await DirectoryDocument.AddAllAsync(writer, listings, cancellationToken);
                writer.SetCommitData(CommitData(lastEventId));
                writer.Commit();
            }
            catch
            {
                // Not Dispose: closing commits, and a half-built generation must never be opened.
                writer.Rollback();
                throw;
            }

            writer.Dispose();

            // The new writer and its first searcher (columns warmed) are ready before searches are moved to them.
            live = new IndexWriter(directory, Config(OpenMode.APPEND));
            searchers = new SearcherManager(live, applyAllDeletes: true, new ColumnWarmingSearcherFactory());
            await _writeLock.WaitAsync(CancellationToken.None);
            try
            {
                Swap(next, directory, live, lastEventId, searchers);
                _liveNumber = number;
            }
            finally
            {
                _writeLock.Release();
            }
        }
        catch
        {
            if (!ReferenceEquals(_directory, directory))
            {
                Close(searchers, live, directory);
                DeleteQuietly(next);
            }

            throw;
        }

        // Older generations (and a legacy index in the configured folder itself) are no longer searched.
        foreach (var old in Generations().Where(g => g.Path != next))
        {
            DeleteQuietly(old.Path);
        }
    }

    /// <summary>Replaces (or removes) the given organizations' documents and records the event applied, durably.</summary>
    public async Task ApplyAsync(IReadOnlyCollection<int> changedIds, IReadOnlyList<OrganizationListing> current, long lastEventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changedIds);
        ArgumentNullException.ThrowIfNull(current);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var writer = _writer ?? throw new InvalidOperationException("The directory index is not open.");
            var documents = new DirectoryDocument.Builder();
            foreach (var id in changedIds)
            {
                var term = new Term(IndexFields.Id, id.ToString(CultureInfo.InvariantCulture));
                if (current.FirstOrDefault(l => l.Id == id) is { } listing)
                {
                    writer.UpdateDocument(term, documents.Build(listing));
                }
                else
                {
                    writer.DeleteDocuments(term);
                }
            }

            // Commit before moving on: the commit carries the position in the feed, so a crash replays, never skips.
            writer.SetCommitData(CommitData(lastEventId));
            writer.Commit();
            LastEventId = lastEventId;
            if (changedIds.Count > 0)
            {
                // Only a change of documents makes a new generation (and so empties the pages cached per generation).
                _searchers!.MaybeRefreshBlocking();
                Interlocked.Increment(ref _generation);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Merges the small segments that applied changes leave (see <see cref="DirectoryMergePolicy"/>) into one and
    /// commits; called once the feed is caught up, so a long catch-up does not rewrite its growing segment after every
    /// batch. Measured at 1,000,000 organizations: twelve small segments beside the three large ones cost an uncached
    /// directory page about 11% more CPU than one did. False when there was nothing to merge.
    /// </summary>
    public async Task<bool> MergeSmallSegmentsAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_writer is not { } writer)
            {
                return false;
            }

            writer.MaybeMerge();
            writer.WaitForMerges();
            // Everything else is committed under this lock: a change now is the merge.
            if (!writer.HasUncommittedChanges())
            {
                return false;
            }

            writer.SetCommitData(CommitData(LastEventId));
            writer.Commit();
            _searchers!.MaybeRefreshBlocking();
            // The documents are the same, but their numbers (which break ties in every order) are not.
            Interlocked.Increment(ref _generation);
            return true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Runs a search on a current reader; the reader is released however the search ends. A rebuild may retire the
    /// searchers between reading and acquiring them: then the search runs on the new ones.
    /// </summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        while (true)
        {
            var manager = Volatile.Read(ref _searchers) ?? throw new InvalidOperationException("The directory index is not ready.");
            IndexSearcher searcher;
            try
            {
                searcher = manager.Acquire();
            }
            catch (ObjectDisposedException) when (!ReferenceEquals(manager, Volatile.Read(ref _searchers)))
            {
                continue;
            }

            try
            {
                return search(searcher);
            }
            finally
            {
                manager.Release(searcher);
            }
        }
    }

    public void Dispose()
    {
        CloseCurrent();
        _writeLock.Dispose();
    }

    private static Dictionary<string, string> CommitData(long lastEventId) => new()
    {
        [LastEventKey] = lastEventId.ToString(CultureInfo.InvariantCulture),
        [SchemaKey] = Schema,
    };

    private static IndexWriterConfig Config(OpenMode mode, double ramBufferMb = 32) => new(ChineseAnalyzer.Version, Analyzer)
    {
        Codec = new DirectoryCodec(),
        OpenMode = mode,
        RAMBufferSizeMB = ramBufferMb,
        MergedSegmentWarmer = new ColumnWarmer(),
        MergePolicy = new DirectoryMergePolicy(),
    };

    private void Swap(string path, LuceneDirectory directory, IndexWriter writer, long lastEventId, SearcherManager? searchers = null)
    {
        var (oldSearchers, oldWriter, oldDirectory) = (_searchers, _writer, _directory);
        _directory = directory;
        _writer = writer;
        LastEventId = lastEventId;
        Volatile.Write(ref _live, path);
        // One write: a search either acquires from the old manager (its reader stays open until released) or the new one.
        Volatile.Write(ref _searchers, searchers ?? new SearcherManager(writer, applyAllDeletes: true, new ColumnWarmingSearcherFactory()));
        Interlocked.Increment(ref _generation);
        Close(oldSearchers, oldWriter, oldDirectory);
    }

    private void CloseCurrent()
    {
        var (searchers, writer, directory) = (_searchers, _writer, _directory);
        Volatile.Write(ref _searchers, null);
        _writer = null;
        _directory = null;
        Close(searchers, writer, directory);
    }

    /// <summary>Retires an index: searches still holding its reader finish on it (the reader closes when released).</summary>
    private static void Close(SearcherManager? searchers, IndexWriter? writer, LuceneDirectory? directory)
    {
        searchers?.Dispose();
        try
        {
            writer?.Dispose();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The folder was deleted under the writer: nothing left to flush to.
        }

        directory?.Dispose();
    }

    private static bool HasCommit(string path) => FsDirectory.Exists(path) && FsDirectory.EnumerateFiles(path, "segments_*").Any();

    /// <summary>The configured folder (generation 0: an index written there before generations) and the rebuilt ones next to it.</summary>
    private IEnumerable<(string Path, int Number)> Generations()
    {
        if (FsDirectory.Exists(_root))
        {
            yield return (_root, 0);
        }

        var parent = System.IO.Path.GetDirectoryName(_root)!;
        var prefix = System.IO.Path.GetFileName(_root) + GenerationSeparator;
        if (!FsDirectory.Exists(parent))
        {
            yield break;
        }

        foreach (var folder in FsDirectory.EnumerateDirectories(parent, prefix + "*"))
        {
            if (int.TryParse(System.IO.Path.GetFileName(folder)[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                yield return (folder, number);
            }
        }
    }

    /// <summary>Removes a retired folder; where open files cannot be deleted (Windows) the next rebuild tries again.</summary>
    private static void DeleteQuietly(string path)
    {
        try
        {
            FsDirectory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Still open elsewhere: left for the next rebuild.
        }
    }
}
