using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Registry.Content.Domain;

namespace Registry.Content.Services.Media;

/// <summary>Folder choices for a select: the root first, then every folder by its full path.</summary>
public static class MediaFolderOptions
{
    public static IReadOnlyList<SelectListItem> For(IReadOnlyList<MediaFolder> folders, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(localizer);
        var byId = folders.ToDictionary(f => f.Id);
        var items = new List<SelectListItem> { new(localizer["Content.Media.Root"], "") };
        items.AddRange(folders
            .Select(f => (f.Id, Path: PathOf(f, byId)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => new SelectListItem(f.Path, f.Id.ToString(CultureInfo.InvariantCulture))));
        return items;
    }

    /// <summary>"上级 / 下级" (bounded by the folder count, so a damaged cycle cannot loop).</summary>
    public static string PathOf(MediaFolder folder, IReadOnlyDictionary<int, MediaFolder> byId)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(byId);
        var names = new List<string> { folder.Name };
        for (var parent = folder.ParentId; parent is { } id && byId.TryGetValue(id, out var next) && names.Count <= byId.Count; parent = next.ParentId)
        {
            names.Insert(0, next.Name);
        }

        return string.Join(" / ", names);
    }
}
