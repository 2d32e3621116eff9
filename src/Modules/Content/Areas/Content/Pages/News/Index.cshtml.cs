using Registry.Content.Areas.Content.Pages;
using Registry.Content.Domain;
using Registry.Content.Services;

namespace Registry.Content.Areas.Content.Pages.News;

public sealed class IndexModel(ContentReader reader, ContentTypeRegistry types) : ContentListPageModel(reader, types)
{
    protected override string TypeName => ArticleType.TypeName;
}
