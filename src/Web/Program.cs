using Registry.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
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
