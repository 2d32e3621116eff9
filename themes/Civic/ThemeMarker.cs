namespace Registry.Themes.Civic;

/// <summary>Names the theme assembly for the host (its layouts, CSS and strings).</summary>
public static class ThemeMarker;
