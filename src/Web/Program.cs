using Registry.Web.Hosting;

var builder = WebApplication.CreateBuilder(RegistryHost.HostArguments(args));
if (HostSecurity.StartupProblem(builder.Configuration, builder.Environment) is { } problem)
{
    // One line an operator can act on, not a stack trace.
    await Console.Error.WriteLineAsync(problem);
    return 2;
}

builder.AddRegistry();

var app = builder.Build();
app.UseRegistry();

if (await app.RunCommandAsync(args) is { } exitCode)
{
    return exitCode;
}

await app.PrepareAsync();
await app.RunAsync();
return 0;
