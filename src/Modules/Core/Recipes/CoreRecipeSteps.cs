using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Registry.Core.Calendar;
using Registry.Core.Security;
using Registry.Core.Settings;

namespace Registry.Core.Recipes;

/// <summary>"roles": creates the roles (optional "displayName") and grants each its modules' default permissions plus any listed ones.</summary>
internal sealed class RolesRecipeStep(RoleManager<RegistryRole> roles, IPermissionCatalog permissions) : IRecipeStep
{
    public string Name => "roles";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var item in context.Array("roles"))
        {
            var roleName = context.RequiredString(item, "name");
            if (roleName is null)
            {
                continue;
            }

            var role = await roles.FindByNameAsync(roleName);
            var displayName = item.TryGetProperty("displayName", out var dn) ? dn.GetString() : null;
            if (displayName is not null && RoleRules.CheckDisplayName(roleName, displayName) is { Count: > 0 })
            {
                context.Error($"role '{roleName}': displayName must have at most {RoleRules.MaxDisplayName} characters");
                continue;
            }

            if (role is null)
            {
                role = new RegistryRole(roleName) { DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim() };
                Check(context, await roles.CreateAsync(role));
            }
            else if (displayName is not null && role.DisplayName != displayName.Trim())
            {
                role.DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
                Check(context, await roles.UpdateAsync(role));
            }

            var wanted = permissions.All.Where(p => p.DefaultRoles.Contains(roleName)).Select(p => p.Name).ToHashSet();
            if (item.TryGetProperty("permissions", out var extra))
            {
                foreach (var name in extra.EnumerateArray().Select(e => e.GetString() ?? ""))
                {
                    if (permissions.Find(name) is null)
                    {
                        context.Error($"unknown permission '{name}'");
                    }

                    wanted.Add(name);
                }
            }

            var granted = (await roles.GetClaimsAsync(role)).Where(c => c.Type == Permission.ClaimType).Select(c => c.Value).ToHashSet();
            foreach (var name in wanted.Except(granted).Order(StringComparer.Ordinal))
            {
                Check(context, await roles.AddClaimAsync(role, new Claim(Permission.ClaimType, name)));
            }
        }
    }

    internal static void Check(RecipeStepContext context, IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            context.Error(error.Description);
        }
    }
}

/// <summary>
/// "users": creates accounts (confirmed) with roles; existing accounts keep their password. A password comes from
/// "password", or from the configuration key in "passwordFrom", or is generated and printed once.
/// </summary>
internal sealed class UsersRecipeStep(UserManager<RegistryUser> users, IConfiguration configuration, TimeProvider clock, ILogger<UsersRecipeStep> logger) : IRecipeStep
{
    public string Name => "users";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var item in context.Array("users"))
        {
            var email = context.RequiredString(item, "email");
            if (email is null)
            {
                continue;
            }

            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new RegistryUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = item.TryGetProperty("displayName", out var dn) ? dn.GetString() ?? email : email,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                };
                var password = Password(item, email);
                RolesRecipeStep.Check(context, await users.CreateAsync(user, password));
            }

            if (item.TryGetProperty("roles", out var roleList))
            {
                var current = await users.GetRolesAsync(user);
                var missing = roleList.EnumerateArray().Select(r => r.GetString() ?? "").Except(current).ToList();
                if (missing.Count > 0)
                {
                    RolesRecipeStep.Check(context, await users.AddToRolesAsync(user, missing));
                }
            }
        }
    }

    private string Password(JsonElement item, string email)
    {
        if (item.TryGetProperty("password", out var given))
        {
            return given.GetString() ?? "";
        }

        if (item.TryGetProperty("passwordFrom", out var key) && configuration[key.GetString() ?? ""] is { Length: > 0 } configured)
        {
            return configured;
        }

        // From the policy the user manager enforces, so the account is always created (issue 25 item 0).
        var generated = PasswordGenerator.Generate(users.Options.Password);
        // Printed once, on creation only; it is never stored in clear.
        Console.WriteLine($"*** Generated password for {email}: {generated}");
        logger.LogWarning("Generated a password for {Email}; it was printed to the console once", email);
        return generated;
    }
}

/// <summary>"calendar": loads holiday years from a JSON file in the holidays format (path relative to the recipe).</summary>
internal sealed class CalendarRecipeStep(ICalendarProvider calendars) : IRecipeStep
{
    public string Name => "calendar";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var file = context.RequiredString(context.Step, "file");
        if (file is null)
        {
            return;
        }

        var path = Path.Combine(context.RecipeDirectory, file);
        if (!File.Exists(path))
        {
            context.Error($"calendar file '{file}' not found");
            return;
        }

        try
        {
            await calendars.SaveYearsAsync(HolidayCalendarJson.Parse(await File.ReadAllTextAsync(path, cancellationToken)), cancellationToken);
        }
        catch (FormatException ex)
        {
            context.Error(ex.Message);
        }
    }
}

/// <summary>"settings": upserts key/value settings (the bureau's keys validated as on the settings screen).</summary>
internal sealed class SettingsRecipeStep(ISettings settings, Microsoft.Extensions.Localization.IStringLocalizer localizer) : IRecipeStep
{
    public string Name => "settings";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (!context.Step.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            context.Error("'values' object is required");
            return;
        }

        foreach (var setting in values.EnumerateObject())
        {
            // The bureau's keys are checked as the settings screen checks them.
            if (BureauSettingsSection.Check(setting.Name, setting.Value.ToString()) is { } error)
            {
                context.Error($"{setting.Name}: {Forms.FormErrorText.Describe(localizer, error)}");
                continue;
            }

            await settings.SetAsync(setting.Name, setting.Value.ToString().Trim(), cancellationToken);
        }
    }
}

/// <summary>
/// "settings-section": sets fields of a settings section ("section": its id, "values": field → text as on the settings
/// screen), validated by the section exactly as the screen is.
/// </summary>
internal sealed class SettingsSectionRecipeStep(IEnumerable<ISettingsSection> sections, Microsoft.Extensions.Localization.IStringLocalizer localizer) : IRecipeStep
{
    public string Name => "settings-section";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var id = context.RequiredString(context.Step, "section");
        if (id is null)
        {
            return;
        }

        if (sections.FirstOrDefault(s => s.Id == id) is not { } section)
        {
            context.Error($"unknown settings section '{id}'");
            return;
        }

        if (!context.Step.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            context.Error("'values' object is required");
            return;
        }

        var text = values.EnumerateObject().ToDictionary(
            v => v.Name,
            v => v.Value.ValueKind == JsonValueKind.Array ? string.Join('\n', v.Value.EnumerateArray().Select(e => e.ToString())) : v.Value.ToString(),
            StringComparer.Ordinal);
        if (text.Keys.Except(section.Fields.Select(f => f.Name)).ToList() is { Count: > 0 } unknown)
        {
            context.Error($"section '{id}' has no field {string.Join(", ", unknown)}");
            return;
        }

        var result = await section.SaveAsync(text, null, cancellationToken);
        foreach (var error in result.Errors)
        {
            context.Error($"{error.Field}: {Forms.FormErrorText.Describe(localizer, error)}");
        }
    }
}
