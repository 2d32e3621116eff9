using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Registry.Organizations.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Reports;

/// <summary>
/// The app with the test-reports recipe (the seed's figures as raw records) loaded on top of the test recipe, plus two
/// foundations whose register entry changed after 2025 (<see cref="ChangedAfter2025"/>) and a name approval of
/// <see cref="UntypedApprovalYear"/> whose form stated no organization type.
/// </summary>
public abstract class ReportsApp(DatabaseKind kind) : ClockedApp(kind, "test-reports.recipe.json", new Dictionary<string, string?>())
{
    /// <summary>The year the recipe's figures are reported in (its 2025 inspection is carried out in 2026).</summary>
    public const int Year = 2026;

    /// <summary>The year of the one approval without an organization type (counted in its kind's total only).</summary>
    public const int UntypedApprovalYear = 2024;

    /// <summary>A page as the officer sees it (the lists behind the figures are the back office's).</summary>
    public async Task<IHtmlDocument> OfficerPageAsync(string url) => await (await SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync(url);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        db.AddRange(ChangedAfter2025(now));
        db.Add(new RegistrationApplication
        {
            Kind = ApplicationKind.NameApproval, State = ApplicationState.Approved, OrganizationType = null, ApplicantUserId = "reports-test",
            Title = "报表测试无类型名称核准", CreatedAt = now, UpdatedAt = now, AcceptedOn = new DateOnly(UntypedApprovalYear, 6, 3),
            DecidedAt = new DateTime(UntypedApprovalYear, 6, 10, 2, 0, 0, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Foundations (outside the inspection and the seed's counts): one active through 2025 and deregistered on
    /// 2026-01-20, one founded on 2026-01-10. The register at the end of 2025 differs from today's by them.
    /// </summary>
    private static IEnumerable<Organization> ChangedAfter2025(DateTime now) =>
    [
        Foundation("宁波市海曙区报表测试往年基金会", "报表测试街道", new DateOnly(2015, 5, 1), OrganizationStatus.Deregistered, new DateOnly(2026, 1, 20), now),
        Foundation("宁波市海曙区报表测试新设基金会", "报表测试新街道", new DateOnly(2026, 1, 10), OrganizationStatus.Active, null, now),
    ];

    private static Organization Foundation(string name, string street, DateOnly foundedOn, OrganizationStatus status, DateOnly? statusChangedOn, DateTime now) => new()
    {
        Name = name, NormalizedName = name, Type = OrganizationType.Foundation, Street = street, FoundedOn = foundedOn, Status = status, StatusChangedOn = statusChangedOn,
        LegalRepresentative = "报表测试", District = "海曙区", RegisteringAuthority = "宁波市海曙区民政局", CreatedAt = now, UpdatedAt = now,
    };
}

public sealed class ReportsSqliteApp() : ReportsApp(DatabaseKind.Sqlite);

public sealed class ReportsPostgreSqlApp() : ReportsApp(DatabaseKind.PostgreSql);
