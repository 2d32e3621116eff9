using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Registry.Directory.Search;

namespace Registry.Web.Tests.Directory;

/// <summary>
/// Issue 23: doc values data (the result rows) is read from a memory mapping instead of a system call per row. The
/// values read are the same as with positional reads, in compound files and outside them; merges still read without a
/// mapping; and a read after the file was closed throws rather than faulting the process.
/// </summary>
public sealed class MappedDocValuesTests : IDisposable
{
    private readonly DirectoryInfo _folder = new(Path.Combine(Path.GetTempPath(), "registry-mapped-" + Guid.NewGuid().ToString("N")));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DocValues_ReadMapped_EqualThoseReadWithPositionalReads(bool compound)
    {
        Write(compound, documents: 3_000);

        Read(mapDocValues: true).ShouldBe(Read(mapDocValues: false));
        Read(mapDocValues: true).Count.ShouldBe(3_000);
    }

    [Fact]
    public void DocValuesData_MappedForSearches_NotForMerges()
    {
        Write(compound: false, documents: 10);
        using var directory = new PositionalFSDirectory(_folder, mapDocValues: true);
        var data = directory.ListAll().Single(n => n.EndsWith(".dvd", StringComparison.Ordinal));

        using (var search = directory.OpenInput(data, IOContext.READ))
        {
            search.ToString()!.ShouldStartWith("MappedIndexInput");
        }

        using (var merge = directory.OpenInput(data, new IOContext(new MergeInfo(10, 1_000, isExternal: false, mergeMaxNumSegments: -1))))
        {
            merge.ToString()!.ShouldStartWith("PositionalIndexInput");
        }

        using var unmapped = new PositionalFSDirectory(_folder, mapDocValues: false);
        using var plain = unmapped.OpenInput(data, IOContext.READ);
        plain.ToString()!.ShouldStartWith("PositionalIndexInput");
    }

    [Fact]
    public void MappedInput_ReadAfterItsFileWasClosed_Throws()
    {
        Write(compound: false, documents: 2_000);
        using var directory = new PositionalFSDirectory(_folder, mapDocValues: true);
        var data = directory.ListAll().Single(n => n.EndsWith(".dvd", StringComparison.Ordinal));
        var input = directory.OpenInput(data, IOContext.READ);
        var clone = (IndexInput)input.Clone();
        clone.ReadByte();

        input.Dispose();

        // Past the clone's buffer, so it must read the mapping again.
        clone.Seek(clone.Length / 2);
        Should.Throw<ObjectDisposedException>(() => clone.ReadByte());
    }

    public void Dispose()
    {
        if (_folder.Exists)
        {
            _folder.Delete(recursive: true);
        }
    }

    private void Write(bool compound, int documents)
    {
        using var directory = new SimpleFSDirectory(_folder);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, DirectoryIndex.Analyzer) { UseCompoundFile = compound };
        config.MergePolicy.NoCFSRatio = compound ? 1.0 : 0.0;
        using var writer = new IndexWriter(directory, config);
        for (var i = 0; i < documents; i++)
        {
            writer.AddDocument(new Document
            {
                new BinaryDocValuesField("row", new BytesRef(System.Text.Encoding.UTF8.GetBytes($"第{i}号 {new string('养', i % 300)}"))),
                new NumericDocValuesField("founded", 700_000 + (i * 7)),
            });
        }

        writer.Commit();
    }

    private List<(string Row, long Founded)> Read(bool mapDocValues)
    {
        using var directory = new PositionalFSDirectory(_folder, mapDocValues);
        using var reader = DirectoryReader.Open(directory);
        var values = new List<(string, long)>();
        var row = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var rows = leaf.AtomicReader.GetBinaryDocValues("row");
            var founded = leaf.AtomicReader.GetNumericDocValues("founded");
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                rows.Get(doc, row);
                values.Add((row.Utf8ToString(), founded.Get(doc)));
            }
        }

        return values;
    }
}
