using Registry.Core.Forms;
using Registry.Core.Settings;

namespace Registry.Organizations.Domain;

/// <summary>
/// The fields of <see cref="RegistrationRules"/> an administrator or a recipe may set, with their bounds: the one
/// definition the settings screen renders and <see cref="RegistrationRulesValidator"/> checks.
/// </summary>
public static class RegistrationRuleFields
{
    /// <summary>Upper bound of a minimum fund (¥100,000,000): far above any local rule, far below overflow.</summary>
    public const long MaxFundFen = 10_000_000_000;

    public static readonly SettingsField DivisionCode = new("DivisionCode", "Org.Settings.DivisionCode", SettingsFieldKind.Text, HintKey: "Org.Settings.DivisionCodeHint");
    public static readonly SettingsField RegisteringAuthority = new("RegisteringAuthority", "Org.Settings.RegisteringAuthority", SettingsFieldKind.Text);
    public static readonly SettingsField DistrictName = new("DistrictName", "Org.Settings.DistrictName", SettingsFieldKind.Text);
    public static readonly SettingsField CreditCodePrefix = new("CreditCodePrefix", "Org.Settings.CreditCodePrefix", SettingsFieldKind.Text, HintKey: "Org.Settings.CreditCodePrefixHint");

    public static readonly SettingsField NamePrefixes = new("NamePrefixes", "Org.Settings.NamePrefixes", SettingsFieldKind.Lines, HintKey: "Org.Settings.LinesHint");
    public static readonly SettingsField NameAreaPrefixes = new("NameAreaPrefixes", "Org.Settings.NameAreaPrefixes", SettingsFieldKind.Lines, HintKey: "Org.Settings.LinesHint");
    public static readonly SettingsField ReservedNameWords = new("ReservedNameWords", "Org.Settings.ReservedNameWords", SettingsFieldKind.Lines, HintKey: "Org.Settings.ReservedNameWordsHint");
    public static readonly SettingsField ServiceFields = new("ServiceFields", "Org.Settings.ServiceFields", SettingsFieldKind.Lines, HintKey: "Org.Settings.ServiceFieldsHint");

    public static readonly SettingsField MinIndividualMembers = new("MinIndividualMembers", "Org.Settings.MinIndividualMembers", SettingsFieldKind.Number, 1, 10_000);
    public static readonly SettingsField MinUnitMembers = new("MinUnitMembers", "Org.Settings.MinUnitMembers", SettingsFieldKind.Number, 1, 10_000);
    public static readonly SettingsField MinMixedMembers = new("MinMixedMembers", "Org.Settings.MinMixedMembers", SettingsFieldKind.Number, 1, 10_000);
    public static readonly SettingsField CommunityMinMembers = new("CommunityMinMembers", "Org.Settings.CommunityMinMembers", SettingsFieldKind.Number, 1, 10_000);
    public static readonly SettingsField CommunityMinStaff = new("CommunityMinStaff", "Org.Settings.CommunityMinStaff", SettingsFieldKind.Number, 1, 1_000);
    public static readonly SettingsField NameReservationMonths = new("NameReservationMonths", "Org.Settings.NameReservationMonths", SettingsFieldKind.Number, 1, 24);

    /// <summary>行政许可法 第三十二条: at most five days; a locality may only promise fewer.</summary>
    public static readonly SettingsField AcceptanceWorkingDays = new("AcceptanceWorkingDays", "Org.Settings.AcceptanceWorkingDays", SettingsFieldKind.Number, 1, 5, "Org.Settings.AcceptanceWorkingDaysHint");

    public static readonly IReadOnlyList<OrganizationType> FormTypes = [OrganizationType.SocialGroup, OrganizationType.PrivateNonEnterprise, OrganizationType.Foundation];

    public static readonly IReadOnlyList<OrganizationType> FundTypes = [OrganizationType.SocialGroup, OrganizationType.PrivateNonEnterprise];

    public static SettingsField NameForms(OrganizationType type) => new($"NameForms.{type}", "Org.Settings.NameForms", SettingsFieldKind.Lines, HintKey: "Org.Settings.LinesHint", LabelArgs: $"Org.Type.{type}");

    public static SettingsField MinActivityFunds(OrganizationType type) => new($"MinActivityFundsFen.{type}", "Org.Settings.MinActivityFunds", SettingsFieldKind.Money, 0, MaxFundFen, LabelArgs: $"Org.Type.{type}");

    /// <summary>基金会管理条例 第八条(二): at least ¥2,000,000 / ¥4,000,000; a locality may ask more, never less.</summary>
    public static SettingsField MinOriginalFund(FoundationKind kind) => new(
        $"MinOriginalFundFen.{kind}",
        "Org.Settings.MinOriginalFund",
        SettingsFieldKind.Money,
        RegistrationRules.StatutoryOriginalFundFen[kind],
        MaxFundFen,
        "Org.Settings.MinOriginalFundHint",
        $"Org.FoundationKind.{kind}");

    /// <summary>A period in working days; 成立登记 may not exceed the 60 days of 社会团体登记管理条例 第十一条, others the 20 of 行政许可法 第四十二条.</summary>
    public static SettingsField StatutoryDays(ApplicationKind kind) => new($"Kinds.{kind}.StatutoryDays", "Org.Settings.StatutoryDays", SettingsFieldKind.Number, 1, RegistrationRules.MaxStatutoryDays(kind), "Org.Settings.StatutoryDaysHint", $"Org.Kind.{kind}");

    public static SettingsField PromisedDays(ApplicationKind kind) => new($"Kinds.{kind}.PromisedDays", "Org.Settings.PromisedDays", SettingsFieldKind.Number, 1, RegistrationRules.MaxStatutoryDays(kind), "Org.Settings.PromisedDaysHint", $"Org.Kind.{kind}");

    /// <summary>行政许可法 第四十二条: an extension of at most ten working days with the head's approval.</summary>
    public static SettingsField ExtensionDays(ApplicationKind kind) => new($"Kinds.{kind}.ExtensionDays", "Org.Settings.ExtensionDays", SettingsFieldKind.Number, 0, 10, "Org.Settings.ExtensionDaysHint", $"Org.Kind.{kind}");

    public static SettingsField RequiredDocuments(ApplicationKind kind) => new($"Kinds.{kind}.RequiredDocuments", "Org.Settings.RequiredDocuments", SettingsFieldKind.Lines, HintKey: "Org.Settings.DocumentsHint", LabelArgs: $"Org.Kind.{kind}");

    public static SettingsField OptionalDocuments(ApplicationKind kind) => new($"Kinds.{kind}.OptionalDocuments", "Org.Settings.OptionalDocuments", SettingsFieldKind.Lines, HintKey: "Org.Settings.DocumentsHint", LabelArgs: $"Org.Kind.{kind}");
}

/// <summary>
/// The one check of the local registration rules, whether they come from the "registration-rules" recipe step or the
/// settings screen (issue 19): bounded numbers, non-empty lists, known document codes.
/// </summary>
public static class RegistrationRulesValidator
{
    public const int MaxListItem = 20;

    public static IReadOnlyList<FormError> Validate(RegistrationRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<FormError>();
        if (rules.DivisionCode is not { Length: 6 } code || !code.All(char.IsAsciiDigit))
        {
            errors.Add(new FormError(RegistrationRuleFields.DivisionCode.Name, "Settings.Error.DivisionCode"));
        }

        Text(errors, RegistrationRuleFields.RegisteringAuthority, rules.RegisteringAuthority);
        Text(errors, RegistrationRuleFields.DistrictName, rules.DistrictName);
        if (rules.CreditCodePrefix is not { Length: 2 } prefix || !prefix.All(c => Core.Identification.UnifiedSocialCreditCode.Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            errors.Add(new FormError(RegistrationRuleFields.CreditCodePrefix.Name, "Org.Settings.Error.CreditCodePrefix"));
        }

        List(errors, RegistrationRuleFields.NamePrefixes, rules.NamePrefixes, allowEmpty: false);
        List(errors, RegistrationRuleFields.NameAreaPrefixes, rules.NameAreaPrefixes, allowEmpty: false);
        List(errors, RegistrationRuleFields.ReservedNameWords, rules.ReservedNameWords, allowEmpty: true);
        List(errors, RegistrationRuleFields.ServiceFields, rules.ServiceFields, allowEmpty: false);
        foreach (var type in RegistrationRuleFields.FormTypes)
        {
            List(errors, RegistrationRuleFields.NameForms(type), rules.NameForms.GetValueOrDefault(type) ?? [], allowEmpty: false);
        }

        Number(errors, RegistrationRuleFields.MinIndividualMembers, rules.MinIndividualMembers);
        Number(errors, RegistrationRuleFields.MinUnitMembers, rules.MinUnitMembers);
        Number(errors, RegistrationRuleFields.MinMixedMembers, rules.MinMixedMembers);
        Number(errors, RegistrationRuleFields.CommunityMinMembers, rules.CommunityMinMembers);
        Number(errors, RegistrationRuleFields.CommunityMinStaff, rules.CommunityMinStaff);
        Number(errors, RegistrationRuleFields.NameReservationMonths, rules.NameReservationMonths);
        Number(errors, RegistrationRuleFields.AcceptanceWorkingDays, rules.AcceptanceWorkingDays);
        foreach (var (type, fen) in rules.MinActivityFundsFen)
        {
            // A foundation's original fund is bounded by the regulation (MinOriginalFundFen); the others by the field.
            if (type != OrganizationType.Foundation)
            {
                Number(errors, RegistrationRuleFields.MinActivityFunds(type), fen);
            }
        }

        foreach (var (kind, fen) in rules.MinOriginalFundFen)
        {
            Number(errors, RegistrationRuleFields.MinOriginalFund(kind), fen);
        }

        foreach (var group in rules.Kinds.GroupBy(k => k.Kind).Where(g => g.Count() > 1))
        {
            errors.Add(new FormError("Kinds", "Org.Settings.Error.DuplicateKind", $"Org.Kind.{group.Key}"));
        }

        foreach (var kind in rules.Kinds)
        {
            Kind(errors, kind);
        }

        return errors;
    }

    private static void Kind(List<FormError> errors, KindDefinition kind)
    {
        Number(errors, RegistrationRuleFields.StatutoryDays(kind.Kind), kind.StatutoryDays);
        Number(errors, RegistrationRuleFields.PromisedDays(kind.Kind), kind.PromisedDays);
        Number(errors, RegistrationRuleFields.ExtensionDays(kind.Kind), kind.ExtensionDays);
        if (kind.PromisedDays > kind.StatutoryDays)
        {
            errors.Add(new FormError(RegistrationRuleFields.PromisedDays(kind.Kind).Name, "Org.Settings.Error.PromisedAboveStatutory", $"Org.Kind.{kind.Kind}", kind.StatutoryDays));
        }

        var required = RegistrationRuleFields.RequiredDocuments(kind.Kind).Name;
        if (!kind.Documents.Any(d => d.Required))
        {
            errors.Add(new FormError(required, "Org.Settings.Error.NoRequiredDocument", $"Org.Kind.{kind.Kind}"));
        }

        if (kind.Documents.Where(d => !DocumentCodes.All.Contains(d.Code)).Select(d => d.Code).ToList() is { Count: > 0 } unknown)
        {
            errors.Add(new FormError(required, "Org.Settings.Error.UnknownDocument", string.Join(", ", unknown), string.Join(", ", DocumentCodes.All)));
        }

        if (kind.Documents.GroupBy(d => d.Code).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add(new FormError(required, "Org.Settings.Error.DocumentTwice", $"Doc.{twice.Key}"));
        }
    }

    private static void Number(List<FormError> errors, SettingsField field, long value)
    {
        if (value < field.Min || value > field.Max)
        {
            errors.Add(field.Kind == SettingsFieldKind.Money
                ? new FormError(field.Name, "Settings.Error.Money", [field.Label, new Core.Finance.Money(field.Min).Format(), new Core.Finance.Money(field.Max).Format()])
                : new FormError(field.Name, "Settings.Error.Number", field.Label, field.Min, field.Max));
        }
    }

    private static void Text(List<FormError> errors, SettingsField field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > SettingsInput.MaxLineLength)
        {
            errors.Add(new FormError(field.Name, "Settings.Error.Text", field.Label, SettingsInput.MaxLineLength));
        }
    }

    private static void List(List<FormError> errors, SettingsField field, IReadOnlyList<string>? items, bool allowEmpty)
    {
        items ??= [];
        if (!allowEmpty && items.Count == 0)
        {
            errors.Add(new FormError(field.Name, "Settings.Error.Empty", field.LabelKey));
        }
        else if (items.Count > SettingsInput.MaxLines || items.Any(i => string.IsNullOrWhiteSpace(i) || i.Length > MaxListItem))
        {
            errors.Add(new FormError(field.Name, "Settings.Error.Lines", field.Label, SettingsInput.MaxLines, MaxListItem));
        }
        else if (items.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add(new FormError(field.Name, "Settings.Error.Duplicate", field.Label, twice.Key));
        }
    }
}

/// <summary>The document codes a checklist may name: each has its display name <c>Doc.{Code}</c> in the catalog.</summary>
public static class DocumentCodes
{
    public static readonly IReadOnlyList<string> All =
    [
        "NameApplicationLetter", "SupervisorConsent", "Charter", "PremisesProof", "FundsProof", "LegalRepId",
        "SupervisorApproval", "MemberList", "ChangeResolution", "LiquidationReport", "DeregistrationResolution",
    ];
}
