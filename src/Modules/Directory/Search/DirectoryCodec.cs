using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Registry.Directory.Search;

/// <summary>
/// Lucene 4.6's codec with stored fields compressed in chunks of 2 KiB instead of 16 KiB (a row read from a 16 KiB chunk
/// cost about 20 µs). Rows are doc values now (<see cref="ResultRow"/>) and documents store no field, but every index
/// is written under this codec's name, and an index of the earlier layout must still be readable to be recognized as
/// such and rebuilt.
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
