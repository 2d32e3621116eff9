using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Registry.Directory.Search;

namespace Registry.Web.Tests.Directory;

/// <summary>
/// Issue 26 item 12: an index whose files fail their checksums is not opened, so the indexer rebuilds it; nor is one
/// written with another layout of its documents (issue 23: result rows moved from stored fields to a doc value).
/// </summary>
public sealed class IndexIntegrityTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "registry-index-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TryOpen_IntactIndex_Opens()
    {
        WriteIndex();

        using var index = NewIndex();

        (await index.TryOpenAsync(CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task TryOpen_ByteFlippedInsideASegmentFile_RefusedSoItIsRebuilt()
    {
        WriteIndex();
        var largest = new DirectoryInfo(Path.Combine(_root, "index")).GetFiles().Where(f => !f.Name.StartsWith("segments", StringComparison.Ordinal)).OrderByDescending(f => f.Length).First();
        var bytes = await File.ReadAllBytesAsync(largest.FullName);
        bytes[bytes.Length / 2] ^= 0x5A;
        await File.WriteAllBytesAsync(largest.FullName, bytes);

        using var index = NewIndex();

        (await index.TryOpenAsync(CancellationToken.None)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    public async Task TryOpen_IndexOfAnotherLayout_RefusedSoItIsRebuilt(string? schema)
    {
        WriteIndex(schema);

        using var index = NewIndex();

        (await index.TryOpenAsync(CancellationToken.None)).ShouldBeFalse();
        index.IsReady.ShouldBeFalse();
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_root))
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
    }

    private DirectoryIndex NewIndex() =>
        new(Options.Create(new DirectoryOptions { IndexPath = "index" }), new HostingEnvironment { ContentRootPath = _root });

    private void WriteIndex(string? schema = DirectoryIndex.Schema)
    {
        using var directory = new SimpleFSDirectory(new DirectoryInfo(Path.Combine(_root, "index")));
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, DirectoryIndex.Analyzer));
        for (var i = 0; i < 500; i++)
        {
            writer.AddDocument(new Document
            {
                new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                new TextField("name", $"宁波市海曙区第{i}号社会组织服务中心 {Guid.NewGuid():N}", Field.Store.YES),
            });
        }

        var commit = new Dictionary<string, string> { [DirectoryIndex.LastEventKey] = "7" };
        if (schema is not null)
        {
            commit[DirectoryIndex.SchemaKey] = schema;
        }

        writer.SetCommitData(commit);
        writer.Commit();
    }
}
