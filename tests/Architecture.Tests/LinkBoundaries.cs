using System.Text.RegularExpressions;

namespace Registry.Architecture.Tests;

/// <summary>
/// Who owns which first path segment, read from the source rather than listed by hand: a module owns its area's name,
/// the folders of its root pages (<c>Pages/…</c>, outside an area), the first segment of every absolute <c>@page</c>
/// route and of every endpoint it maps; the platform (Core, the Platform module and the host) is one owner. A literal path into another owner's segment is a
/// hard-coded link: it must come from that owner's link builder (<c>Contracts/*Links.cs</c>) instead (#24 item 3).
/// </summary>
public static partial class LinkBoundaries
{
    /// <summary>The owner name of Core, the Platform module and the host together; their builder is Core's <c>PlatformLinks</c>.</summary>
    public const string Platform = "Platform";

    public sealed record Violation(string File, int Line, string Path, string Owner);

    /// <summary>First path segment (lower case) → owner, for every module under src/Modules and for the platform.</summary>
    public static IReadOnlyDictionary<string, string> Owners(string root)
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in System.IO.Directory.GetDirectories(Path.Combine(root, "src", "Modules")))
        {
            var name = Path.GetFileName(module);
            var owner = name == ModuleBoundaries.Kernel ? Platform : name;
            var rootPages = Path.Combine(module, "Pages");
            if (System.IO.Directory.Exists(rootPages))
            {
                foreach (var folder in System.IO.Directory.GetDirectories(rootPages))
                {
                    owners.TryAdd(Path.GetFileName(folder), owner);
                }
            }

            var areas = Path.Combine(module, "Areas");
            if (System.IO.Directory.Exists(areas))
            {
                foreach (var area in System.IO.Directory.GetDirectories(areas))
                {
                    owners[Path.GetFileName(area)] = owner;
                }
            }

            foreach (var segment in DeclaredSegments(module))
            {
                owners.TryAdd(segment, owner);
            }
        }

        foreach (var segment in DeclaredSegments(Path.Combine(root, "src", "Web")))
        {
            owners.TryAdd(segment, Platform);
        }

        return owners;
    }

    /// <summary>Every literal path in a module's .cs and .cshtml files that points into another owner's segment.</summary>
    public static IReadOnlyList<Violation> Find(string root)
    {
        var owners = Owners(root);
        var violations = new List<Violation>();
        foreach (var module in System.IO.Directory.GetDirectories(Path.Combine(root, "src", "Modules")))
        {
            var name = Path.GetFileName(module);
            var self = name == ModuleBoundaries.Kernel ? Platform : name;
            foreach (var file in SourceFiles(module).Where(f => !IsLinkBuilder(f)))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                violations.AddRange(InText(File.ReadAllText(file), self, owners).Select(v => v with { File = relative }));
            }
        }

        return violations;
    }

    /// <summary>The literal paths in <paramref name="text"/> that point into a segment owned by someone other than <paramref name="self"/>.</summary>
    public static IEnumerable<Violation> InText(string text, string self, IReadOnlyDictionary<string, string> owners)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(owners);
        foreach (Match match in LiteralPath().Matches(text))
        {
            var segment = match.Groups["segment"].Value;
            if (PageName().IsMatch(text.AsSpan(Math.Max(0, match.Index - 60), Math.Min(60, match.Index))))
            {
                continue;
            }

            if (owners.TryGetValue(segment, out var owner) && owner != self)
            {
                yield return new Violation("", LineOf(text, match.Index), "/" + segment, owner);
            }
        }
    }

    /// <summary>A module's own link builders: the one place its paths are spelled for others.</summary>
    private static bool IsLinkBuilder(string file) =>
        Path.GetFileName(Path.GetDirectoryName(file)) == "Contracts" && file.EndsWith("Links.cs", StringComparison.Ordinal);

    private static IEnumerable<string> SourceFiles(string folder) =>
        System.IO.Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Replace('\\', '/').Split('/').Any(part => part is "bin" or "obj" or "Migrations"));

    /// <summary>First segments of absolute <c>@page "/x/…"</c> routes and of mapped endpoints <c>Map…("/x/…")</c>.</summary>
    private static IEnumerable<string> DeclaredSegments(string folder) =>
        SourceFiles(folder).SelectMany(f => RouteDeclaration().Matches(File.ReadAllText(f)).Select(m => m.Groups["segment"].Value));

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    // A quote (or an interpolated string's quote) directly followed by /segment and then /, ?, #, a quote or the end of the
    // segment: "/Organizations/Org/…", href="/files/@id", $"/Grants/{id}". Protocol-relative "//host" is not a path.
    [GeneratedRegex("""["'](?<path>/(?<segment>[A-Za-z][A-Za-z0-9_-]*))(?=[/?#"'{@])""")]
    private static partial Regex LiteralPath();

    // A Razor page name relative to its area (asp-page="/Admin/Register/Index", RedirectToPage("/Admin/…")), not an address.
    [GeneratedRegex("""(?:asp-page\s*=\s*|\b(?:RedirectToPage|Page|AuthorizeAreaFolder|AuthorizeAreaPage|AuthorizeFolder|AuthorizePage|AllowAnonymousToAreaPage|AllowAnonymousToPage|AllowAnonymousToAreaFolder|AllowAnonymousToFolder|AddAreaPageRoute|AddPageRoute)\((?:\s*"[^"]*",)?\s*|pageName:\s*)$""")]
    private static partial Regex PageName();

    [GeneratedRegex("""(?:@page\s+"|\.Map(?:Get|Post|Put|Delete|Methods|Group)\(\s*")/(?<segment>[A-Za-z][A-Za-z0-9_-]*)""")]
    private static partial Regex RouteDeclaration();
}
