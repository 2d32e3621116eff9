namespace Registry.Core.Modularity;

/// <summary>Where a navigation entry appears.</summary>
public enum NavigationArea
{
    Public,
    Account,
    BackOffice,
}

/// <summary>A menu entry; <paramref name="TitleKey"/> is a localization key, <paramref name="Permission"/> null means everyone.</summary>
public sealed record NavigationItem(NavigationArea Area, string TitleKey, string Url, string? Permission, int Order = 0);
