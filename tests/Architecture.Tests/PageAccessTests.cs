using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Security;

namespace Registry.Architecture.Tests;

/// <summary>DESIGN.md §2: every page names who may see it; staff pages name a permission.</summary>
public sealed class PageAccessTests
{
    private const string AdminSegment = "Admin";

    [Theory]
    [MemberData(nameof(Solution.UiAssemblyNames), MemberType = typeof(Solution))]
    public void PageModel_Class_DeclaresPermissionAuthorizeOrAllowAnonymous(string assembly)
    {
        var silent = PageModels(assembly).Where(t => !DeclaresAccess(t)).Select(t => t.FullName).ToList();

        silent.ShouldBeEmpty("page models without [Permission], [Authorize] or [AllowAnonymous]");
    }

    [Theory]
    [MemberData(nameof(Solution.UiAssemblyNames), MemberType = typeof(Solution))]
    public void AdminPageModel_Class_RequiresPermission(string assembly)
    {
        var unguarded = PageModels(assembly)
            .Where(t => IsBackOfficePlace(t) && t.GetCustomAttributes<PermissionAttribute>(inherit: true).ToList() is [])
            .Select(t => t.FullName)
            .ToList();

        unguarded.ShouldBeEmpty("staff page models without [Permission] (plain [Authorize] or [AllowAnonymous] is not enough)");
    }

    [Theory]
    [MemberData(nameof(Solution.UiAssemblyNames), MemberType = typeof(Solution))]
    public void PageModel_PermissionAttributes_NameDeclaredPermissions(string assembly)
    {
        var declared = Solution.Catalog.Modules.SelectMany(m => m.Permissions).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        var unknown = PageModels(assembly)
            .SelectMany(t => t.GetCustomAttributes<PermissionAttribute>(inherit: true).Select(a => (Page: t.FullName, a.Name)))
            .Where(p => !declared.Contains(p.Name))
            .Select(p => $"{p.Page}: '{p.Name}'")
            .ToList();

        unknown.ShouldBeEmpty("[Permission] naming a permission no module declares (nobody could ever be granted it)");
    }

    [Theory]
    [MemberData(nameof(Solution.UiAssemblyNames), MemberType = typeof(Solution))]
    public void PageModel_HandlerMethods_CarryNoAuthorizationAttributes(string assembly)
    {
        // Razor Pages ignore authorization attributes on handler methods: one there would look like protection and be none.
        var ignored = PageModels(assembly)
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttributes(inherit: true).Any(a => a is IAuthorizeData or IAllowAnonymous))
                .Select(m => $"{t.FullName}.{m.Name}"))
            .ToList();

        ignored.ShouldBeEmpty("authorization attributes on page handlers (ignored by Razor Pages: put them on the class)");
    }

    [Theory]
    [MemberData(nameof(Solution.UiAssemblyNames), MemberType = typeof(Solution))]
    public void RazorPage_WithoutPageModel_DeclaresAccessItself(string assembly)
    {
        // A .cshtml with @page but no PageModel compiles to a Page whose model is itself; its access must come from @attribute.
        var silent = Solution.UiAssembly(assembly).GetTypes()
            .Where(t => typeof(Page).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => t.GetProperty("Model", BindingFlags.Instance | BindingFlags.Public)?.PropertyType is { } model && !typeof(PageModel).IsAssignableFrom(model))
            .Where(t => !DeclaresAccess(t))
            .Select(t => t.FullName)
            .ToList();

        silent.ShouldBeEmpty("pages without a page model and without @attribute [Permission]/[Authorize]/[AllowAnonymous]");
    }

    // The same places the host locks by convention: an "Admin" folder anywhere below Pages, or a page named Admin.
    private static bool IsBackOfficePlace(Type pageModel)
    {
        var segments = (pageModel.Namespace ?? "").Split('.');
        var pages = Array.IndexOf(segments, "Pages");
        return (pages >= 0 && segments.Skip(pages + 1).Contains(AdminSegment, StringComparer.Ordinal)) || pageModel.Name == AdminSegment + "Model";
    }

    private static IEnumerable<Type> PageModels(string assembly) =>
        Solution.UiAssembly(assembly).GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract);

    // [Permission] is an [Authorize] (IAuthorizeData), so one check covers all three.
    private static bool DeclaresAccess(Type type) =>
        type.GetCustomAttributes(inherit: true).Any(a => a is IAuthorizeData or IAllowAnonymous);
}
