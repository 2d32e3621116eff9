namespace Registry.Core.Localization;

/// <summary>The interface languages the site offers: Chinese by default, English.</summary>
public static class SiteCultures
{
    public static readonly IReadOnlyList<string> All = [TextCatalog.DefaultCulture, "en"];
}
