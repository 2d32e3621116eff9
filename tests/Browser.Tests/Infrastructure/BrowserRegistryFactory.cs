using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Registry.Testing;

namespace Registry.Browser.Tests.Infrastructure;

/// <summary>
/// The shared test host plus the theme's static files. Outside Development and a published folder, ASP.NET Core does not
/// read the static web assets manifest, so /_content/Registry.Themes.Civic/… answers 200 with an empty body and every
/// page renders unstyled: useless screenshots. Reading the build output's manifest serves the real files.
/// </summary>
internal sealed class BrowserRegistryFactory(TestDatabase database, Action<IServiceCollection>? services = null) : RegistryFactory(database, listenOnSocket: true, services: services)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }
}
