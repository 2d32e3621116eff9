using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Web.Hosting;

namespace Registry.Architecture.Tests;

/// <summary>Every string the UI asks for exists in every language the site offers.</summary>
public sealed class LocalizationTests
{
    private static readonly Lazy<TextCatalog> Catalog = new(() => new TextCatalog(Solution.UiAssemblies));

    // Error.cshtml shows L[$"Error.{Model.Kind}.Title"] and .Text; ErrorModel.Kind is one of these.
    private static readonly string[] ErrorKinds = ["403", "404", "429", "500"];

    [Theory]
    [MemberData(nameof(Solution.UiAssemblyNames), MemberType = typeof(Solution))]
    public void ResourceFiles_OfAssembly_HaveSameKeysInEveryCulture(string assembly)
    {
        var files = ResourceFiles(Solution.UiAssembly(assembly));
        if (files.Count == 0)
        {
            return;
        }

        var problems = new List<string>();
        foreach (var culture in SiteCultures.All.Where(c => !files.ContainsKey(c)))
        {
            problems.Add($"Resources/{culture}.json is missing");
        }

        var all = files.Values.SelectMany(keys => keys).ToHashSet(StringComparer.Ordinal);
        foreach (var (culture, keys) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var missing = all.Except(keys).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{culture}.json lacks: {string.Join(", ", missing)}");
            }
        }

        problems.ShouldBeEmpty($"{assembly}: resource files disagree");
    }

    [Fact]
    public void TextCatalog_AllUiAssemblies_MergesWithoutDuplicateKeys() =>
        Should.NotThrow(() => new TextCatalog(Solution.UiAssemblies));

    [Fact]
    public void SourceKeys_WrittenLiterally_ExistInEveryCulture()
    {
        var uses = SourceKeys.Find(Solution.Root);
        uses.ShouldNotBeEmpty("the source scan found no lookups at all: it is looking in the wrong place");

        Missing(uses.Select(u => (u.Key, $"{u.File}:{u.Line}"))).ShouldBeEmpty("keys used in the source but absent from the catalog");
    }

    [Fact]
    public void SourceKeys_Scanner_FindsEachSupportedPattern()
    {
        const string text = """
            @L["A.Indexer"] @L[$"A.{x}.Dynamic"]
            localizer[ok ? "A.Yes" : "A.No", arg]
            var message = failed ? "A.Failed" : "A.Passed";
            ModelState.AddModelError("", localizer[message]);
            localizer["Identity." + code]
            [Required(ErrorMessage = "Validation.X")]
            [Display(Name = "A.Label", Prompt = "A.Prompt")]
            return AuditVerification.Broken(expected, "A.Reason", 0);
            """;

        SourceKeys.InText(text).Select(k => k.Key).ShouldBe(
            ["A.Indexer", "A.Yes", "A.No", "A.Failed", "A.Passed", "Validation.X", "A.Reason", "A.Label", "A.Prompt"],
            ignoreOrder: true);
    }

    [Fact]
    public void DynamicHostKeys_KnownValues_ExistInEveryCulture()
    {
        IEnumerable<(string Key, string Source)> keys =
        [
            .. ErrorKinds.SelectMany(kind => new[] { $"Error.{kind}.Title", $"Error.{kind}.Text" }).Select(k => (k, "Error page")),
            .. RegistryRoles.All.Select(role => ($"Role.{role}", "RegistryRoles.All")),
            .. SiteCultures.All.Select(culture => ($"Theme.Language.{culture}", "language switch")),
            .. IdentityErrorKeys().Select(k => (k, "identity error describer")),
        ];

        Missing(keys).ShouldBeEmpty("keys built at run time but absent from the catalog");
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Module_NavigationAndPermissionKeys_ExistInEveryCulture(string module)
    {
        var declared = Solution.Module(module);
        IEnumerable<(string Key, string Source)> keys =
        [
            .. declared.Navigation.Select(n => (n.TitleKey, $"navigation {n.Url}")),
            .. declared.Permissions.Select(p => (p.DescriptionKey, $"permission {p.Name}")),
        ];

        Missing(keys).ShouldBeEmpty($"{module}: navigation titles and permission descriptions absent from the catalog");
    }

    private static List<string> Missing(IEnumerable<(string Key, string Source)> keys) =>
    [
        .. from k in keys
           from culture in SiteCultures.All
           where !Catalog.Value.All(culture).ContainsKey(k.Key)
           select $"{culture}: {k.Source}: {k.Key}",
    ];

    /// <summary>Per culture, the keys of one assembly's own embedded Resources/&lt;culture&gt;.json (named as TextCatalog reads them).</summary>
    private static Dictionary<string, HashSet<string>> ResourceFiles(Assembly assembly)
    {
        const string marker = ".Resources.";
        var files = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(marker, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            // Resources/<culture>.json or Resources/<Area>/<culture>.json, as TextCatalog reads them.
            var culture = resource.Split('.')[^2];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            if (!files.TryGetValue(culture, out var keys))
            {
                files[culture] = keys = new HashSet<string>(StringComparer.Ordinal);
            }

            keys.UnionWith(JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.Keys);
        }

        return files;
    }

    /// <summary>The keys the host's identity error describer asks for, found by calling each of its messages.</summary>
    private static List<string> IdentityErrorKeys()
    {
        var describers = Solution.Host.GetTypes().Where(t => typeof(IdentityErrorDescriber).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        describers.ShouldNotBeEmpty("the host no longer localizes Identity's messages; drop this check");
        var recorder = new RecordingLocalizer();
        foreach (var type in describers)
        {
            var describer = Activator.CreateInstance(type, recorder)!;
            foreach (var method in type.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly).Where(m => m.ReturnType == typeof(IdentityError)))
            {
                method.Invoke(describer, [.. method.GetParameters().Select(p => p.ParameterType == typeof(string) ? "x" : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)]);
            }
        }

        recorder.Keys.ShouldNotBeEmpty();
        return [.. recorder.Keys.Distinct()];
    }

    private sealed class RecordingLocalizer : IStringLocalizer
    {
        public List<string> Keys { get; } = [];

        public LocalizedString this[string name] => Record(name);

        public LocalizedString this[string name, params object[] arguments] => Record(name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];

        private LocalizedString Record(string name)
        {
            Keys.Add(name);
            return new LocalizedString(name, name);
        }
    }
}
