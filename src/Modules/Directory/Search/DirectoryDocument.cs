using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Registry.Organizations.Contracts;

namespace Registry.Directory.Search;

/// <summary>
/// An organization as a Lucene document. What a result row shows is one binary doc value (<see cref="ResultRow"/>);
/// nothing is kept as a stored field. The full record comes from the database on the organization's page.
/// </summary>
internal static class DirectoryDocument
{
    public const int StoredScopeLength = 200;

    /// <summary>
    /// Builds organizations' documents with the same field instances each time, so a document is valid until the builder
    /// builds the next one, and a builder serves one thread. Lucene gives each new untokenized field a token stream of its
    /// own (an attribute map, made under a lock): with new fields per document that was 7% of an index build's CPU.
    /// </summary>
    public sealed class Builder
    {
        private readonly ArrayBufferWriter<byte> _rowBytes = new(512);
        private readonly BinaryDocValuesField _row = new(IndexFields.Row, new BytesRef());
        private readonly StringField _id = new(IndexFields.Id, "", Field.Store.NO);
        private readonly TextField _name = new(IndexFields.Name, "", Field.Store.NO);
        private readonly TextField _nameUnigrams = new(IndexFields.NameUnigrams, "", Field.Store.NO);
        private readonly StringField _nameExact = new(IndexFields.NameExact, "", Field.Store.NO);
        private readonly SortedDocValuesField _nameSort = new(IndexFields.NameSort, new BytesRef());
        private readonly TextField _scope = new(IndexFields.Scope, "", Field.Store.NO);
        private readonly StringField _district = new(IndexFields.District, "", Field.Store.NO);
        private readonly NumericDocValuesField _foundedSort = new(IndexFields.FoundedSort, 0L);
        private readonly StringField _code = new(IndexFields.Code, "", Field.Store.NO);
        private readonly StringField _type = Facet(IndexFields.Type);
        private readonly StringField _status = Facet(IndexFields.Status);
        private readonly StringField _street = Facet(IndexFields.Street);
        private readonly StringField _standing = Facet(IndexFields.Standing);
        private readonly StringField _grade = Facet(IndexFields.Grade);
        private readonly StringField _hub = Facet(IndexFields.Hub);
        private readonly List<Field> _formerNames = [];
        private readonly List<Field> _formerNameExacts = [];
        private readonly List<Field> _serviceFields = [];

        public Document Build(OrganizationListing listing)
        {
            ArgumentNullException.ThrowIfNull(listing);
            var document = new Document();
            Add(document, _id, listing.Id.ToString(CultureInfo.InvariantCulture));
            Add(document, _name, listing.Name);
            Add(document, _nameUnigrams, listing.Name);
            Add(document, _nameExact, Normalize(listing.Name));
            _nameSort.SetBytesValue(new BytesRef(SortKey(listing.Name)));
            document.Add(_nameSort);
            Add(document, _scope, listing.BusinessScope);
            Add(document, _district, listing.District);
            _foundedSort.SetInt64Value(listing.FoundedOn.DayNumber);
            document.Add(_foundedSort);
            for (var i = 0; i < listing.FormerNames.Count; i++)
            {
                var former = listing.FormerNames[i];
                Add(document, Pooled(_formerNames, i, () => new TextField(IndexFields.FormerNames, "", Field.Store.NO)), former);
                Add(document, Pooled(_formerNameExacts, i, () => new StringField(IndexFields.NameExact, "", Field.Store.NO)), Normalize(former));
            }

            if ((listing.CreditCode ?? listing.FilingNumber) is { } code)
            {
                Add(document, _code, code.ToUpperInvariant());
            }

            AddFacet(document, _type, listing.TypeCode);
            AddFacet(document, _status, listing.Status);
            AddFacet(document, _street, listing.Street);
            AddFacet(document, _standing, listing.Standing == CreditStanding.Good ? null : listing.Standing.ToString());
            AddFacet(document, _grade, listing.Grade is >= 1 and <= DirectoryQuery.MaxGrade ? listing.Grade.ToString(CultureInfo.InvariantCulture) : null);
            for (var i = 0; i < listing.ServiceFields.Count; i++)
            {
                AddFacet(document, Pooled(_serviceFields, i, () => Facet(IndexFields.ServiceField)), listing.ServiceFields[i]);
            }

            var hub = listing.IsHub ? listing.Id : listing.HubOrganizationId;
            AddFacet(document, _hub, hub?.ToString(CultureInfo.InvariantCulture));
            ResultRow.Write(listing, _rowBytes);
            // Lucene copies the value when the document is added: the buffer is the builder's to reuse.
            _ = MemoryMarshal.TryGetArray(_rowBytes.WrittenMemory, out var row);
            _row.SetBytesValue(new BytesRef(row.Array, row.Offset, row.Count));
            document.Add(_row);
            return document;
        }

        /// <summary>Filterable and countable (its postings become the value's bits in <see cref="SegmentColumns"/>).</summary>
        private static StringField Facet(string name) => new(name, "", Field.Store.NO);

        private static void AddFacet(Document document, Field field, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                Add(document, field, value);
            }
        }

        private static void Add(Document document, Field field, string value)
        {
            field.SetStringValue(value);
            document.Add(field);
        }

        /// <summary>The <paramref name="index"/>th field of a value that may come several times in one document.</summary>
        private static Field Pooled(List<Field> fields, int index, Func<Field> create)
        {
            if (index == fields.Count)
            {
                fields.Add(create());
            }

            return fields[index];
        }
    }

    /// <summary>Listings indexed on the reading thread before the other cores join in (a small register stays in order, in one segment).</summary>
    internal const int SequentialListings = 20_000;

    private const int BatchSize = 512;

    /// <summary>
    /// Adds every listing to the writer. Reading the register and analysing text are both CPU work: past the first
    /// <see cref="SequentialListings"/>, batches are handed to one indexing thread per core (IndexWriter takes documents
    /// from several threads, each into its own segment buffer) while this thread keeps reading.
    /// </summary>
    public static async Task AddAllAsync(IndexWriter writer, IAsyncEnumerable<OrganizationListing> listings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(listings);
        await using var reading = listings.WithCancellation(cancellationToken).GetAsyncEnumerator();
        var sequential = new Builder();
        for (var i = 0; i < SequentialListings; i++)
        {
            if (!await reading.MoveNextAsync())
            {
                return;
            }

            writer.AddDocument(sequential.Build(reading.Current));
        }

        var batches = Channel.CreateBounded<OrganizationListing[]>(new BoundedChannelOptions(Environment.ProcessorCount * 4) { SingleWriter = true });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, Math.Clamp(Environment.ProcessorCount, 1, 8)).Select(_ => Task.Run(
            async () =>
            {
                try
                {
                    var documents = new Builder();
                    await foreach (var batch in batches.Reader.ReadAllAsync(failed.Token))
                    {
                        foreach (var listing in batch)
                        {
                            writer.AddDocument(documents.Build(listing));
                        }
                    }
                }
                catch
                {
                    // Stop the reader and the other workers: the build fails as a whole.
                    await failed.CancelAsync();
                    throw;
                }
            },
            CancellationToken.None)).ToArray();
        try
        {
            var batch = new List<OrganizationListing>(BatchSize);
            while (await reading.MoveNextAsync())
            {
                batch.Add(reading.Current);
                if (batch.Count == BatchSize)
                {
                    await batches.Writer.WriteAsync([.. batch], failed.Token);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await batches.Writer.WriteAsync([.. batch], failed.Token);
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // A worker failed: its exception is thrown below.
        }
        catch
        {
            // Reading failed (or the build was cancelled): no worker may still be adding when the caller rolls back.
            await failed.CancelAsync();
            batches.Writer.TryComplete();
            await Task.WhenAll(workers).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }

        batches.Writer.TryComplete();
        await Task.WhenAll(workers);
    }

    private static readonly CompareInfo ChineseOrder = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    /// <summary>The collation key of zh-CN (pinyin order), so "sort by name" reads the way a Chinese index does.</summary>
    public static byte[] SortKey(string name) => ChineseOrder.GetSortKey(name).KeyData;

    /// <summary>An exact-name key: no spaces or punctuation, upper-case Latin.</summary>
    public static string Normalize(string name) =>
        new string([.. name.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c))]).ToUpperInvariant();
}
