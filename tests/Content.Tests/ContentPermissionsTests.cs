using Registry.Core.Security;

namespace Registry.Content.Tests;

public sealed class ContentPermissionsTests
{
    [Fact]
    public void All_EditorRole_MayWriteButNeitherReviewNorPublish()
    {
        // Government sites separate writing (信息员) from review and sign-off (审核/签发).
        var editorPermissions = ContentPermissions.All.Where(p => p.DefaultRoles.Contains(RegistryRoles.Editor)).Select(p => p.Name).ToList();

        editorPermissions.ShouldBe([ContentPermissions.Create]);
    }
}

public sealed class ContentTypePermissionsTests
{
    [Fact]
    public void For_AType_SixPermissionsNamedByTypeAndAction()
    {
        ContentTypePermissions.For(new Registry.Content.Domain.PolicyType()).Select(p => p.Name).ShouldBe(
            ["Content.Policy.Create", "Content.Policy.EditOwn", "Content.Policy.EditAny", "Content.Policy.Review", "Content.Policy.Publish", "Content.Policy.Delete"]);
    }

    [Fact]
    public void For_EditorRole_CreatesAndEditsOwnOnly()
    {
        ContentTypePermissions.For(new Registry.Content.Domain.ArticleType()).Where(p => p.DefaultRoles.Contains(RegistryRoles.Editor)).Select(p => p.Name)
            .ShouldBe(["Content.Article.Create", "Content.Article.EditOwn"]);
    }

    [Fact]
    public void For_OfficerRole_EveryAction()
    {
        ContentTypePermissions.For(new Registry.Content.Domain.PageType()).ShouldAllBe(p => p.DefaultRoles.Contains(RegistryRoles.Officer));
    }

    [Fact]
    public void Module_EveryBuiltInType_DeclaresItsPermissions()
    {
        var declared = new ContentModule().Permissions.Select(p => p.Name).ToHashSet();

        foreach (var type in ContentModule.BuiltInTypes)
        {
            foreach (var action in Enum.GetValues<ContentAction>())
            {
                declared.ShouldContain(ContentTypePermissions.Name(type.Name, action));
            }
        }
    }

    [Fact]
    public void May_AdminAndGrantedClaim_AllowedOthersNot()
    {
        static System.Security.Claims.ClaimsPrincipal User(params System.Security.Claims.Claim[] claims) =>
            new(new System.Security.Claims.ClaimsIdentity(claims, "test"));

        User(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, RegistryRoles.Admin)).May("Policy", ContentAction.Delete).ShouldBeTrue();
        User(new System.Security.Claims.Claim(Permission.ClaimType, "Content.Article.Review")).May("Article", ContentAction.Review).ShouldBeTrue();
        User(new System.Security.Claims.Claim(Permission.ClaimType, "Content.Article.Review")).May("Policy", ContentAction.Review).ShouldBeFalse();
        User(new System.Security.Claims.Claim(Permission.ClaimType, "Content.Article.EditOwn")).MayEdit("Article", own: false).ShouldBeFalse();
        User(new System.Security.Claims.Claim(Permission.ClaimType, "Content.Article.EditOwn")).MayEdit("Article", own: true).ShouldBeTrue();
    }
}
