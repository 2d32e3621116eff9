using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Registry.Core.Localization;

/// <summary>One global localizer over the catalog: keys are module-prefixed, so no per-type resources are needed.</summary>
internal sealed class CatalogStringLocalizer(ITextCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name] => Lookup(name, []);

    public LocalizedString this[string name, params object[] arguments] => Lookup(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.All(CultureInfo.CurrentUICulture.Name).Select(p => new LocalizedString(p.Key, p.Value));

    private LocalizedString Lookup(string name, object[] arguments)
    {
        var text = catalog.Find(name, CultureInfo.CurrentUICulture);
        var value = text is null ? name : arguments.Length == 0 ? text : string.Format(new PluralFormat(CultureInfo.CurrentCulture), text, arguments);
        return new LocalizedString(name, value, resourceNotFound: text is null);
    }
}

internal sealed class CatalogStringLocalizerFactory(ITextCatalog catalog) : IStringLocalizerFactory
{
    private readonly CatalogStringLocalizer _localizer = new(catalog);

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}
