using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Identification;
using Registry.Core.Localization;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Core.Settings;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Recipes;

/// <summary>"registration-rules": the local rules and per-kind periods and checklists (merged over the defaults).</summary>
internal sealed class RegistrationRulesRecipeStep(ISettings settings, Microsoft.Extensions.Localization.IStringLocalizer localizer) : IRecipeStep
{
    public string Name => "registration-rules";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (!context.Step.TryGetProperty("rules", out var rules))
        {
            context.Error("'rules' object is required");
            return;
        }

        try
        {
            var parsed = rules.Deserialize<RegistrationRules>(RegistrationRulesProvider.Json) ?? new RegistrationRules();
            // The settings screen's check (RegistrationRulesSection), so a recipe cannot store what the screen refuses.
            if (RegistrationRulesValidator.Validate(parsed) is { Count: > 0 } errors)
            {
                foreach (var error in errors)
                {
                    context.Error($"{error.Field}: {localizer.Describe(error)}");
                }

                return;
            }

            await settings.SetAsync(RegistrationRulesProvider.SettingKey, JsonSerializer.Serialize(parsed, RegistrationRulesProvider.Json), cancellationToken);
        }
        catch (JsonException ex)
        {
            context.Error(ex.Message);
        }
    }
}

/// <summary>
/// "organizations": register records (e.g. the paper register or demo data), upserted by credit code / filing number / name.
/// Optional "members": account emails linked as org-admins.
/// </summary>
internal sealed class OrganizationsRecipeStep(DbContext db, RegisterWriter writer, IRegistrationRulesProvider rulesProvider, UserManager<RegistryUser> users, TimeProvider clock) : IRecipeStep
{
    public string Name => "organizations";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var rules = await rulesProvider.GetAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        foreach (var item in await RecordsAsync(context, cancellationToken))
        {
            var record = item.Deserialize<OrganizationRecord>(RegistrationRulesProvider.Json);
            if (record is null || string.IsNullOrWhiteSpace(record.Name))
            {
                context.Error("an organization needs a name");
                continue;
            }

            if (record.ActivityFunds is { } funds && !Money.TryParse(funds, out _, out var fundsError))
            {
                context.Error($"{record.Name}: activity funds '{funds}' are invalid ({fundsError})");
                continue;
            }

            var creditCode = record.CreditCode is null ? null : UnifiedSocialCreditCode.Normalize(record.CreditCode);
            var existing = await db.Set<Organization>().FirstOrDefaultAsync(
                o => (creditCode != null && o.CreditCode == creditCode)
                    || (record.FilingNumber != null && o.FilingNumber == record.FilingNumber)
                    || o.Name == record.Name,
                cancellationToken);
            if (existing is null)
            {
                // A new record obeys the rules of every entry path (a company's 91… code or a code of another type is refused).
                var candidate = record.ToOrganization(rules);
                var errors = await writer.ValidateAsync(candidate, checkName: true, rules, today, cancellationToken);
                if (errors.Count > 0)
                {
                    context.Error($"{record.Name}: {string.Join("; ", errors.Select(e => $"{e.Field} {e.Key} {string.Join('/', e.Args)}"))}");
                    continue;
                }

                existing = candidate;
                await writer.AddAsync(existing, "Org.Cause.Import", null, cancellationToken);
            }

            foreach (var email in record.Members ?? [])
            {
                var user = await users.FindByEmailAsync(email);
                if (user is null)
                {
                    context.Error($"{record.Name}: member account {email} does not exist");
                    continue;
                }

                if (!await db.Set<OrganizationMember>().AnyAsync(m => m.OrganizationId == existing.Id && m.UserId == user.Id, cancellationToken))
                {
                    db.Add(new OrganizationMember { OrganizationId = existing.Id, UserId = user.Id, IsOrgAdmin = true, Since = DateTime.UtcNow });
                }
            }
        }
    }

    /// <summary>Records inline ("organizations": […]) or from a JSON array file next to the recipe ("file": "data/….json").</summary>
    private static async Task<IReadOnlyList<JsonElement>> RecordsAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (!context.Step.TryGetProperty("file", out var file))
        {
            return [.. context.Array("organizations")];
        }

        var path = Path.Combine(context.RecipeDirectory, file.GetString() ?? "");
        if (!File.Exists(path))
        {
            context.Error($"file '{file.GetString()}' not found");
            return [];
        }

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private sealed record OrganizationRecord(
        string Name,
        OrganizationType Type,
        string? CreditCode,
        string? FilingNumber,
        string? SupervisingUnit,
        string LegalRepresentative,
        string? Street,
        string? Community,
        string? Address,
        IReadOnlyList<string>? ServiceFields,
        string? BusinessScope,
        string? ActivityFunds,
        int? IndividualMembers,
        int? UnitMembers,
        string FoundedOn,
        OrganizationStatus? Status,
        bool? IsHub,
        IReadOnlyList<string>? Members)
    {
        public Organization ToOrganization(RegistrationRules rules) => new()
        {
            Name = Name,
            Type = Type,
            CreditCode = CreditCode,
            FilingNumber = FilingNumber,
            SupervisingUnit = SupervisingUnit,
            LegalRepresentative = LegalRepresentative,
            District = rules.DistrictName,
            Street = Street ?? "",
            Community = Community,
            Address = Address ?? "",
            ServiceFields = string.Join(',', ServiceFields ?? []),
            BusinessScope = BusinessScope ?? "",
            ActivityFundsFen = Money.TryParse(ActivityFunds ?? "0", out var funds, out _) ? funds.Fen : 0,
            IndividualMembers = IndividualMembers ?? 0,
            UnitMembers = UnitMembers ?? 0,
            FoundedOn = DateOnly.TryParseExact(FoundedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var founded) ? founded : default,
            Status = Status ?? OrganizationStatus.Active,
            IsHub = IsHub ?? false,
            RegisteringAuthority = rules.RegisteringAuthority,
        };
    }
}
