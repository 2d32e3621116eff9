using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Registry.Directory.Search;

namespace Registry.Web.Tests.Directory;

/// <summary>A temporary content root for directory indexes: deleted, with every index opened in it, when disposed.</summary>
internal sealed class IndexFolder : IDisposable
{
    private readonly List<DirectoryIndex> _opened = [];

    public string Path { get; } = System.IO.Directory.CreateTempSubdirectory("registry-index-").FullName;

    /// <summary>An index in the folder's <paramref name="name"/> subfolder (disposing it earlier is harmless).</summary>
    public DirectoryIndex Open(string name = "index")
    {
        var index = new DirectoryIndex(Options.Create(new DirectoryOptions { IndexPath = name }), new HostingEnvironment { ContentRootPath = Path });
        _opened.Add(index);
        return index;
    }

    public void Dispose()
    {
        _opened.ForEach(index => index.Dispose());
        if (System.IO.Directory.Exists(Path))
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
    }
}
