using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Identification;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Organizations;

/// <summary>Change applications that touch only what the applicant changed, and one approved name per establishment, on each provider.</summary>
public abstract class RegistrationRulesTests<TApp>(TApp app)
    where TApp : AppFixture
{
    private const string District = "海曙区";
    private const string SupervisingUnit = "海曙区老龄工作委员会办公室";

    // Issue 25 item 1: the change form has no district field; approving an address change blanked the district.
    [Fact]
    public async Task ChangeApplication_OnlyAddressChanged_ApprovalKeepsDistrictAndSupervisingUnit()
    {
        var account = await NewApplicantAsync();
        var organizationId = await NewOrganizationAsync(account.Email);
        var applicant = await app.SignedInClientAsync(account);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        var id = await StartChangeAsync(applicant, organizationId);
        using (var submitted = await applicant.PostFormAsync(id, "Submit", new Dictionary<string, string>
        {
            ["Input.Address"] = "宁波市海曙区中山西路88号",
            ["Input.Reason"] = "办公场所搬迁。",
        }, ["ChangeResolution"]))
        {
            submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, RegistrationClient.ErrorsOf(await submitted.Content.ReadAsStringAsync()));
        }

        var detail = await officer.GetStringAsync(new Uri($"/Organizations/Admin/Applications/{id}", UriKind.Relative));
        var diff = detail[detail.IndexOf("data-testid=\"change-diff\"", StringComparison.Ordinal)..];
        diff = diff[..diff.IndexOf("</table>", StringComparison.Ordinal)];
        diff.ShouldContain("宁波市海曙区中山西路88号");
        diff.ShouldNotContain("所在区");
        diff.ShouldNotContain("业务主管单位");
        await officer.DecideOkAsync(id, "Accept", "StartReview", "Approve");

        await using var scope = app.Scope();
        var organization = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Organization>().AsNoTracking().SingleAsync(o => o.Id == organizationId);
        organization.ShouldSatisfyAllConditions(
            () => organization.Address.ShouldBe("宁波市海曙区中山西路88号"),
            () => organization.District.ShouldBe(District),
            () => organization.SupervisingUnit.ShouldBe(SupervisingUnit),
            () => organization.Street.ShouldBe("鼓楼街道"));
        var revision = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<OrganizationRevision>().AsNoTracking()
            .Where(r => r.OrganizationId == organizationId && r.ApplicationId == id).SingleAsync();
        revision.Changes.ShouldContain("\"Address\"");
        revision.Changes.ShouldNotContain("\"District\"");
        revision.Changes.ShouldNotContain("\"SupervisingUnit\"");
    }

    [Fact]
    public async Task ChangeApplication_ApplicantBlanksTheSupervisingUnit_ApprovalBlanksIt()
    {
        var account = await NewApplicantAsync();
        var organizationId = await NewOrganizationAsync(account.Email);
        var applicant = await app.SignedInClientAsync(account);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        var id = await StartChangeAsync(applicant, organizationId);
        using (var submitted = await applicant.PostFormAsync(id, "Submit", new Dictionary<string, string>
        {
            ["Input.SupervisingUnit"] = "",
            ["Input.Reason"] = "改为直接登记。",
        }, ["ChangeResolution"]))
        {
            submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, RegistrationClient.ErrorsOf(await submitted.Content.ReadAsStringAsync()));
        }

        await officer.DecideOkAsync(id, "Accept", "StartReview", "Approve");

        await using var scope = app.Scope();
        var organization = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Organization>().AsNoTracking().SingleAsync(o => o.Id == organizationId);
        organization.SupervisingUnit.ShouldBeNull();
        organization.District.ShouldBe(District);
    }

    // Issue 25 item 6: one approved name serves one pending establishment.
    [Fact]
    public async Task Establishment_SecondUseOfAReservationWhileTheFirstIsPending_RefusedNamingTheFirst()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var name = RegistrationTests<TApp>.UniqueName("养老服务中心");
        var nameId = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(nameId, "NameApproval", RegistrationClient.NameApproval(name));
        await officer.DecideOkAsync(nameId, "Accept", "StartReview", "Approve");
        var fields = RegistrationClient.Particulars(name);
        fields["Input.NameApplicationId"] = nameId.ToString(CultureInfo.InvariantCulture);

        var first = await applicant.StartAsync("Establishment");
        await applicant.SubmitWithDocumentsAsync(first, "Establishment", fields);
        var second = await applicant.StartAsync("Establishment");
        using var refused = await applicant.PostFormAsync(second, "Submit", fields, RegistrationClient.RequiredDocuments["Establishment"]);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("已被另一件待办的成立登记申请");
        html.ShouldContain(await ReceiptOfAsync(first));
        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<RegistrationApplication>().SingleAsync(a => a.Id == second)).State.ShouldBe(ApplicationState.Draft);
    }

    [Fact]
    public async Task Establishment_ReservationFreedByWithdrawal_CanBeUsedAgain()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var name = RegistrationTests<TApp>.UniqueName("助残服务中心");
        var nameId = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(nameId, "NameApproval", RegistrationClient.NameApproval(name));
        await officer.DecideOkAsync(nameId, "Accept", "StartReview", "Approve");
        var fields = RegistrationClient.Particulars(name);
        fields["Input.NameApplicationId"] = nameId.ToString(CultureInfo.InvariantCulture);
        var first = await applicant.StartAsync("Establishment");
        await applicant.SubmitWithDocumentsAsync(first, "Establishment", fields);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var withdrawing = await db.Set<RegistrationApplication>().SingleAsync(a => a.Id == first);
            var service = scope.ServiceProvider.GetRequiredService<Registry.Organizations.Services.RegistrationService>();
            (await service.WithdrawAsync(withdrawing, withdrawing.Version, CancellationToken.None)).Succeeded.ShouldBeTrue();
        }

        var second = await applicant.StartAsync("Establishment");
        await applicant.SubmitWithDocumentsAsync(second, "Establishment", fields);
    }

    // Issue 25 item 6: the officer's clash warning names the other case and links to it.
    [Fact]
    public async Task OfficerDetail_AnotherPendingApplicationWithTheSameName_WarningLinksToIt()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var name = RegistrationTests<TApp>.UniqueName("养老服务中心");
        var id = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(id, "NameApproval", RegistrationClient.NameApproval(name));
        int otherId;
        string otherReceipt = "DJ-LEGACY-" + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = app.Scope())
        {
            // A clash from before the rule (or from the paper files): a second pending application with the same name.
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var existing = await db.Set<RegistrationApplication>().AsNoTracking().SingleAsync(a => a.Id == id);
            var other = new RegistrationApplication
            {
                Kind = ApplicationKind.NameApproval,
                State = ApplicationState.Submitted,
                ApplicantUserId = existing.ApplicantUserId,
                FormJson = existing.FormJson,
                OrganizationType = existing.OrganizationType,
                Title = existing.Title,
                ReceiptNumber = otherReceipt,
                CreatedAt = existing.CreatedAt,
                UpdatedAt = existing.UpdatedAt,
                SubmittedAt = existing.SubmittedAt,
            };
            db.Add(other);
            await db.SaveChangesAsync();
            otherId = other.Id;
        }

        var html = await officer.GetStringAsync(new Uri($"/Organizations/Admin/Applications/{id}", UriKind.Relative));

        html.ShouldContain("data-testid=\"clashing-applications\"");
        html.ShouldContain($"href=\"/Organizations/Admin/Applications/{otherId}\"");
        html.ShouldContain(otherReceipt);
    }

    // 社会团体登记管理条例: nobody is the legal representative of two 社会团体 at once; checked against the register.
    [Fact]
    public async Task Establishment_SocialGroupWhoseLegalRepresentativeAlreadyRepresentsOne_Refused()
    {
        var account = await NewApplicantAsync();
        var existing = await NewOrganizationAsync(account.Email, OrganizationType.SocialGroup);
        string person;
        await using (var scope = app.Scope())
        {
            person = (await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Organization>().SingleAsync(o => o.Id == existing)).LegalRepresentative;
        }

        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var name = RegistrationTests<TApp>.UniqueName("养老协会");
        var nameId = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(nameId, "NameApproval", RegistrationClient.NameApproval(name));
        await officer.DecideOkAsync(nameId, "Accept", "StartReview", "Approve");
        var fields = RegistrationClient.Particulars(name, "SocialGroup");
        fields["Input.NameApplicationId"] = nameId.ToString(CultureInfo.InvariantCulture);
        fields["Input.IndividualMembers"] = "40";
        fields["Input.UnitMembers"] = "10";
        fields["Input.LegalRepresentative"] = person;
        var id = await applicant.StartAsync("Establishment");

        using (var refused = await applicant.PostFormAsync(id, "Submit", fields, RegistrationClient.RequiredDocuments["Establishment"]))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("不得同时担任两个社会团体的法定代表人");
        }

        // 40 individual + 10 unit members is a lawful mixed membership (第十条(一)): with another person it goes through.
        fields["Input.LegalRepresentative"] = "沈" + Guid.NewGuid().ToString("N")[..4];
        await applicant.SubmitWithDocumentsAsync(id, "Establishment", fields);
    }

    private static async Task<int> StartChangeAsync(HttpClient applicant, int organizationId)
    {
        using var response = await applicant.SubmitFormAsync(
            "/Organizations/My",
            new Dictionary<string, string> { ["kind"] = "Change", ["organizationId"] = organizationId.ToString(CultureInfo.InvariantCulture) },
            "form[action*='handler=Start']");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, RegistrationClient.ErrorsOf(await response.Content.ReadAsStringAsync()));
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private async Task<string> ReceiptOfAsync(int applicationId)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<RegistrationApplication>().SingleAsync(a => a.Id == applicationId)).ReceiptNumber!;
    }

    /// <summary>A registered 民非 with a district and a supervising unit, administered by the account.</summary>
    private async Task<int> NewOrganizationAsync(string adminEmail, OrganizationType type = OrganizationType.PrivateNonEnterprise)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(adminEmail);
        var name = RegistrationTests<TApp>.UniqueName(type == OrganizationType.SocialGroup ? "养老协会" : "养老服务中心");
        var organization = new Organization
        {
            Name = name,
            NormalizedName = name,
            Type = type,
            CreditCode = UnifiedSocialCreditCode.Generate('5', type.UsccTypeCode()!.Value, "330203", "RT" + Random.Shared.Next(0, 999_999).ToString("000000", CultureInfo.InvariantCulture)).Value,
            RegisteringAuthority = "宁波市海曙区民政局",
            SupervisingUnit = SupervisingUnit,
            LegalRepresentative = "吴" + Guid.NewGuid().ToString("N")[..6],
            District = District,
            Street = "鼓楼街道",
            Address = "宁波市海曙区孝闻街1号",
            ServiceFields = "养老",
            BusinessScope = "居家养老服务",
            ActivityFundsFen = 5_000_000,
            FoundedOn = new DateOnly(2018, 5, 1),
            Status = OrganizationStatus.Active,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Add(organization);
        await db.SaveChangesAsync();
        db.Add(new OrganizationMember { OrganizationId = organization.Id, UserId = user!.Id, IsOrgAdmin = true, Since = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return organization.Id;
    }

    private async Task<(string Email, string Password)> NewApplicantAsync()
    {
        var email = $"change-{Guid.NewGuid():N}@example.org";
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var user = new RegistryUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Change" };
        (await users.CreateAsync(user, "Other-applicant-2026")).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, RegistryRoles.Applicant)).Succeeded.ShouldBeTrue();
        return (email, "Other-applicant-2026");
    }
}

public sealed class RegistrationRulesTestsOnSqlite(SqliteApp app) : RegistrationRulesTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class RegistrationRulesTestsOnPostgreSql(PostgreSqlApp app) : RegistrationRulesTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
