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

        var stored = await settings.GetAsync(SettingKey, cancellationToken);
        _rules = stored is null ? new RegistrationRules() : JsonSerializer.Deserialize<RegistrationRules>(stored, Json) ?? new RegistrationRules();
        return _rules;
    }
}
