using Registry.Core.Forms;

namespace Registry.Organizations.Domain;

/// <summary>What must hold before an application can be submitted (drafts may be incomplete).</summary>
public static class ApplicationValidator
{
    /// <summary>Errors that block submission; for a change, <c>registeredName</c> is the name on the register (the name rules apply only to a new name).</summary>
    public static IReadOnlyList<FormError> Validate(ApplicationKind kind, ApplicationForm form, RegistrationRules rules, IReadOnlyCollection<string> attachedItemCodes, string? registeredName = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(attachedItemCodes);
        var errors = new List<FormError>();
        switch (kind)
        {
            case ApplicationKind.NameApproval:
                var names = form.ProposedNames.Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
                if (names.Count is 0 or > 3)
                {
                    errors.Add(new FormError("ProposedNames", "Org.Validation.ProposedNames"));
                }

                if (form.Type == OrganizationType.Community)
                {
                    errors.Add(new FormError("Type", "Org.Validation.CommunityNotRegistered"));
                }

                foreach (var name in names)
                {
                    errors.AddRange(EstablishmentRules.CheckName(name, form.Type, rules, "ProposedNames"));
                }

                Require(errors, "BusinessScope", form.BusinessScope);
                break;
            case ApplicationKind.Establishment:
                if (form.Type == OrganizationType.Community)
                {
                    errors.Add(new FormError("Type", "Org.Validation.CommunityNotRegistered"));
                }

                ValidateParticulars(form, errors);
                errors.AddRange(EstablishmentRules.CheckName(form.Name, form.Type, rules));
                ValidateEstablishmentConditions(form, rules, errors);
                break;
            case ApplicationKind.Change:
                ValidateParticulars(form, errors);
                if (!string.Equals(form.Name.Trim(), registeredName?.Trim(), StringComparison.Ordinal))
                {
                    errors.AddRange(EstablishmentRules.CheckName(form.Name, form.Type, rules));
                }

                Require(errors, "Reason", form.Reason);
                break;
            case ApplicationKind.Deregistration:
                Require(errors, "Reason", form.Reason);
                break;
            case ApplicationKind.CommunityFiling:
                ValidateParticulars(form, errors);
                if (form.IndividualMembers < rules.CommunityMinMembers && form.Staff < rules.CommunityMinStaff)
                {
                    errors.Add(new FormError("IndividualMembers", "Org.Validation.CommunityTooSmall", rules.CommunityMinMembers, rules.CommunityMinStaff));
                }

                break;
        }

        foreach (var document in rules.Kind(kind).Documents.Where(d => d.Required && !attachedItemCodes.Contains(d.Code)))
        {
            errors.Add(new FormError("Documents", "Org.Validation.DocumentMissing", "Doc." + document.Code));
        }

        return errors;
    }

    private static void ValidateParticulars(ApplicationForm form, List<FormError> errors)
    {
        Require(errors, "Name", form.Name);
        Require(errors, "LegalRepresentative", form.LegalRepresentative);
        Require(errors, "Street", form.Street);
        Require(errors, "Address", form.Address);
        Require(errors, "BusinessScope", form.BusinessScope);
        if (form.ServiceFields.Count == 0)
        {
            errors.Add(new FormError("ServiceFields", "Org.Validation.ServiceFieldRequired"));
        }

        if (form.IndividualMembers < 0 || form.UnitMembers < 0 || form.Staff < 0)
        {
            errors.Add(new FormError("IndividualMembers", "Org.Validation.NegativeCount"));
        }

        if (form.ActivityFundsFen < 0)
        {
            errors.Add(new FormError("ActivityFunds", "Org.Validation.NegativeFunds"));
        }
    }

    /// <summary>
    /// 社团条例 第十条(一) (members: <see cref="EstablishmentRules.MembersSuffice"/>) and (五) (activity funds, locally set);
    /// 基金会管理条例 第八条(二) (original fund by kind: <see cref="EstablishmentRules.CheckOriginalFund"/>).
    /// </summary>
    private static void ValidateEstablishmentConditions(ApplicationForm form, RegistrationRules rules, List<FormError> errors)
    {
        if (form.Type == OrganizationType.SocialGroup && !EstablishmentRules.MembersSuffice(form.IndividualMembers, form.UnitMembers, rules))
        {
            errors.Add(new FormError("IndividualMembers", "Org.Validation.MembersTooFew", rules.MinIndividualMembers, rules.MinUnitMembers, rules.MinMixedMembers, form.IndividualMembers, form.UnitMembers));
        }

        if (form.Type == OrganizationType.Foundation)
        {
            if (EstablishmentRules.CheckOriginalFund(form.FoundationKind, form.ActivityFundsFen, rules) is { } fundError)
            {
                errors.Add(fundError);
            }
        }
        else if (rules.MinActivityFundsFen.TryGetValue(form.Type, out var minimum) && form.ActivityFundsFen < minimum)
        {
            errors.Add(new FormError("ActivityFunds", "Org.Validation.FundsTooLow", new Core.Finance.Money(minimum).Format()));
        }
    }

    private static void Require(List<FormError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FormError(field, "Org.Validation.Required", "Org.Field." + field));
        }
    }
}
