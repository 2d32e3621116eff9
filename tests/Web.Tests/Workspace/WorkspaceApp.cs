using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Calendar;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Workspace;

/// <summary>
/// The demo district register (test-register recipe: applicant@demo.local acts for 老年协会 and 阳光养老服务中心) on a clock
/// the test moves, from Monday 2026-03-02, with the 2025 inspection campaign open (deadline 31 May 2026) and the reminder
/// and credit-list jobs off (tests drive them).
/// </summary>
public abstract class WorkspaceApp(DatabaseKind kind) : ClockedApp(kind, "test-register.recipe.json", Settings)
{
    public const string MemberSocialGroup = "宁波市海曙区老年协会";

    public static readonly (string Email, string Password) DemoApplicant = ("applicant@demo.local", "Demo-applicant-2026");

    public static readonly (string Email, string Password) OtherApplicant = ("applicant@test.local", "Test-applicant-2026");

    internal static readonly Dictionary<string, string?> Settings = new()
    {
        ["Registry:Workspace:Reminders"] = "false",
        ["Registry:Inspections:CreditListJob"] = "false",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        var campaigns = scope.ServiceProvider.GetRequiredService<CampaignService>();
        var (result, _) = await campaigns.OpenAsync(
            new CampaignRequest(2025, CampaignMode.Inspection, InspectionCampaign.DefaultDeadline(2025), [Registry.Organizations.Contracts.OrganizationCodes.SocialGroup, Registry.Organizations.Contracts.OrganizationCodes.PrivateNonEnterprise], null, CampaignService.DefaultAdminCostWarningPercent),
            CancellationToken.None);
        result.Errors.ShouldBeEmpty();
    }

    public Task<WorkingDayCalendar> CalendarAsync() => WithAsync<ICalendarProvider, WorkingDayCalendar>(c => c.GetAsync(CancellationToken.None));

    public Task<List<ObligationReminder>> RemindersAsync(int organizationId) =>
        WithAsync<RegistryDbContext, List<ObligationReminder>>(db => db.Set<ObligationReminder>().AsNoTracking().Where(r => r.OrganizationId == organizationId).OrderBy(r => r.Id).ToListAsync());

    /// <summary>In-app reminders the account received (by the template's title prefix in its language), newest first.</summary>
    public Task<List<Notification>> RemindersReceivedAsync(string email) => InScopeAsync(async s =>
    {
        var user = (await s.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(email))!;
        var title = s.GetRequiredService<ITextCatalog>().Find("Notify.Org.Workspace.Reminder.Title", CultureInfo.GetCultureInfo(user.PreferredCulture))!;
        var prefix = title[..title.IndexOf('{', StringComparison.Ordinal)];
        var notices = await s.GetRequiredService<RegistryDbContext>().Set<Notification>().AsNoTracking().Where(n => n.UserId == user.Id).OrderByDescending(n => n.Id).ToListAsync();
        return notices.Where(n => n.Title.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    });
}

public sealed class WorkspaceSqliteApp() : WorkspaceApp(DatabaseKind.Sqlite);

public sealed class WorkspacePostgreSqlApp() : WorkspaceApp(DatabaseKind.PostgreSql);
