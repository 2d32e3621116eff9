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
/// SimpleFSDirectory rather than FSDirectory.Open: the MMap default of this Lucene.NET version scales badly
/// across threads and can crash when readers are swapped (SEARCH-NOTES.md).
/// </summary>
public sealed class DirectoryIndex : IDisposable
{
    public const string LastEventKey = "outboxId";

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _path;
    private LuceneDirectory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;
    private long _generation;

    public DirectoryIndex(IOptions<DirectoryOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _path = System.IO.Path.Combine(environment.ContentRootPath, options.Value.IndexPath);
    }

    internal static Analyzer Analyzer { get; } = new PerFieldAnalyzerWrapper(
        new ChineseAnalyzer(unigrams: false),
        new Dictionary<string, Analyzer> { [IndexFields.NameUnigrams] = new ChineseAnalyzer(unigrams: true) });

    /// <summary>False until the index has been opened or built; searches then report that it is being built.</summary>
    public bool IsReady => _searchers is not null;

    public long LastEventId { get; private set; }

    /// <summary>Changes whenever searches may see different results (a change applied, the index reopened or rebuilt).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public string IndexPath => _path;

    /// <summary>True when the index folder or its commit has vanished (deleted by hand, disk replaced): rebuild.</summary>
    public bool IsMissing => !FsDirectory.Exists(_path) || !FsDirectory.EnumerateFiles(_path, "segments_*").Any();

    /// <summary>Opens an existing, readable index; false when there is none or it is corrupt.</summary>
    public async Task<bool> TryOpenAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (IsMissing)
            {
                return false;
            }

            var directory = new SimpleFSDirectory(new DirectoryInfo(_path));
            try
            {
                var commit = DirectoryReader.ListCommits(directory).Last();
                var writer = new IndexWriter(directory, Config(OpenMode.APPEND));
                // Opening a reader reads every segment header; the checksums cover every byte of every file, so a
                // corrupt index fails here (and is rebuilt), not on the first search or merge that reads the bad part.
                using (var probe = DirectoryReader.Open(writer, applyAllDeletes: true))
                {
                    _ = probe.NumDocs;
                    foreach (var leaf in probe.Leaves)
                    {
                        leaf.AtomicReader.CheckIntegrity();
                    }
                }

                Swap(directory, writer, commit.UserData.TryGetValue(LastEventKey, out var last) ? long.Parse(last, CultureInfo.InvariantCulture) : 0);
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

    /// <summary>Builds a fresh index from the register; searches keep using the old one until the new one is committed.</summary>
    public async Task RebuildAsync(IAsyncEnumerable<OrganizationListing> listings, long lastEventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listings);
        var staging = _path + ".building";
        if (FsDirectory.Exists(staging))
        {
            FsDirectory.Delete(staging, recursive: true);
        }

        var directory = new SimpleFSDirectory(new DirectoryInfo(staging));
        using (var writer = new IndexWriter(directory, Config(OpenMode.CREATE, ramBufferMb: 256)))
        {
            await foreach (var listing in listings.WithCancellation(cancellationToken))
            {
                writer.AddDocument(DirectoryDocument.From(listing));
            }

            writer.SetCommitData(new Dictionary<string, string> { [LastEventKey] = lastEventId.ToString(CultureInfo.InvariantCulture) });
            writer.Commit();
        }

        directory.Dispose();
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            CloseCurrent();
            if (FsDirectory.Exists(_path))
            {
                FsDirectory.Delete(_path, recursive: true);
            }

            FsDirectory.Move(staging, _path);
            var live = new SimpleFSDirectory(new DirectoryInfo(_path));
            Swap(live, new IndexWriter(live, Config(OpenMode.APPEND)), lastEventId);
        }
        finally
        {
            _writeLock.Release();
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
            foreach (var id in changedIds)
            {
                var term = new Term(IndexFields.Id, id.ToString(CultureInfo.InvariantCulture));
                if (current.FirstOrDefault(l => l.Id == id) is { } listing)
                {
                    writer.UpdateDocument(term, DirectoryDocument.From(listing));
                }
                else
                {
                    writer.DeleteDocuments(term);
                }
            }

            // Commit before moving on: the commit carries the position in the feed, so a crash replays, never skips.
            writer.SetCommitData(new Dictionary<string, string> { [LastEventKey] = lastEventId.ToString(CultureInfo.InvariantCulture) });
            writer.Commit();
            LastEventId = lastEventId;
            _searchers!.MaybeRefreshBlocking();
            Interlocked.Increment(ref _generation);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Runs a search on a current reader; the reader is released however the search ends.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var manager = _searchers ?? throw new InvalidOperationException("The directory index is not ready.");
        var searcher = manager.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    public void Dispose()
    {
        CloseCurrent();
        _writeLock.Dispose();
    }

    private static IndexWriterConfig Config(OpenMode mode, double ramBufferMb = 32) => new(ChineseAnalyzer.Version, Analyzer)
    {
        OpenMode = mode,
        RAMBufferSizeMB = ramBufferMb,
        MergedSegmentWarmer = new ColumnWarmer(),
    };

    private void Swap(LuceneDirectory directory, IndexWriter writer, long lastEventId)
    {
        CloseCurrent();
        _directory = directory;
        _writer = writer;
        _searchers = new SearcherManager(writer, applyAllDeletes: true, new ColumnWarmingSearcherFactory());
        LastEventId = lastEventId;
        Interlocked.Increment(ref _generation);
    }

    private void CloseCurrent()
    {
        var searchers = _searchers;
        _searchers = null;
        searchers?.Dispose();
        try
        {
            _writer?.Dispose();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The folder was deleted under the writer: nothing left to flush to.
        }

        _writer = null;
        _directory?.Dispose();
        _directory = null;
    }
}
