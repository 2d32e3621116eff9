using Registry.Core.Modularity;

namespace Registry.Core.Tests.Modularity;

/// <summary>Issue 25 item 13: the sidebar highlights one entry, the one with the longest matching address.</summary>
public sealed class NavigationMatchTests
{
    private static readonly NavigationItem Home = new(NavigationArea.BackOffice, "Home", "/Admin", null);
    private static readonly NavigationItem Users = new(NavigationArea.BackOffice, "Users", "/Admin/Users", null);
    private static readonly NavigationItem Notices = new(NavigationArea.BackOffice, "Notices", "/Notices/Admin", null);
    private static readonly NavigationItem Objections = new(NavigationArea.BackOffice, "Objections", "/Notices/Admin/Objections", null);
    private static readonly NavigationItem[] Items = [Home, Users, Notices, Objections];

    [Theory]
    [InlineData("/Notices/Admin/Objections", "Objections")]
    [InlineData("/Notices/Admin/Objections/", "Objections")]
    [InlineData("/Notices/Admin/Edit/3", "Notices")]
    [InlineData("/Notices/Admin", "Notices")]
    [InlineData("/Admin/Users/Edit/x", "Users")]
    [InlineData("/Admin", "Home")]
    [InlineData("/admin/users", "Users")]
    public void Current_NestedAddresses_PicksTheLongestMatch(string path, string expected) =>
        NavigationMatch.Current(Items, path)!.TitleKey.ShouldBe(expected);

    [Theory]
    [InlineData("/Administration")]
    [InlineData("/Notices")]
    [InlineData("")]
    [InlineData(null)]
    public void Current_NoEntryAtASegmentBoundary_IsNull(string? path) =>
        NavigationMatch.Current(Items, path).ShouldBeNull();
}
