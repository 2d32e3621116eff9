using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core;
using Registry.Core.Security;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>Every role is refused on pages it lacks the permission for, and admitted where it has it.</summary>
public abstract class AuthorizationTests<TApp>(TApp app)
    where TApp : AppFixture
{
    [Theory]
    [MemberData(nameof(AuthorizationMatrix.Cases), MemberType = typeof(AuthorizationMatrix))]
    public async Task Page_ForRole_AnswersWithExpectedStatus(string role, string url, HttpStatusCode expected)
    {
        var client = await app.SignedInClientAsync(Account(role));
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Forbidden)
        {
            (await response.Content.ReadAsStringAsync()).ShouldContain("无权访问");
        }
    }

    [Theory]
    [InlineData("/Admin")]
    [InlineData("/Admin/Users")]
    [InlineData("/Account/Manage")]
    public async Task ProtectedPage_Anonymous_RedirectsToSignIn(string url)
    {
        using var response = await app.Client().GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task FileDownload_Anonymous_IsChallenged()
    {
        using var response = await app.Client().GetAsync(new Uri($"/files/{Guid.NewGuid()}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public void BackOfficePlace_EveryPageWithAnAdminSegment_NeedsTheBackOfficePermission()
    {
        // Locked by place, not only by the page's own [Permission]: e.g. /Grants/Projects/Admin and /Grants/Evaluation/Admin.
        var policy = Permission.PolicyPrefix + CorePermissions.BackOffice;
        var pages = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => (Route: e.RoutePattern.RawText ?? "", Policies: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList()))
            .Where(p => p.Route.Split('/').Contains("Admin", StringComparer.Ordinal))
            .ToList();

        pages.ShouldContain(p => p.Route.StartsWith("Grants/Projects/Admin", StringComparison.Ordinal));
        pages.ShouldContain(p => p.Route == "Grants/Evaluation/Admin");
        pages.Where(p => !p.Policies.Contains(policy)).Select(p => p.Route).ShouldBeEmpty();
    }

    private static (string, string) Account(string role) => role switch
    {
        "admin" => TestAccounts.Admin,
        "officer" => TestAccounts.Officer,
        "reviewer" => TestAccounts.Reviewer,
        _ => TestAccounts.Applicant,
    };
}

public sealed class AuthorizationTestsOnSqlite(SqliteApp app) : AuthorizationTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AuthorizationTestsOnPostgreSql(PostgreSqlApp app) : AuthorizationTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;

/// <summary>Which role gets what on each platform page.</summary>
public static class AuthorizationMatrix
{
    public static TheoryData<string, string, HttpStatusCode> Cases => new()
    {
        { "applicant", "/Admin", HttpStatusCode.Forbidden },
        { "applicant", "/Admin/Calendar", HttpStatusCode.Forbidden },
        { "reviewer", "/Admin/Users", HttpStatusCode.Forbidden },
        { "reviewer", "/Admin/Calendar", HttpStatusCode.Forbidden },
        { "officer", "/Admin/Users", HttpStatusCode.Forbidden },
        { "officer", "/Admin/Audit", HttpStatusCode.Forbidden },
        { "officer", "/Admin/Calendar/Add", HttpStatusCode.Forbidden },
        { "reviewer", "/Admin", HttpStatusCode.OK },
        { "officer", "/Admin", HttpStatusCode.OK },
        { "officer", "/Admin/Calendar", HttpStatusCode.OK },
        { "admin", "/Admin/Users", HttpStatusCode.OK },
        { "admin", "/Admin/Audit", HttpStatusCode.OK },
        { "admin", "/Admin/Calendar/Add", HttpStatusCode.OK },
        { "applicant", "/Account/Manage", HttpStatusCode.OK },
    };
}
