using Registry.Content.Areas.Content.Pages;
using Registry.Content.Domain;
using Registry.Content.Services;

namespace Registry.Content.Areas.Content.Pages.Pages;

public sealed class ItemModel(ContentReader reader, ContentViews views) : ContentItemPageModel(reader, views)
{
    protected override string TypeName => PageType.TypeName;
}
