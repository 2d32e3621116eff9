using PdfSharp.Fonts;

namespace Registry.Documents.Services;

/// <summary>
/// The two vendored TrueType fonts (glyf outlines, which PDFsharp can subset and embed; the system's Noto CJK fonts are
/// CFF): Droid Sans Fallback for Chinese, DejaVu Sans for Latin letters and digits, which the fallback font lacks. Any
/// other family resolves to the CJK face. Bold is simulated.
/// </summary>
internal sealed class CjkFontResolver : IFontResolver
{
    public const string Face = "DroidSansFallback";
    public const string LatinFace = "DejaVuSans";

    private static readonly Lazy<byte[]> Cjk = new(() => Load("DroidSansFallbackFull.ttf"));
    private static readonly Lazy<byte[]> Latin = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp's font settings are global).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new CjkFontResolver();
        }
    }

    /// <summary>Whether the Latin face draws <paramref name="c"/> (below the CJK blocks); the rest goes to the CJK face.</summary>
    public static bool IsLatin(char c) => c < '\u2E80' && c is not ('\u2014' or '\u2026' or '\u00B7');

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(familyName == LatinFace ? LatinFace : Face, isBold, isItalic);

    public byte[] GetFont(string faceName) => faceName == LatinFace ? Latin.Value : Cjk.Value;

    private static byte[] Load(string name)
    {
        using var stream = typeof(CjkFontResolver).Assembly.GetManifestResourceStream("Registry.Documents.Fonts." + name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing (run build/vendor-font.sh).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
