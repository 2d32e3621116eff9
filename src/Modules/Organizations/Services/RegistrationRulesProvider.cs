using System.Text.Json;
using System.Text.Json.Serialization;
using Registry.Core.Settings;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>The local rules, from the setting <c>Organizations.Rules</c> (written by the recipe step), else the defaults.</summary>
public interface IRegistrationRulesProvider
{
    Task<RegistrationRules> GetAsync(CancellationToken cancellationToken);
}

internal sealed class RegistrationRulesProvider(ISettings settings) : IRegistrationRulesProvider
{
    public const string SettingKey = "Organizations.Rules";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private RegistrationRules? _rules;

    public async Task<RegistrationRules> GetAsync(CancellationToken cancellationToken)
    {
        if (_rules is not null)
        {
            return _rules;
        }

        _rules = Parse(await settings.GetAsync(SettingKey, cancellationToken));
        return _rules;
    }

    /// <summary>The stored rules, or the defaults while none are stored. Read per request, so a saved change applies at once on every node.</summary>
    public static RegistrationRules Parse(string? stored) =>
        stored is null ? new RegistrationRules() : JsonSerializer.Deserialize<RegistrationRules>(stored, Json) ?? new RegistrationRules();
}
