using Registry.Content.Domain;

namespace Registry.Content.Tests.Domain;

public sealed class MenuRulesTests
{
    private static readonly IReadOnlyList<MenuItem> Items =
    [
        new(1, null, 10, "社会组织查询", "Directory", MenuLinkKind.ModulePage, null, "/Directory"),
        new(2, null, 20, "政务公开", "Disclosure", MenuLinkKind.ModulePage, null, "/policies"),
        new(3, 2, 10, "政策法规", "Policies", MenuLinkKind.ModulePage, null, "/policies"),
        new(4, 2, 20, "民政部", "Ministry", MenuLinkKind.External, null, "https://www.mca.gov.cn/"),
    ];

    [Theory]
    [InlineData("/Directory")]
    [InlineData("/")]
    [InlineData("/news/2026/report?page=2#top")]
    public void IsSiteRelative_PathOnThisSite_IsAccepted(string url) => MenuRules.IsSiteRelative(url).ShouldBeTrue();

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("Directory")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/a b")]
    [InlineData("")]
    [InlineData(null)]
    public void IsSiteRelative_OtherSiteOrNoPath_IsRefused(string? url) => MenuRules.IsSiteRelative(url).ShouldBeFalse();

    [Theory]
    [InlineData("https://www.mca.gov.cn/")]
    [InlineData("http://www.haishu.gov.cn/col/index.html")]
    public void IsWebUrl_HttpOrHttps_IsAccepted(string url) => MenuRules.IsWebUrl(url).ShouldBeTrue();

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://files.example/")]
    [InlineData("mailto:office@example.cn")]
    [InlineData("/Directory")]
    [InlineData("https://")]
    public void IsWebUrl_OtherSchemesOrRelative_IsRefused(string url) => MenuRules.IsWebUrl(url).ShouldBeFalse();

    [Fact]
    public void IsWebUrl_LongerThanMaximum_IsRefused()
    {
        var prefix = "https://www.example.cn/";
        MenuRules.IsWebUrl(prefix + new string('a', MenuRules.MaxUrl - prefix.Length)).ShouldBeTrue();
        MenuRules.IsWebUrl(prefix + new string('a', MenuRules.MaxUrl - prefix.Length + 1)).ShouldBeFalse();
    }

    [Fact]
    public void Check_LabelAtMaximumLength_IsAccepted()
    {
        var input = new MenuItemInput(null, new string('民', MenuRules.MaxLabel), new string('a', MenuRules.MaxLabel), MenuLinkKind.ModulePage, null, "/Directory");

        MenuRules.Check(input, Items, null).ShouldBeEmpty();
    }

    [Fact]
    public void Check_LabelOneOverMaximum_IsRefusedOnThatField()
    {
        var input = new MenuItemInput(null, new string('民', MenuRules.MaxLabel + 1), "Directory", MenuLinkKind.ModulePage, null, "/Directory");

        var error = MenuRules.Check(input, Items, null).ShouldHaveSingleItem();
        error.Field.ShouldBe(nameof(MenuItemInput.LabelZh));
        error.Key.ShouldBe("Validation.MaxLength");
    }

    [Fact]
    public void Check_MissingLabels_RefusesBothLanguages()
    {
        var input = new MenuItemInput(null, " ", null, MenuLinkKind.ModulePage, null, "/Directory");

        MenuRules.Check(input, Items, null).Select(e => e.Field).ShouldBe([nameof(MenuItemInput.LabelZh), nameof(MenuItemInput.LabelEn)]);
    }

    [Fact]
    public void Check_ExternalWithJavascriptUrl_IsRefused()
    {
        var input = new MenuItemInput(null, "外链", "Link", MenuLinkKind.External, null, "javascript:alert(1)");

        MenuRules.Check(input, Items, null).ShouldHaveSingleItem().Key.ShouldBe("Content.Site.Error.ExternalUrl");
    }

    [Fact]
    public void Check_ModulePageWithAbsoluteUrl_IsRefused()
    {
        var input = new MenuItemInput(null, "查询", "Search", MenuLinkKind.ModulePage, null, "https://www.example.cn/");

        MenuRules.Check(input, Items, null).ShouldHaveSingleItem().Key.ShouldBe("Content.Site.Error.SiteRelativeUrl");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    public void Check_ContentLinkWithoutId_IsRefused(long? contentId)
    {
        var input = new MenuItemInput(null, "关于我们", "About", MenuLinkKind.Content, contentId, null);

        MenuRules.Check(input, Items, null).ShouldHaveSingleItem().Key.ShouldBe("Content.Site.Error.ContentIdRequired");
    }

    [Fact]
    public void Check_ParentIsTopLevel_IsAccepted()
    {
        var input = new MenuItemInput(2, "通知", "Notices", MenuLinkKind.ModulePage, null, "/Notices");

        MenuRules.Check(input, Items, null).ShouldBeEmpty();
    }

    [Fact]
    public void Check_ParentIsAChild_IsRefusedAsSecondLevelNesting()
    {
        var input = new MenuItemInput(3, "通知", "Notices", MenuLinkKind.ModulePage, null, "/Notices");

        MenuRules.Check(input, Items, null).ShouldHaveSingleItem().Key.ShouldBe("Content.Site.Error.ParentNotTopLevel");
    }

    [Fact]
    public void Check_EntryWithChildrenMovedUnderAnother_IsRefused()
    {
        var input = new MenuItemInput(1, "政务公开", "Disclosure", MenuLinkKind.ModulePage, null, "/policies");

        MenuRules.Check(input, Items, editingId: 2).ShouldHaveSingleItem().Key.ShouldBe("Content.Site.Error.HasChildren");
    }

    [Fact]
    public void Check_EntryUnderItself_IsRefused()
    {
        var input = new MenuItemInput(1, "查询", "Directory", MenuLinkKind.ModulePage, null, "/Directory");

        MenuRules.Check(input, Items, editingId: 1).ShouldHaveSingleItem().Key.ShouldBe("Content.Site.Error.ParentNotTopLevel");
    }

    [Fact]
    public void ToItem_ContentLink_KeepsOnlyTheIdAndTrimsLabels()
    {
        var item = MenuRules.ToItem(7, 30, new MenuItemInput(null, " 关于我们 ", " About ", MenuLinkKind.Content, 42, "/ignored"));

        item.ShouldBe(new MenuItem(7, null, 30, "关于我们", "About", MenuLinkKind.Content, 42, null));
    }

    [Fact]
    public void Tree_OrdersTopLevelAndChildrenAndDropsOrphans()
    {
        var items = Items.Append(new MenuItem(5, 99, 10, "孤儿", "Orphan", MenuLinkKind.ModulePage, null, "/x")).Reverse().ToList();

        var tree = MenuRules.Tree(items);

        tree.Select(t => t.Item.Id).ShouldBe([1, 2]);
        tree[1].Children.Select(c => c.Id).ShouldBe([3, 4]);
    }

    [Fact]
    public void Move_ChildUp_SwapsWithItsSiblingOnly()
    {
        var moved = MenuRules.Move(Items, 4, -1);

        MenuRules.Tree(moved)[1].Children.Select(c => c.Id).ShouldBe([4, 3]);
        MenuRules.Tree(moved).Select(t => t.Item.Id).ShouldBe([1, 2]);
    }

    [Fact]
    public void Move_FirstEntryUp_ChangesNothing()
    {
        MenuRules.Move(Items, 1, -1).ShouldBe(Items);
    }

    [Fact]
    public void Remove_TopLevelEntry_RemovesItsChildrenToo()
    {
        MenuRules.Remove(Items, 2).Select(i => i.Id).ShouldBe([1]);
    }
}
