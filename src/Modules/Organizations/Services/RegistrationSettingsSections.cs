using System.Text.Json;
using Registry.Core.Forms;
using Registry.Core.Settings;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>
/// A part of the local registration rules (the setting <c>Organizations.Rules</c>) on the settings screen: it shows its
/// fields, applies the form over the stored rules and checks the whole with <see cref="RegistrationRulesValidator"/>, the
/// check the "registration-rules" recipe step uses. Every section writes the same row, so its version guards them all.
/// </summary>
internal abstract class RegistrationRulesSection(SettingsStore store) : ISettingsSection
{
    public abstract string Id { get; }

    public abstract string TitleKey { get; }

    public abstract string DescriptionKey { get; }

    public abstract int Order { get; }

    public abstract IReadOnlyList<SettingsField> Fields { get; }

    public async Task<SettingsSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var (rules, version) = await ReadAsync(cancellationToken);
        return new SettingsSnapshot(Values(rules), version);
    }

    public async Task<OperationResult> SaveAsync(IReadOnlyDictionary<string, string> values, long? seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (current, _) = await ReadAsync(cancellationToken);
        var errors = new List<FormError>();
        var changed = Apply(current, values, errors);
        if (errors.Count == 0)
        {
            errors.AddRange(RegistrationRulesValidator.Validate(changed));
        }

        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        return await store.WriteAsync(RegistrationRulesProvider.SettingKey, JsonSerializer.Serialize(changed, RegistrationRulesProvider.Json), seenVersion, Id, cancellationToken);
    }

    protected abstract IReadOnlyDictionary<string, string> Values(RegistrationRules rules);

    /// <summary>The rules with this section's fields taken from the form (fields absent keep their value); parse errors go to <paramref name="errors"/>.</summary>
    protected abstract RegistrationRules Apply(RegistrationRules rules, IReadOnlyDictionary<string, string> values, List<FormError> errors);

    protected static RegistrationRules WithKind(RegistrationRules rules, KindDefinition kind) =>
        rules with { Kinds = [.. Enum.GetValues<ApplicationKind>().Select(k => k == kind.Kind ? kind : rules.Kind(k))] };

    private async Task<(RegistrationRules Rules, long Version)> ReadAsync(CancellationToken cancellationToken)
    {
        var (value, version) = await store.ReadAsync(RegistrationRulesProvider.SettingKey, cancellationToken);
        return (RegistrationRulesProvider.Parse(value), version);
    }
}

/// <summary>承诺时限 and 法定时限 per kind, the extension, acceptance and name-reservation periods.</summary>
internal sealed class RegistrationPeriodsSection(SettingsStore store) : RegistrationRulesSection(store)
{
    public override string Id => "registration-periods";

    public override string TitleKey => "Org.Settings.Periods.Title";

    public override string DescriptionKey => "Org.Settings.Periods.Description";

    public override int Order => 100;

    public override IReadOnlyList<SettingsField> Fields { get; } =
    [
        .. Enum.GetValues<ApplicationKind>().SelectMany(k => new[] { RegistrationRuleFields.StatutoryDays(k), RegistrationRuleFields.PromisedDays(k), RegistrationRuleFields.ExtensionDays(k) }),
        RegistrationRuleFields.AcceptanceWorkingDays,
        RegistrationRuleFields.NameReservationMonths,
    ];

    protected override IReadOnlyDictionary<string, string> Values(RegistrationRules rules)
    {
        var values = new Dictionary<string, string>
        {
            [RegistrationRuleFields.AcceptanceWorkingDays.Name] = SettingsInput.Format(rules.AcceptanceWorkingDays),
            [RegistrationRuleFields.NameReservationMonths.Name] = SettingsInput.Format(rules.NameReservationMonths),
        };
        foreach (var kind in Enum.GetValues<ApplicationKind>().Select(rules.Kind))
        {
            values[RegistrationRuleFields.StatutoryDays(kind.Kind).Name] = SettingsInput.Format(kind.StatutoryDays);
            values[RegistrationRuleFields.PromisedDays(kind.Kind).Name] = SettingsInput.Format(kind.PromisedDays);
            values[RegistrationRuleFields.ExtensionDays(kind.Kind).Name] = SettingsInput.Format(kind.ExtensionDays);
        }

        return values;
    }

    protected override RegistrationRules Apply(RegistrationRules rules, IReadOnlyDictionary<string, string> values, List<FormError> errors)
    {
        foreach (var kind in Enum.GetValues<ApplicationKind>().Select(rules.Kind))
        {
            rules = WithKind(rules, kind with
            {
                StatutoryDays = SettingsInput.Number(values, RegistrationRuleFields.StatutoryDays(kind.Kind), kind.StatutoryDays, errors),
                PromisedDays = SettingsInput.Number(values, RegistrationRuleFields.PromisedDays(kind.Kind), kind.PromisedDays, errors),
                ExtensionDays = SettingsInput.Number(values, RegistrationRuleFields.ExtensionDays(kind.Kind), kind.ExtensionDays, errors),
            });
        }

        return rules with
        {
            AcceptanceWorkingDays = SettingsInput.Number(values, RegistrationRuleFields.AcceptanceWorkingDays, rules.AcceptanceWorkingDays, errors),
            NameReservationMonths = SettingsInput.Number(values, RegistrationRuleFields.NameReservationMonths, rules.NameReservationMonths, errors),
        };
    }
}

/// <summary>The document checklist of each kind: required and optional documents by code.</summary>
internal sealed class RegistrationChecklistsSection(SettingsStore store) : RegistrationRulesSection(store)
{
    public override string Id => "registration-checklists";

    public override string TitleKey => "Org.Settings.Checklists.Title";

    public override string DescriptionKey => "Org.Settings.Checklists.Description";

    public override int Order => 110;

    public override IReadOnlyList<SettingsField> Fields { get; } =
        [.. Enum.GetValues<ApplicationKind>().SelectMany(k => new[] { RegistrationRuleFields.RequiredDocuments(k), RegistrationRuleFields.OptionalDocuments(k) })];

    protected override IReadOnlyDictionary<string, string> Values(RegistrationRules rules)
    {
        var values = new Dictionary<string, string>();
        foreach (var kind in Enum.GetValues<ApplicationKind>().Select(rules.Kind))
        {
            values[RegistrationRuleFields.RequiredDocuments(kind.Kind).Name] = SettingsInput.Join(kind.Documents.Where(d => d.Required).Select(d => d.Code));
            values[RegistrationRuleFields.OptionalDocuments(kind.Kind).Name] = SettingsInput.Join(kind.Documents.Where(d => !d.Required).Select(d => d.Code));
        }

        return values;
    }

    protected override RegistrationRules Apply(RegistrationRules rules, IReadOnlyDictionary<string, string> values, List<FormError> errors)
    {
        foreach (var kind in Enum.GetValues<ApplicationKind>().Select(rules.Kind))
        {
            var required = SettingsInput.Lines(values, RegistrationRuleFields.RequiredDocuments(kind.Kind), [.. kind.Documents.Where(d => d.Required).Select(d => d.Code)], errors);
            var optional = SettingsInput.Lines(values, RegistrationRuleFields.OptionalDocuments(kind.Kind), [.. kind.Documents.Where(d => !d.Required).Select(d => d.Code)], errors);
            // A document keeps its template link when it stays on the list.
            DocumentRequirement Requirement(string code, bool isRequired) =>
                new(code, isRequired, kind.Documents.FirstOrDefault(d => d.Code == code)?.TemplateUrl);
            rules = WithKind(rules, kind with { Documents = [.. required.Select(c => Requirement(c, true)), .. optional.Select(c => Requirement(c, false))] });
        }

        return rules;
    }
}

/// <summary>Name rules: area prefixes, reserved words, the organization forms a name ends with per type.</summary>
internal sealed class RegistrationNamesSection(SettingsStore store) : RegistrationRulesSection(store)
{
    public override string Id => "registration-names";

    public override string TitleKey => "Org.Settings.Names.Title";

    public override string DescriptionKey => "Org.Settings.Names.Description";

    public override int Order => 120;

    public override IReadOnlyList<SettingsField> Fields { get; } =
    [
        RegistrationRuleFields.NamePrefixes,
        RegistrationRuleFields.NameAreaPrefixes,
        RegistrationRuleFields.ReservedNameWords,
        .. RegistrationRuleFields.FormTypes.Select(RegistrationRuleFields.NameForms),
    ];

    protected override IReadOnlyDictionary<string, string> Values(RegistrationRules rules)
    {
        var values = new Dictionary<string, string>
        {
            [RegistrationRuleFields.NamePrefixes.Name] = SettingsInput.Join(rules.NamePrefixes),
            [RegistrationRuleFields.NameAreaPrefixes.Name] = SettingsInput.Join(rules.NameAreaPrefixes),
            [RegistrationRuleFields.ReservedNameWords.Name] = SettingsInput.Join(rules.ReservedNameWords),
        };
        foreach (var type in RegistrationRuleFields.FormTypes)
        {
            values[RegistrationRuleFields.NameForms(type).Name] = SettingsInput.Join(rules.NameForms.GetValueOrDefault(type) ?? []);
        }

        return values;
    }

    protected override RegistrationRules Apply(RegistrationRules rules, IReadOnlyDictionary<string, string> values, List<FormError> errors)
    {
        var forms = rules.NameForms.ToDictionary();
        foreach (var type in RegistrationRuleFields.FormTypes)
        {
            forms[type] = SettingsInput.Lines(values, RegistrationRuleFields.NameForms(type), forms.GetValueOrDefault(type) ?? [], errors);
        }

        return rules with
        {
            NamePrefixes = SettingsInput.Lines(values, RegistrationRuleFields.NamePrefixes, rules.NamePrefixes, errors),
            NameAreaPrefixes = SettingsInput.Lines(values, RegistrationRuleFields.NameAreaPrefixes, rules.NameAreaPrefixes, errors),
            ReservedNameWords = SettingsInput.Lines(values, RegistrationRuleFields.ReservedNameWords, rules.ReservedNameWords, errors),
            NameForms = forms,
        };
    }
}

/// <summary>The service fields (服务领域) applicants and officers choose from.</summary>
internal sealed class RegistrationServiceFieldsSection(SettingsStore store) : RegistrationRulesSection(store)
{
    public override string Id => "registration-service-fields";

    public override string TitleKey => "Org.Settings.ServiceFields.Title";

    public override string DescriptionKey => "Org.Settings.ServiceFields.Description";

    public override int Order => 130;

    public override IReadOnlyList<SettingsField> Fields { get; } = [RegistrationRuleFields.ServiceFields];

    protected override IReadOnlyDictionary<string, string> Values(RegistrationRules rules) =>
        new Dictionary<string, string> { [RegistrationRuleFields.ServiceFields.Name] = SettingsInput.Join(rules.ServiceFields) };

    protected override RegistrationRules Apply(RegistrationRules rules, IReadOnlyDictionary<string, string> values, List<FormError> errors) =>
        rules with { ServiceFields = SettingsInput.Lines(values, RegistrationRuleFields.ServiceFields, rules.ServiceFields, errors) };
}

/// <summary>Membership and fund thresholds of establishment and community filing (社团条例 第十条, 基金会管理条例 第八条).</summary>
internal sealed class RegistrationThresholdsSection(SettingsStore store) : RegistrationRulesSection(store)
{
    public override string Id => "registration-thresholds";

    public override string TitleKey => "Org.Settings.Thresholds.Title";

    public override string DescriptionKey => "Org.Settings.Thresholds.Description";

    public override int Order => 140;

    public override IReadOnlyList<SettingsField> Fields { get; } =
    [
        RegistrationRuleFields.MinIndividualMembers,
        RegistrationRuleFields.MinUnitMembers,
        RegistrationRuleFields.MinMixedMembers,
        .. RegistrationRuleFields.FundTypes.Select(RegistrationRuleFields.MinActivityFunds),
        .. Enum.GetValues<FoundationKind>().Select(RegistrationRuleFields.MinOriginalFund),
        RegistrationRuleFields.CommunityMinMembers,
        RegistrationRuleFields.CommunityMinStaff,
    ];

    protected override IReadOnlyDictionary<string, string> Values(RegistrationRules rules)
    {
        var values = new Dictionary<string, string>
        {
            [RegistrationRuleFields.MinIndividualMembers.Name] = SettingsInput.Format(rules.MinIndividualMembers),
            [RegistrationRuleFields.MinUnitMembers.Name] = SettingsInput.Format(rules.MinUnitMembers),
            [RegistrationRuleFields.MinMixedMembers.Name] = SettingsInput.Format(rules.MinMixedMembers),
            [RegistrationRuleFields.CommunityMinMembers.Name] = SettingsInput.Format(rules.CommunityMinMembers),
            [RegistrationRuleFields.CommunityMinStaff.Name] = SettingsInput.Format(rules.CommunityMinStaff),
        };
        foreach (var type in RegistrationRuleFields.FundTypes)
        {
            values[RegistrationRuleFields.MinActivityFunds(type).Name] = SettingsInput.FormatMoney(rules.MinActivityFundsFen.GetValueOrDefault(type));
        }

        foreach (var kind in Enum.GetValues<FoundationKind>())
        {
            values[RegistrationRuleFields.MinOriginalFund(kind).Name] = SettingsInput.FormatMoney(rules.MinOriginalFundFen.GetValueOrDefault(kind, RegistrationRules.StatutoryOriginalFundFen[kind]));
        }

        return values;
    }

    protected override RegistrationRules Apply(RegistrationRules rules, IReadOnlyDictionary<string, string> values, List<FormError> errors)
    {
        var funds = rules.MinActivityFundsFen.ToDictionary();
        foreach (var type in RegistrationRuleFields.FundTypes)
        {
            funds[type] = SettingsInput.Money(values, RegistrationRuleFields.MinActivityFunds(type), funds.GetValueOrDefault(type), errors);
        }

        var original = rules.MinOriginalFundFen.ToDictionary();
        foreach (var kind in Enum.GetValues<FoundationKind>())
        {
            original[kind] = SettingsInput.Money(values, RegistrationRuleFields.MinOriginalFund(kind), original.GetValueOrDefault(kind, RegistrationRules.StatutoryOriginalFundFen[kind]), errors);
        }

        return rules with
        {
            MinIndividualMembers = SettingsInput.Number(values, RegistrationRuleFields.MinIndividualMembers, rules.MinIndividualMembers, errors),
            MinUnitMembers = SettingsInput.Number(values, RegistrationRuleFields.MinUnitMembers, rules.MinUnitMembers, errors),
            MinMixedMembers = SettingsInput.Number(values, RegistrationRuleFields.MinMixedMembers, rules.MinMixedMembers, errors),
            CommunityMinMembers = SettingsInput.Number(values, RegistrationRuleFields.CommunityMinMembers, rules.CommunityMinMembers, errors),
            CommunityMinStaff = SettingsInput.Number(values, RegistrationRuleFields.CommunityMinStaff, rules.CommunityMinStaff, errors),
            MinActivityFundsFen = funds,
            MinOriginalFundFen = original,
        };
    }
}

/// <summary>The registering authority, its division code and the credit-code prefix it issues.</summary>
internal sealed class RegistrationAuthoritySection(SettingsStore store) : RegistrationRulesSection(store)
{
    public override string Id => "registration-authority";

    public override string TitleKey => "Org.Settings.Authority.Title";

    public override string DescriptionKey => "Org.Settings.Authority.Description";

    public override int Order => 90;

    public override IReadOnlyList<SettingsField> Fields { get; } =
        [RegistrationRuleFields.RegisteringAuthority, RegistrationRuleFields.DistrictName, RegistrationRuleFields.DivisionCode, RegistrationRuleFields.CreditCodePrefix];

    protected override IReadOnlyDictionary<string, string> Values(RegistrationRules rules) => new Dictionary<string, string>
    {
        [RegistrationRuleFields.RegisteringAuthority.Name] = rules.RegisteringAuthority,
        [RegistrationRuleFields.DistrictName.Name] = rules.DistrictName,
        [RegistrationRuleFields.DivisionCode.Name] = rules.DivisionCode,
        [RegistrationRuleFields.CreditCodePrefix.Name] = rules.CreditCodePrefix,
    };

    protected override RegistrationRules Apply(RegistrationRules rules, IReadOnlyDictionary<string, string> values, List<FormError> errors) => rules with
    {
        RegisteringAuthority = SettingsInput.Text(values, RegistrationRuleFields.RegisteringAuthority, rules.RegisteringAuthority, errors),
        DistrictName = SettingsInput.Text(values, RegistrationRuleFields.DistrictName, rules.DistrictName, errors),
        DivisionCode = SettingsInput.Text(values, RegistrationRuleFields.DivisionCode, rules.DivisionCode, errors),
        CreditCodePrefix = SettingsInput.Text(values, RegistrationRuleFields.CreditCodePrefix, rules.CreditCodePrefix, errors).ToUpperInvariant(),
    };
}
