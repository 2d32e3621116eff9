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
