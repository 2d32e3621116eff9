using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Content.Domain;
using Registry.Content.Services.Search;
using Registry.Core.Modularity;
using Registry.Directory.Contracts;

namespace Registry.Content.Areas.Content.Pages;

/// <summary>Site search (全站搜索): content, notices and organizations from one box, paged, by kind, words marked.</summary>
[AllowAnonymous]
public sealed class SearchModel(SiteSearch search) : PageModel
{
    public string? Text { get; private set; }

    public SiteSearchScope Scope { get; private set; }

    public SiteSearchResult? Result { get; private set; }

    public PageInfo Paging { get; private set; } = new(1, SiteSearchQuery.PageSize, 0, _ => "");

    /// <summary>An unknown kind reads as all kinds (an address edited by hand is no error).</summary>
    public void OnGet(string? q, string? kind, int p = 1)
    {
        Text = q;
        Scope = Enum.TryParse<SiteSearchScope>(kind, ignoreCase: true, out var scope) && Enum.IsDefined(scope) ? scope : SiteSearchScope.All;
        if (string.IsNullOrWhiteSpace(q))
        {
            return;
        }

        var culture = CultureInfo.CurrentUICulture.Name == ContentCultures.English ? ContentCultures.English : ContentCultures.Chinese;
        Result = search.Search(new SiteSearchQuery(q, culture, Scope, p));
        Paging = new PageInfo(Result.Page, SiteSearchQuery.PageSize, Math.Min(Result.Total, SiteSearchQuery.PageSize * Result.PageCount), n => LinkFor(Scope, n));
    }

    /// <summary>This search's address for a kind and a page.</summary>
    public string LinkFor(SiteSearchScope scope, int page = 1) =>
        "/search?q=" + Uri.EscapeDataString(Text ?? "")
        + (scope == SiteSearchScope.All ? "" : "&kind=" + scope.ToString().ToLowerInvariant())
        + (page > 1 ? "&p=" + page.ToString(CultureInfo.InvariantCulture) : "");

    public IHtmlContent Highlight(string text) => (_marks ??= SearchText.Marks(Result?.Words ?? [])).In(text);

    private SearchMarks? _marks;
}
