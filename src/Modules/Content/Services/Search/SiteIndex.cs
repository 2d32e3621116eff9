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
using Registry.Directory.Contracts;
using FsDirectory = System.IO.Directory;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Registry.Content.Services.Search;

/// <summary>Where this node keeps its site-search index and how often it reads the change feed.</summary>
public sealed class SiteSearchOptions
{
    public const string Section = "Registry:Content:Search";

    public string IndexPath { get; set; } = "App_Data/site-index";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(300);
}

/// <summary>What site search finds besides organizations (those come from the directory's own index).</summary>
public enum SiteHitKind
{
    Content,
    Notice,
}

/// <summary>
/// One searchable document: a content variant or a notice. <see cref="OtherCultureFrom"/> is when the item's variant in the
/// other language turns public (null: it has none), so this one stands in for it until then (the English site falls back
/// to Chinese); notices have no variants.
/// </summary>
public sealed record SiteDocument(
    SiteHitKind Kind,
    long Id,
    string Culture,
    string Type,
    string? Category,
    string Title,
    string Text,
    string Url,
    DateTime PublishAt,
    DateTime? OtherCultureFrom)
{
    public string Key => KeyOf(Kind, Id);

    /// <summary>The index key of a content item or notice.</summary>
    public static string KeyOf(SiteHitKind kind, long id) => (kind == SiteHitKind.Content ? "c" : "n") + id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Field names of site-search documents.</summary>
internal static class SiteFields
{
    public const string Key = "key";
    public const string Kind = "kind";
    public const string KindNumber = "kindNo";
    public const string Culture = "culture";
    public const string Type = "type";
    public const string Category = "category";
    public const string Title = "title";
    public const string TitleUnigrams = "title1";
    public const string Body = "body";
    public const string StoredText = "text";
    public const string Url = "url";
    public const string PublishAt = "publishAt";
    public const string PublishSort = "publishSort";
    public const string OtherCultureFrom = "otherFrom";

    /// <summary>Doc values of <see cref="OtherCultureFrom"/>: when a document's visibility next changes is read from them.</summary>
    public const string OtherCultureSort = "otherFromSort";

    /// <summary>Stored characters of the text: enough for a snippet around a match in the first part of a long body.</summary>
    public const int StoredTextLength = 2_000;
}

/// <summary>
/// This node's Lucene index of public content and notices, in the directory's Chinese analysis. Like the directory's index,
/// its own commit records the last change-feed event applied, so a node resumes where its index stands; it lives in a
/// SimpleFSDirectory (SEARCH-NOTES.md: the MMap default of this Lucene.NET version scales badly across threads).
/// </summary>
public sealed class SiteIndex : IDisposable
{
    public const string LastEventKey = "outboxId";

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _path;
    private readonly Analyzer _analyzer;
    private LuceneDirectory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;
    private long _generation;

    public SiteIndex(IOptions<SiteSearchOptions> options, IHostEnvironment environment, IChineseTextAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(analysis);
        _path = Path.Combine(environment.ContentRootPath, options.Value.IndexPath);
        _analyzer = new PerFieldAnalyzerWrapper(analysis.Bigrams, new Dictionary<string, Analyzer> { [SiteFields.TitleUnigrams] = analysis.BigramsAndUnigrams });
    }

    public bool IsReady => _searchers is not null;

    public long LastEventId { get; private set; }

    /// <summary>Changes whenever searches may see different results.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public string IndexPath => _path;

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
                var commit = DirectoryReader.ListCommits(directory)[^1];
                var writer = new IndexWriter(directory, Config(OpenMode.APPEND));
                using (var probe = DirectoryReader.Open(writer, applyAllDeletes: true))
                {
                    foreach (var leaf in probe.Leaves)
                    {
                        leaf.AtomicReader.CheckIntegrity();
                    }
                }

                Swap(directory, writer, commit.UserData);
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

    /// <summary>Builds a fresh index; searches keep the old one until the new one is committed.</summary>
    public async Task RebuildAsync(IAsyncEnumerable<SiteDocument> documents, long lastEventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var staging = _path + ".building";
        if (FsDirectory.Exists(staging))
        {
            FsDirectory.Delete(staging, recursive: true);
        }

        var data = CommitData(lastEventId);
        var directory = new SimpleFSDirectory(new DirectoryInfo(staging));
        using (var writer = new IndexWriter(directory, Config(OpenMode.CREATE, ramBufferMb: 128)))
        {
            await foreach (var document in documents.WithCancellation(cancellationToken))
            {
                writer.AddDocument(ToLucene(document));
            }

            writer.SetCommitData(data);
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
            Swap(live, new IndexWriter(live, Config(OpenMode.APPEND)), data);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Replaces the documents of the given keys with <paramref name="current"/> (a key without a current document is removed)
    /// and records the feed position, durably, in the same commit.
    /// </summary>
    public async Task ApplyAsync(IReadOnlyCollection<string> keys, IReadOnlyList<SiteDocument> current, long lastEventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(current);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var writer = _writer ?? throw new InvalidOperationException("The site index is not open.");
            var byKey = current.ToDictionary(d => d.Key, StringComparer.Ordinal);
            foreach (var key in keys)
            {
                var term = new Term(SiteFields.Key, key);
                if (byKey.TryGetValue(key, out var document))
                {
                    writer.UpdateDocument(term, ToLucene(document));
                }
                else
                {
                    writer.DeleteDocuments(term);
                }
            }

            // The commit carries the position in the feed: a crash replays, never skips.
            writer.SetCommitData(CommitData(lastEventId));
            writer.Commit();
            LastEventId = lastEventId;
            if (keys.Count > 0)
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

    /// <summary>Runs a search on a current reader; the reader is released however the search ends.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var manager = _searchers ?? throw new InvalidOperationException("The site index is not ready.");
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

    internal static string KindName(SiteHitKind kind) => kind == SiteHitKind.Content ? "content" : "notice";

    internal static long Ticks(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Ticks;

    private static Document ToLucene(SiteDocument d)
    {
        var text = d.Text.Length > SiteFields.StoredTextLength ? d.Text[..SiteFields.StoredTextLength] : d.Text;
        var document = new Document
        {
            new StringField(SiteFields.Key, d.Key, Field.Store.YES),
            new StringField(SiteFields.Kind, KindName(d.Kind), Field.Store.YES),
            new NumericDocValuesField(SiteFields.KindNumber, (long)d.Kind),
            new StringField(SiteFields.Culture, d.Culture, Field.Store.YES),
            new StoredField(SiteFields.Type, d.Type),
            new TextField(SiteFields.Title, d.Title, Field.Store.YES),
            new TextField(SiteFields.TitleUnigrams, d.Title, Field.Store.NO),
            new TextField(SiteFields.Body, d.Text, Field.Store.NO),
            new StoredField(SiteFields.StoredText, text),
            new StoredField(SiteFields.Url, d.Url),
            new Int64Field(SiteFields.PublishAt, Ticks(d.PublishAt), Field.Store.YES),
            new NumericDocValuesField(SiteFields.PublishSort, Ticks(d.PublishAt)),
            new Int64Field(SiteFields.OtherCultureFrom, d.OtherCultureFrom is { } other ? Ticks(other) : long.MaxValue, Field.Store.NO),
            new NumericDocValuesField(SiteFields.OtherCultureSort, d.OtherCultureFrom is { } otherSort ? Ticks(otherSort) : long.MaxValue),
        };
        if (d.Category is { } category)
        {
            document.Add(new StoredField(SiteFields.Category, category));
        }

        return document;
    }

    private static Dictionary<string, string> CommitData(long lastEventId) => new()
    {
        [LastEventKey] = lastEventId.ToString(CultureInfo.InvariantCulture),
    };

    private IndexWriterConfig Config(OpenMode mode, double ramBufferMb = 16) => new(LuceneVersion.LUCENE_48, _analyzer)
    {
        OpenMode = mode,
        RAMBufferSizeMB = ramBufferMb,
    };

    private void Swap(LuceneDirectory directory, IndexWriter writer, IDictionary<string, string> commitData)
    {
        CloseCurrent();
        _directory = directory;
        _writer = writer;
        _searchers = new SearcherManager(writer, applyAllDeletes: true, null);
        LastEventId = commitData.TryGetValue(LastEventKey, out var last) ? long.Parse(last, CultureInfo.InvariantCulture) : 0;
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
