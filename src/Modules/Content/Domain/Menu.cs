using System.Text.Json;
using Registry.Core.Data;

namespace Registry.Content.Domain;

/// <summary>The site's editable menus.</summary>
public static class MenuNames
{
    /// <summary>The header's main navigation (主导航).</summary>
    public const string Main = "main";

    /// <summary>The footer's links (底部链接).</summary>
    public const string Footer = "footer";

    public static readonly IReadOnlyList<string> All = [Main, Footer];
}

/// <summary>What a menu entry points at.</summary>
public enum MenuLinkKind
{
    /// <summary>A published content item, by id; hidden while it is not published.</summary>
    Content,

    /// <summary>A page of a module (site-relative address, e.g. /Directory).</summary>
    ModulePage,

    /// <summary>Another site (http or https).</summary>
    External,
}

/// <summary>One menu entry; <see cref="ParentId"/> nests it one level under a top-level entry.</summary>
public sealed record MenuItem(int Id, int? ParentId, int Order, string LabelZh, string LabelEn, MenuLinkKind Kind, long? ContentId, string? Url);

/// <summary>
/// A menu saved by an editor. A menu without a row is not customized: the header then shows the modules' public navigation
/// entries as the code declares them. The entries are one JSON document, so an edit replaces them atomically and the
/// row's version detects concurrent edits.
/// </summary>
public sealed class Menu : IVersioned
{
    public const int MaxName = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name { get; set; } = "";

    public string ItemsJson { get; set; } = "[]";

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Entries as stored (top-level and children), in no particular order.</summary>
    public IReadOnlyList<MenuItem> Items
    {
        get => JsonSerializer.Deserialize<List<MenuItem>>(ItemsJson, Json) ?? [];
        set => ItemsJson = JsonSerializer.Serialize(value, Json);
    }
}
