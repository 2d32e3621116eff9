using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Registry.Core;
using Registry.Core.Localization;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Web.Data;
using Registry.Web.Health;
using Registry.Web.Identity;

namespace Registry.Web.Hosting;

/// <summary>Composes the host from the discovered modules; holds no domain code.</summary>
public static class RegistryHost
{
    /// <summary>
    /// The host's arguments with configuration files read once at start. Watching them means a recursive watch of the
    /// content root, which holds the database, the indexes and the files: every write there woke the watcher thread
    /// (about a fifth of the register import's CPU). A changed appsettings.json takes effect on restart.
    /// </summary>
    public static string[] HostArguments(string[] args) => [.. args, "--hostBuilder:reloadConfigOnChange=false"];

    public static void AddRegistry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // Module and theme assets are served from their projects when running from build output (any environment);
        // a published app has them copied into wwwroot and this is a no-op.
        builder.WebHost.UseStaticWebAssets();
        var configuration = builder.Configuration;
        if (configuration.GetValue<bool>("Registry:Logging:Json"))
        {
            builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);
        }

        var catalog = ModuleCatalog.Discover();
        services.AddSingleton(catalog);
        foreach (var module in catalog.Modules)
        {
            module.ConfigureServices(services, configuration);
            foreach (var permission in module.Permissions)
            {
                services.AddSingleton(permission);
            }

            foreach (var item in module.Navigation)
            {
                services.AddSingleton(item);
            }
        }

        services.AddSingleton<IPermissionCatalog>(sp => new PermissionCatalog(sp.GetServices<Permission>()));
        services.AddSingleton<NavigationCatalog>();
        services.AddRegistryDatabase(configuration, builder.Environment);
        services.AddRegistryIdentity(configuration);
        services.AddRegistryDataProtection(configuration);
        services.AddRegistryForwardedHeaders(configuration);
        services.AddRegistryLocalization([typeof(RegistryHost).Assembly, typeof(Themes.Civic.ThemeMarker).Assembly, .. catalog.Assemblies]);

        var mvc = services.AddRazorPages(o =>
            {
                // Staff pages are locked by place as well as by their own [Permission]: a forgotten attribute still denies.
                o.Conventions.Add(new BackOfficePlaceConvention(Permission.PolicyPrefix + CorePermissions.BackOffice));

                o.Conventions.AuthorizeFolder("/Account/Manage");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(RegistryHost)));
        foreach (var assembly in catalog.Assemblies.Where(a => !mvc.PartManager.ApplicationParts.Any(p => p.Name == a.GetName().Name)))
        {
            mvc.AddApplicationPart(assembly);
        }

        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, InputGuards>();
        // Chinese text is written as characters, not &#x…; escapes: readable source and a third of the bytes.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var permits = configuration.GetValue("Registry:RateLimit:AuthPermitsPerMinute", 20);
            o.AddPolicy(RateLimitPolicies.PublicPost, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("get")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) }));
        });
        services.AddRegistryHealthChecks();
    }

    private static void AddRegistryLocalization(this IServiceCollection services, IEnumerable<System.Reflection.Assembly> assemblies)
    {
        services.AddSingleton<ITextCatalog>(new TextCatalog(assemblies));
        services.AddSingleton<IStringLocalizerFactory, CatalogStringLocalizerFactory>();
        services.AddSingleton(sp => sp.GetRequiredService<IStringLocalizerFactory>().Create(typeof(RegistryHost)));
        services.AddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SiteCultures.All.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(TextCatalog.DefaultCulture);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // zh-CN unless the visitor chose otherwise: the browser's language is not consulted.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()];
        });
    }

    public static void UseRegistry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (HostSecurity.TrustsProxies(app.Configuration))
        {
            // Before everything that reads the client's address or scheme: HSTS, cookies' Secure flag, the rate limiter.
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders();
        // First, so error pages (re-executed below) keep the visitor's language.
        app.UseRequestLocalization();
        if (app.Environment.IsProduction() && string.IsNullOrEmpty(app.Configuration[HostSecurity.DataProtectionCertificateKey]))
        {
            app.Logger.LogWarning("{Key} is not set: the Data Protection keys are stored in the database unencrypted", HostSecurity.DataProtectionCertificateKey);
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        else
        {
            app.UseDeveloperExceptionPage();
        }

        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapRegistryHealthChecks();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.MapEndpoints(app);
        }
    }
}
