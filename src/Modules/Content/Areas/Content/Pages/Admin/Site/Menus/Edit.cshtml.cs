using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Registry.Content.Domain;
using Registry.Content.Services.Site;
using Registry.Core.Forms;
using Registry.Core.Modularity;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Site.Menus;

/// <summary>Adds or edits one menu entry: labels in both languages, what it links to, and its parent (one level).</summary>
[Permission(ContentPermissions.ManageSite)]
public sealed class EditModel(SiteMenus menus, IStringLocalizer localizer, NavigationCatalog navigation) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Name { get; private set; } = MenuNames.Main;

    public Menu Menu { get; private set; } = null!;

    public MenuItem? Item { get; private set; }

    public IReadOnlyList<SelectListItem> KindOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> ParentOptions { get; private set; } = [];

    /// <summary>The modules' public pages, offered as suggestions for a module-page link.</summary>
    public IReadOnlyList<(string Url, string Label)> ModulePages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? name, int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(name, id, cancellationToken))
        {
            return NotFound();
        }

        Input = Item is null ? new InputModel { Version = Menu.Version } : InputModel.From(Item, Menu.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? name, int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(name, id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await menus.SaveItemAsync(Menu, Item?.Id, Input.ToInput(), Input.Version, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "Input.");
            if (result.Conflict)
            {
                await LoadAsync(name, id, cancellationToken);
            }

            return Page();
        }

        TempData["Flash"] = localizer["Content.Site.Menu.Saved", Input.LabelZh?.Trim() ?? ""].Value;
        return Redirect(IndexModel.MenuUrl(Name));
    }

    private async Task<bool> LoadAsync(string? name, int? id, CancellationToken cancellationToken)
    {
        if (!MenuNames.All.Contains(name ?? "") || await menus.FindAsync(name!, cancellationToken) is not { } menu)
        {
            return false;
        }

        Name = name!;
        Menu = menu;
        Item = id is null ? null : menu.Items.FirstOrDefault(i => i.Id == id);
        if (id is not null && Item is null)
        {
            return false;
        }

        KindOptions = [.. Enum.GetValues<MenuLinkKind>().Select(k => new SelectListItem(localizer[$"Content.Site.Menu.Kind.{k}"], k.ToString()))];
        ParentOptions = [new SelectListItem(localizer["Content.Site.Menu.NoParent"], ""), .. MenuRules.Tree(menu.Items)
            .Where(t => t.Item.Id != id)
            .Select(t => new SelectListItem(t.Item.LabelZh, t.Item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        ModulePages = [.. navigation.Items.Where(n => n.Area == NavigationArea.Public).OrderBy(n => n.Order).Select(n => (n.Url, localizer[n.TitleKey].Value))];
        return true;
    }

    public sealed class InputModel
    {
        public long Version { get; set; }

        [Display(Name = "Content.Site.Menu.Parent")]
        public int? ParentId { get; set; }

        [Display(Name = "Content.Site.Menu.LabelZh")]
        public string? LabelZh { get; set; }

        [Display(Name = "Content.Site.Menu.LabelEn")]
        public string? LabelEn { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Content.Site.Menu.Kind")]
        public MenuLinkKind? Kind { get; set; }

        [Display(Name = "Content.Site.Menu.ContentId")]
        public long? ContentId { get; set; }

        [Display(Name = "Content.Site.Menu.Url")]
        public string? Url { get; set; }

        public static InputModel From(MenuItem item, long version) => new()
        {
            Version = version,
            ParentId = item.ParentId,
            LabelZh = item.LabelZh,
            LabelEn = item.LabelEn,
            Kind = item.Kind,
            ContentId = item.ContentId,
            Url = item.Url,
        };

        public MenuItemInput ToInput() => new(ParentId, LabelZh, LabelEn, Kind ?? MenuLinkKind.ModulePage, ContentId, Url);
    }
}
