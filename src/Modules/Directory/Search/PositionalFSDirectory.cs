using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace Registry.Directory.Search;

/// <summary>
/// SimpleFSDirectory whose inputs read with positional reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>,
/// pread) instead of seek-then-read under a lock on the one shared FileStream. Under concurrent searches that lock was
/// where the directory page spent half its time (loading the 20 shown rows' stored fields). Stored fields get a buffer
/// larger than a compressed chunk, so a row is one read instead of several 1 KiB refills. Writing is SimpleFSDirectory's own.
/// </summary>
internal sealed class PositionalFSDirectory(DirectoryInfo path) : SimpleFSDirectory(path)
{
    /// <summary>One read fetches a row's compressed chunk (<see cref="DirectoryCodec"/>; 16 KiB in segments written before it).</summary>
    private const int StoredFieldsBufferSize = 4 * DirectoryCodec.StoredFieldsChunkSize;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var handle = OpenHandle(name);
        try
        {
            return new PositionalIndexInput($"PositionalIndexInput(path=\"{Path.Combine(Directory.FullName, name)}\")", handle, ownsHandle: true, 0, RandomAccess.GetLength(handle), BufferSize(name, context));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(OpenHandle(name), System.IO.Path.Combine(Directory.FullName, name), context);
    }

    private SafeFileHandle OpenHandle(string name) =>
        System.IO.File.OpenHandle(Path.Combine(Directory.FullName, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    private static int BufferSize(string name, IOContext context) =>
        name.EndsWith(".fdt", StringComparison.Ordinal) ? StoredFieldsBufferSize : BufferedIndexInput.GetBufferSize(context);

    /// <summary>The files inside a compound file, as slices of its one handle.</summary>
    private sealed class Slicer(SafeFileHandle handle, string path, IOContext context) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new PositionalIndexInput($"PositionalIndexInput({sliceDescription} in path=\"{path}\" slice={offset}:{offset + length})", handle, ownsHandle: false, offset, length, BufferSize(sliceDescription, context));

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                handle.Dispose();
            }
        }
    }

    /// <summary>Reads at its own position; clones and slices share the handle, only the opening input closes it.</summary>
    private sealed class PositionalIndexInput(string description, SafeFileHandle handle, bool ownsHandle, long start, long length, int bufferSize)
        : BufferedIndexInput(description, bufferSize)
    {
        private bool _ownsHandle = ownsHandle;

        public override long Length => length;

        public override object Clone()
        {
            var clone = (PositionalIndexInput)base.Clone();
            clone._ownsHandle = false;
            return clone;
        }

        protected override void ReadInternal(byte[] b, int offset, int length1)
        {
            var position = Position;
            if (position + length1 > length)
            {
                throw new EndOfStreamException($"read past EOF: {this}");
            }

            var target = b.AsSpan(offset, length1);
            while (!target.IsEmpty)
            {
                var read = RandomAccess.Read(handle, target, start + position);
                if (read <= 0)
                {
                    throw new EndOfStreamException($"read past EOF: {this}");
                }

                target = target[read..];
                position += read;
            }
        }

        protected override void SeekInternal(long pos)
        {
            // Every read says where it reads.
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _ownsHandle)
            {
                _ownsHandle = false;
                handle.Dispose();
            }
        }
    }
}
