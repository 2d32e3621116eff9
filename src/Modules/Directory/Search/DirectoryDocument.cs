using System.Globalization;
using System.Threading.Channels;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Registry.Organizations.Contracts;

namespace Registry.Directory.Search;

/// <summary>
/// An organization as a Lucene document. Only what a result row shows is stored (stored fields were half the index in
/// the measurements); the full record comes from the database on the organization's page.
/// </summary>
internal static class DirectoryDocument
{
    public const int StoredScopeLength = 200;

    public static Document From(OrganizationListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var document = new Document
        {
            new StringField(IndexFields.Id, listing.Id.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
            new TextField(IndexFields.Name, listing.Name, Field.Store.YES),
            new TextField(IndexFields.NameUnigrams, listing.Name, Field.Store.NO),
            new StringField(IndexFields.NameExact, Normalize(listing.Name), Field.Store.NO),
            new SortedDocValuesField(IndexFields.NameSort, new BytesRef(SortKey(listing.Name))),
            new TextField(IndexFields.Scope, listing.BusinessScope, Field.Store.NO),
            new StoredField(IndexFields.ScopeSnippet, listing.BusinessScope.Length > StoredScopeLength ? listing.BusinessScope[..StoredScopeLength] : listing.BusinessScope),
            new StringField(IndexFields.District, listing.District, Field.Store.NO),
            new NumericDocValuesField(IndexFields.FoundedSort, listing.FoundedOn.DayNumber),
            new StoredField(IndexFields.Founded, listing.FoundedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        foreach (var former in listing.FormerNames)
        {
            document.Add(new TextField(IndexFields.FormerNames, former, Field.Store.YES));
            document.Add(new StringField(IndexFields.NameExact, Normalize(former), Field.Store.NO));
        }

        if ((listing.CreditCode ?? listing.FilingNumber) is { } code)
        {
            document.Add(new StringField(IndexFields.Code, code.ToUpperInvariant(), Field.Store.YES));
        }

        AddFacet(document, IndexFields.Type, listing.TypeCode);
        AddFacet(document, IndexFields.Status, listing.Status);
        AddFacet(document, IndexFields.Street, listing.Street);
        AddFacet(document, IndexFields.Standing, listing.Standing == CreditStanding.Good ? null : listing.Standing.ToString());
        AddFacet(document, IndexFields.Grade, listing.Grade is >= 1 and <= DirectoryQuery.MaxGrade ? listing.Grade.ToString(CultureInfo.InvariantCulture) : null);
        foreach (var field in listing.ServiceFields)
        {
            AddFacet(document, IndexFields.ServiceField, field);
        }

        var hub = listing.IsHub ? listing.Id : listing.HubOrganizationId;
        if (hub is { } hubId)
        {
            document.Add(new StringField(IndexFields.Hub, hubId.ToString(CultureInfo.InvariantCulture), Field.Store.YES));
        }

        return document;
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
        for (var i = 0; i < SequentialListings; i++)
        {
            if (!await reading.MoveNextAsync())
            {
                return;
            }

            writer.AddDocument(From(reading.Current));
        }

        var batches = Channel.CreateBounded<OrganizationListing[]>(new BoundedChannelOptions(Environment.ProcessorCount * 4) { SingleWriter = true });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, Math.Clamp(Environment.ProcessorCount, 1, 8)).Select(_ => Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var batch in batches.Reader.ReadAllAsync(failed.Token))
                    {
                        foreach (var listing in batch)
                        {
                            writer.AddDocument(From(listing));
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

    /// <summary>Filterable and countable (its postings become the value's bits in <see cref="SegmentColumns"/>); stored for the result row.</summary>
    private static void AddFacet(Document document, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            document.Add(new StringField(field, value, Field.Store.YES));
        }
    }
}
