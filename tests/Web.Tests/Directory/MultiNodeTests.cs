using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Recipes;
using Registry.Directory.Search;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;
using Registry.Testing;
using Registry.Web.Data;

namespace Registry.Web.Tests.Directory;

/// <summary>Two app nodes on one PostgreSQL database, each with its own index: a change made through one is found on both (also through the register's contract).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes the nodes through IAsyncLifetime.DisposeAsync.")]
public sealed class MultiNodeTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private RegistryFactory _first = null!;
    private RegistryFactory _second = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql);
        _first = new RegistryFactory(_database, settings: new Dictionary<string, string?> { ["Registry:Directory:IndexPath"] = Path.Combine(_database.Directory, "node1"), ["Registry:Content:Search:IndexPath"] = Path.Combine(_database.Directory, "node1-site") });
        _ = _first.Server;
        _second = new RegistryFactory(_database, settings: new Dictionary<string, string?> { ["Registry:Directory:IndexPath"] = Path.Combine(_database.Directory, "node2"), ["Registry:Content:Search:IndexPath"] = Path.Combine(_database.Directory, "node2-site") });
        _ = _second.Server;
        await using var scope = _first.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", "test-register.recipe.json"), CancellationToken.None);
    }

    [Fact]
    public async Task ChangeOnOneNode_IsSearchableOnBoth()
    {
        await DirectoryApp.WaitForAsync(() => Total(_first, null) >= 37 && Total(_second, null) >= 37);
        await using (var scope = _second.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var organization = await db.Set<Organization>().SingleAsync(o => o.Name == "宁波市海曙区摄影家协会");
            var before = ApplicationForm.From(organization);
            organization.Name = "宁波市海曙区影像艺术协会";
            await scope.ServiceProvider.GetRequiredService<RegisterWriter>().ReviseAsync(organization, RegisterFields.Diff(before, ApplicationForm.From(organization)), "Org.Cause.Correction", null, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await DirectoryApp.WaitForAsync(() => Total(_first, "影像艺术") == 1 && Total(_second, "影像艺术") == 1);
        // The former name still finds it, on both nodes.
        Total(_first, "摄影家").ShouldBe(1);
        Total(_second, "摄影家").ShouldBe(1);
    }

    [Fact]
    public async Task StandingAndGradeSetThroughTheContractOnOneNode_AreFilterableOnBoth()
    {
        await DirectoryApp.WaitForAsync(() => Total(_first, null) >= 37 && Total(_second, null) >= 37);
        await using (var scope = _first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var register = scope.ServiceProvider.GetRequiredService<IOrganizationRegister>();
            var id = await db.Set<Organization>().Where(o => o.Name == "宁波市海曙区篮球协会").Select(o => o.Id).SingleAsync();
            (await register.SetCreditStandingAsync(id, CreditStanding.Abnormal, CancellationToken.None)).ShouldBeTrue();
            (await register.SetGradeAsync(id, 3, CancellationToken.None)).ShouldBeTrue();
            await db.SaveChangesAsync();
        }

        var query = new DirectoryQuery { Status = "Abnormal", MinGrade = 3 };
        await DirectoryApp.WaitForAsync(() => Names(_first, query).SequenceEqual(["宁波市海曙区篮球协会"]) && Names(_second, query).SequenceEqual(["宁波市海曙区篮球协会"]));
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static IEnumerable<string> Names(RegistryFactory node, DirectoryQuery query) =>
        node.Services.GetRequiredService<DirectorySearch>().Search(query).Hits.Select(h => h.Name);

    private static int Total(RegistryFactory node, string? text) =>
        node.Services.GetRequiredService<DirectorySearch>().Search(new DirectoryQuery { Text = text }).Total;
}
