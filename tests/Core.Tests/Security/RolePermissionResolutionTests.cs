using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Outbox;
using Registry.Core.Security;

namespace Registry.Core.Tests.Security;

/// <summary>
/// Issue 19 (role editor): what a signed-in person may do follows the roles as the administrator last saved them, not the
/// permissions copied into their sign-in cookie; the built-in administrator holds everything whatever is saved.
/// </summary>
public sealed class RolePermissionResolutionTests : IAsyncLifetime
{
    private const string Review = "Organizations.Applications.Review";
    private const string Register = "Organizations.Register.View";

    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        // One open in-memory database for the test, owned (and disposed) by the container.
        services.AddSingleton(_ =>
        {
            var connection = new SqliteConnection("DataSource=:memory:");
            connection.Open();
            return connection;
        });
        services.AddLogging();
        services.AddDbContext<RolesContext>((sp, o) => o.UseSqlite(sp.GetRequiredService<SqliteConnection>()));
        services.AddScoped<DbContext>(sp => sp.GetRequiredService<RolesContext>());
        services.AddIdentityCore<RegistryUser>().AddRoles<RegistryRole>().AddEntityFrameworkStores<RolesContext>();
        services.AddMemoryCache();
        services.AddSingleton<RolePermissionCache>();
        services.AddSingleton<IPermissionCatalog>(new PermissionCatalog(
        [
            new Permission(Review, "Permission.Review", RegistryRoles.Officer),
            new Permission(Register, "Permission.Register", RegistryRoles.Officer),
        ]));
        services.AddScoped<IAuditTrail, IgnoredAudit>();
        services.AddScoped<IOutbox, IgnoredOutbox>();
        services.AddScoped<RoleEditor>();
        services.AddScoped<IClaimsTransformation, RolePermissionClaimsTransformation>();
        services.AddAuthorizationCore();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        _services = services.BuildServiceProvider();

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RolesContext>();
        await db.Database.EnsureCreatedAsync();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<RegistryRole>>();
        await roles.CreateAsync(new RegistryRole(RegistryRoles.Admin));
        var officer = new RegistryRole(RegistryRoles.Officer);
        await roles.CreateAsync(officer);
        await roles.AddClaimAsync(officer, new Claim(Permission.ClaimType, Review));
        await roles.AddClaimAsync(officer, new Claim(Permission.ClaimType, Register));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Authorize_PermissionRemovedFromRole_IsRefusedAtOnceDespiteTheCookiesClaim()
    {
        // The cookie was issued while the officer role still held both permissions.
        var cookie = Principal([RegistryRoles.Officer], [Review, Register]);
        (await MayAsync(cookie, Review)).ShouldBeTrue();

        await SaveAsync(RegistryRoles.Officer, [Register]);

        (await MayAsync(cookie, Review)).ShouldBeFalse();
        (await MayAsync(cookie, Register)).ShouldBeTrue();
    }

    [Fact]
    public async Task Authorize_NewRoleGrantedAPermission_CanUseIt()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<RoleEditor>().CreateAsync("Auditor", "街道办事处", CancellationToken.None);
            created.Succeeded.ShouldBeTrue();
        }

        var member = Principal(["Auditor"], []);
        (await MayAsync(member, Register)).ShouldBeFalse();

        await SaveAsync("Auditor", [Register]);

        (await MayAsync(member, Register)).ShouldBeTrue();
        (await MayAsync(member, Review)).ShouldBeFalse();
    }

    [Fact]
    public async Task Authorize_PermissionAddedToRole_IsGrantedWithoutANewCookie()
    {
        await SaveAsync(RegistryRoles.Officer, [Register]);
        var cookie = Principal([RegistryRoles.Officer], [Register]);
        (await MayAsync(cookie, Review)).ShouldBeFalse();

        await SaveAsync(RegistryRoles.Officer, [Register, Review]);

        (await MayAsync(cookie, Review)).ShouldBeTrue();
    }

    [Fact]
    public async Task Authorize_Administrator_HoldsEveryPermissionWithoutClaims()
    {
        (await MayAsync(Principal([RegistryRoles.Admin], []), Review)).ShouldBeTrue();
    }

    [Fact]
    public async Task Transform_AnonymousVisitor_BuildsNoDatabaseContext()
    {
        var built = 0;
        var services = new ServiceCollection();
        services.AddMemoryCache();
        services.AddSingleton<RolePermissionCache>();
        services.AddScoped<DbContext>(_ =>
        {
            built++;
            throw new InvalidOperationException("an anonymous request needs no database context");
        });
        services.AddScoped<IClaimsTransformation, RolePermissionClaimsTransformation>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        var result = await scope.ServiceProvider.GetRequiredService<IClaimsTransformation>().TransformAsync(anonymous);

        result.ShouldBeSameAs(anonymous);
        built.ShouldBe(0);
    }

    [Fact]
    public async Task Save_AdministratorsPermissions_AreRefusedSoNobodyIsLockedOut()
    {
        await using var scope = _services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<RoleEditor>();
        var admin = await editor.FindAsync(RegistryRoles.Admin, CancellationToken.None);

        var result = await editor.SaveAsync(RegistryRoles.Admin, null, [Review], admin!.ConcurrencyStamp, CancellationToken.None);

        result.Errors.ShouldContain(e => e.Key == "Roles.Error.AdminHoldsAll");
    }

    [Fact]
    public async Task Save_StaleStamp_IsAConflictAndChangesNothing()
    {
        await using var scope = _services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<RoleEditor>();
        var seen = (await editor.FindAsync(RegistryRoles.Officer, CancellationToken.None))!.ConcurrencyStamp;
        (await editor.SaveAsync(RegistryRoles.Officer, "科员", [Review, Register], seen, CancellationToken.None)).Succeeded.ShouldBeTrue();

        var stale = await editor.SaveAsync(RegistryRoles.Officer, null, [], seen, CancellationToken.None);

        stale.Conflict.ShouldBeTrue();
        (await editor.FindAsync(RegistryRoles.Officer, CancellationToken.None))!.Permissions.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Delete_BuiltInOrHeldRole_IsRefused_CustomRoleWithoutUsers_IsDeleted()
    {
        await using var scope = _services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<RoleEditor>();
        var officer = (await editor.FindAsync(RegistryRoles.Officer, CancellationToken.None))!;
        (await editor.DeleteAsync(RegistryRoles.Officer, officer.ConcurrencyStamp, CancellationToken.None)).Errors.ShouldContain(e => e.Key == "Roles.Error.BuiltIn");
        (await editor.CreateAsync("Inspector", "局领导", CancellationToken.None)).Succeeded.ShouldBeTrue();
        var inspector = (await editor.FindAsync("Inspector", CancellationToken.None))!;

        (await editor.DeleteAsync("Inspector", inspector.ConcurrencyStamp, CancellationToken.None)).Succeeded.ShouldBeTrue();

        (await editor.FindAsync("Inspector", CancellationToken.None)).ShouldBeNull();
    }

    [Theory]
    [InlineData("", "名称", false)]
    [InlineData("1Abc", "名称", false)]
    [InlineData("Street-Office", "名称", false)]
    [InlineData("Auditor", "", false)]
    [InlineData("Auditor", "街道", true)]
    public void CheckNew_NameAndDisplayName_FollowTheRules(string name, string displayName, bool valid) =>
        (RoleRules.CheckNew(name, displayName).Count == 0).ShouldBe(valid);

    private static ClaimsPrincipal Principal(IEnumerable<string> roles, IEnumerable<string> cookiePermissions) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "u1"),
                .. roles.Select(r => new Claim(ClaimTypes.Role, r)),
                .. cookiePermissions.Select(p => new Claim(Permission.ClaimType, p)),
            ],
            "Identity.Application"));

    private async Task SaveAsync(string role, IReadOnlyCollection<string> permissions)
    {
        await using var scope = _services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<RoleEditor>();
        var current = (await editor.FindAsync(role, CancellationToken.None))!;
        var result = await editor.SaveAsync(role, current.DisplayName, permissions, current.ConcurrencyStamp, CancellationToken.None);
        result.Succeeded.ShouldBeTrue();
    }

    /// <summary>A request as the host runs it: the claims transformation, then the permission policy.</summary>
    private async Task<bool> MayAsync(ClaimsPrincipal cookie, string permission)
    {
        await using var scope = _services.CreateAsyncScope();
        var principal = await scope.ServiceProvider.GetRequiredService<IClaimsTransformation>().TransformAsync(cookie);
        var result = await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, Permission.PolicyPrefix + permission);
        return result.Succeeded;
    }

    private sealed class RolesContext(DbContextOptions<RolesContext> options) : IdentityDbContext<RegistryUser, RegistryRole, string>(options);

    private sealed class IgnoredAudit : IAuditTrail
    {
        public void Record(string action, string entityType, string entityId, string summary)
        {
        }
    }

    private sealed class IgnoredOutbox : IOutbox
    {
        public void Publish<T>(string topic, T payload)
        {
        }
    }
}
