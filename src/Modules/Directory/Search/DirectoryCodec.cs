using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Registry.Directory.Search;

/// <summary>
/// Lucene 4.6's codec with stored fields compressed in chunks of 2 KiB instead of 16 KiB. A result row is read by
/// decompressing its chunk from the start up to the row: with 16 KiB chunks that was about 20 µs a row, 20 rows a page,
/// most of a search's time (measured; the index grows by a little). Segments written before keep their codec.
/// </summary>
[CodecName(RegisteredName)]
internal sealed class DirectoryCodec : FilterCodec
{
    public const string RegisteredName = "RegistryDirectory46";

    /// <summary>A few rows per chunk.</summary>
    public const int StoredFieldsChunkSize = 2 * 1024;

    private static readonly StoredFieldsFormat Stored = new CompressingStoredFieldsFormat("RegistryDirectoryStoredFields", CompressionMode.FAST, StoredFieldsChunkSize);

    public DirectoryCodec()
        : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => Stored;

    /// <summary>Lets readers find the codec by the name segments record; once per process, before any index is opened.</summary>
    public static void Register()
    {
        _ = Registration.Value;
    }

    private static readonly Lazy<bool> Registration = new(() =>
    {
        Codec.SetCodecFactory(new Factory());
        return true;
    });

    private sealed class Factory : DefaultCodecFactory
    {
        protected override void Initialize()
        {
            base.Initialize();
            PutCodecType(typeof(DirectoryCodec));
        }
    }
}
