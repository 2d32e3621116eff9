using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Recipes;

/// <summary>
/// "supervising-units": the registry of 业务主管单位, upserted by name, each with its accounts (emails of existing users,
/// given the SupervisingUnit role), e.g. <c>{ "units": [ { "name": "海曙区教育局", "accounts": ["edu@…"] } ] }</c>. Organizations
/// whose free-text 业务主管单位 is exactly a unit's name are linked to it, so the register's existing values map on.
/// </summary>
internal sealed class SupervisingUnitsRecipeStep(DbContext db, UserManager<RegistryUser> users, IAuditTrail audit, TimeProvider clock) : IRecipeStep
{
    public string Name => "supervising-units";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var item in context.Array("units"))
        {
            var name = context.RequiredString(item, "name")?.Trim();
            if (name is null)
            {
                continue;
            }

            if (name.Length > 200)
            {
                context.Error($"unit name '{name}' is longer than 200 characters");
                continue;
            }

            var unit = await db.Set<SupervisingUnit>().SingleOrDefaultAsync(u => u.Name == name, cancellationToken);
            if (unit is null)
            {
                unit = new SupervisingUnit { Name = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
                db.Add(unit);
                await db.SaveChangesAsync(cancellationToken);
                audit.Record("supervising-unit.created", nameof(SupervisingUnit), unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), name);
            }

            await db.Set<Organization>().Where(o => o.SupervisingUnit == name && o.SupervisingUnitId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.SupervisingUnitId, unit.Id), cancellationToken);
            foreach (var user in await PartyAccountsRecipe.AccountsAsync(context, item, users, RegistryRoles.SupervisingUnit))
            {
                var link = await db.Set<SupervisingUnitAccount>().SingleOrDefaultAsync(a => a.UserId == user.Id, cancellationToken);
                if (link is null)
                {
                    db.Add(new SupervisingUnitAccount { UserId = user.Id, SupervisingUnitId = unit.Id });
                }
                else if (link.SupervisingUnitId != unit.Id)
                {
                    context.Error($"{user.Email} already acts for another supervising unit");
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

/// <summary>
/// "street-offices": accounts of street offices (街道), one street each, e.g.
/// <c>{ "offices": [ { "street": "鼓楼街道", "accounts": ["gulou@…"] } ] }</c> (given the StreetOffice role).
/// </summary>
internal sealed class StreetOfficesRecipeStep(DbContext db, UserManager<RegistryUser> users) : IRecipeStep
{
    public string Name => "street-offices";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var item in context.Array("offices"))
        {
            var street = context.RequiredString(item, "street")?.Trim();
            if (street is null)
            {
                continue;
            }

            if (street.Length > 50)
            {
                context.Error($"street '{street}' is longer than 50 characters");
                continue;
            }

            foreach (var user in await PartyAccountsRecipe.AccountsAsync(context, item, users, RegistryRoles.StreetOffice))
            {
                var link = await db.Set<StreetOfficeAccount>().SingleOrDefaultAsync(a => a.UserId == user.Id, cancellationToken);
                if (link is null)
                {
                    db.Add(new StreetOfficeAccount { UserId = user.Id, Street = street });
                }
                else if (link.Street != street)
                {
                    context.Error($"{user.Email} already acts for another street");
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

internal static class PartyAccountsRecipe
{
    /// <summary>The existing users named in "accounts", each put in <paramref name="role"/>; a missing one is an error.</summary>
    public static async Task<List<RegistryUser>> AccountsAsync(RecipeStepContext context, System.Text.Json.JsonElement item, UserManager<RegistryUser> users, string role)
    {
        var found = new List<RegistryUser>();
        if (!item.TryGetProperty("accounts", out var accounts) || accounts.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            return found;
        }

        foreach (var email in accounts.EnumerateArray().Select(a => a.GetString() ?? ""))
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                context.Error($"account {email} does not exist");
                continue;
            }

            if (!await users.IsInRoleAsync(user, role))
            {
                foreach (var error in (await users.AddToRoleAsync(user, role)).Errors)
                {
                    context.Error(error.Description);
                }
            }

            found.Add(user);
        }

        return found;
    }
}
