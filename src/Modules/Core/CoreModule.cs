using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Registry.Core.Auditing;
using Registry.Core.Calendar;
using Registry.Core.Files;
using Registry.Core.Finance;
using Registry.Core.Jobs;
using Registry.Core.Mail;
using Registry.Core.Modularity;
using Registry.Core.Notifications;
using Registry.Core.Data;
using Registry.Core.Outbox;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Core.Settings;
using Registry.Core.Contracts;

namespace Registry.Core;

/// <summary>The platform services every module stands on.</summary>
public sealed class CoreModule : IModule
{
    public string Name => "Core";

    public IEnumerable<Permission> Permissions => CorePermissions.All;

    // The platform pages and their menu entries are the Platform module's.
    public IEnumerable<NavigationItem> Navigation => [];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NodeIdentity>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<ReadOnlyRoleFilter>());
        services.AddScoped<Review.ISignOffs, Review.SignOffs>();
        services.AddMemoryCache();
        services.AddSingleton<RolePermissionCache>();
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, RolePermissionClaimsTransformation>();
        services.AddScoped<IOutboxConsumer, RolePermissionCacheInvalidator>();
        services.AddScoped<RoleEditor>();

        services.AddSingleton(sp => AuditKey.FromConfiguration(configuration, sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>()));
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section))
            .Validate(o => o.SealInterval > TimeSpan.Zero, $"{AuditOptions.Section}:SealInterval must be positive.").ValidateOnStart();
        services.AddScoped<AuditSealingJob>();
        services.AddHostedService<AuditSealingJobService>();
        services.AddScoped<IOutbox, EfOutbox>();
        services.AddScoped<IJobLeases, JobLeases>();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection("Registry:Outbox"))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.BatchSize is >= 1 and <= 10_000 && o.ScanSize >= o.BatchSize && o.ScanSize <= 100_000 && o.GapGrace >= TimeSpan.Zero, "Registry:Outbox: PollInterval must be positive, BatchSize 1–10000, ScanSize from BatchSize to 100000, GapGrace not negative.")
            .ValidateOnStart();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddScoped<IMailOutbox, MailOutbox>();
        services.AddScoped<IMailTransport>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Mode.Equals("Smtp", StringComparison.OrdinalIgnoreCase)
            ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp)
            : ActivatorUtilities.CreateInstance<PickupDirectoryMailTransport>(sp));
        services.AddSingleton<MailDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<MailDispatcher>());

        services.AddOptions<FileStoreOptions>().Bind(configuration.GetSection(FileStoreOptions.Section))
            .Validate(o => o.MaxBytes > 0 && o.QuotaBytesPerOrganization >= o.MaxBytes, $"{FileStoreOptions.Section}: MaxBytes must be positive and QuotaBytesPerOrganization at least MaxBytes.")
            .ValidateOnStart();
        services.AddOptions<MoneyLimitOptions>().Bind(configuration.GetSection(MoneyLimitOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MoneyLimitOptions>, MoneyLimitOptionsValidator>();
        services.AddSingleton<IMoneyLimits, MoneyLimits>();
        services.AddScoped<IFileStore, FileStore>();
        services.AddSingleton<PublicUrls>();
        services.AddScoped<ISettings, DbSettings>();
        services.AddScoped<ISequences, DbSequences>();
        services.AddScoped<INotifier, Notifier>();
        services.AddScoped<INotificationInbox, NotificationInbox>();
        services.AddSingleton<CalendarCache>();
        services.AddScoped<ICalendarProvider, CalendarProvider>();
        services.AddScoped<CalendarWarning>();
        services.AddScoped<CalendarWarningMailer>();
        services.AddHostedService<CalendarWarningJobService>();

        services.AddScoped<IRecipeRunner, RecipeRunner>();
        services.AddScoped<IRecipeStep, RolesRecipeStep>();
        services.AddScoped<IRecipeStep, UsersRecipeStep>();
        services.AddScoped<IRecipeStep, CalendarRecipeStep>();
        services.AddScoped<IRecipeStep, SettingsRecipeStep>();
        services.AddScoped<IRecipeStep, Review.SignOffChainsRecipeStep>();
        services.AddScoped<IRecipeStep, SettingsSectionRecipeStep>();
        services.AddScoped<SettingsStore>();
        services.AddScoped<ISettingsSection, BureauSettingsSection>();
        services.AddScoped<ISettingsSection, Review.SignOffChainsSection>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/files/{id:guid}", DownloadAsync).RequireAuthorization();

    /// <summary>Only the uploader, officers, or whoever a module's rule admits; anyone else gets 404 so ids leak nothing.</summary>
    private static async Task<IResult> DownloadAsync(Guid id, HttpContext context, IFileStore store, IEnumerable<IFileAccessRule> rules, CancellationToken cancellationToken)
    {
        var file = await store.FindAsync(id, cancellationToken);
        if (file is null)
        {
            return Results.NotFound();
        }

        var user = context.User;
        var allowed = file.OwnerUserId == user.UserId() || user.HasPermission(CorePermissions.ReadAllFiles);
        foreach (var rule in rules)
        {
            allowed = allowed || await rule.CanReadAsync(user, file, cancellationToken);
        }

        if (!allowed)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(store.OpenRead(file), file.ContentType, file.FileName);
    }
}
