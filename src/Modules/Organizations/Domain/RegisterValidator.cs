using System.ComponentModel.DataAnnotations;
using Registry.Core.Forms;
using Registry.Core.Identification;

namespace Registry.Organizations.Domain;

/// <summary>
/// What every register record must satisfy, whichever way it enters: the officer's form, the CSV/XLSX import, a recipe
/// or an API. Field names in the errors are the register's (<c>ActivityFunds</c> for the funds). Checks against other
/// records (a code or name already taken) belong to <c>Services.RegisterWriter</c>, which runs these first.
/// </summary>
public static class RegisterValidator
{
    public const int MaxShortText = 50;
    public const int MaxName = 200;
    public const int MaxEnglishName = 300;
    public const int MaxFilingNumber = 40;
    public const int MaxServiceFields = 200;
    public const int MaxLongText = 2000;

    /// <summary>The registering department of a code civil affairs issues (GB 32100-2015 position 1).</summary>
    public const char CivilAffairsDepartment = '5';

    /// <summary>Errors of the record as it would be stored; empty when it may be written.</summary>
    public static IReadOnlyList<FormError> Validate(Organization candidate, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var errors = new List<FormError>();
        Required(errors, nameof(Organization.Name), candidate.Name, MaxName);
        MaxLength(errors, nameof(Organization.EnglishName), candidate.EnglishName, MaxEnglishName);
        Required(errors, nameof(Organization.RegisteringAuthority), candidate.RegisteringAuthority, MaxName);
        MaxLength(errors, nameof(Organization.SupervisingUnit), candidate.SupervisingUnit, MaxName);
        Required(errors, nameof(Organization.LegalRepresentative), candidate.LegalRepresentative, MaxShortText);
        Required(errors, nameof(Organization.District), candidate.District, MaxShortText);
        Required(errors, nameof(Organization.Street), candidate.Street, MaxShortText);
        MaxLength(errors, nameof(Organization.Community), candidate.Community, MaxShortText);
        Required(errors, nameof(Organization.Address), candidate.Address, MaxName);
        MaxLength(errors, nameof(Organization.ServiceFields), candidate.ServiceFields, MaxServiceFields);
        MaxLength(errors, nameof(Organization.BusinessScope), candidate.BusinessScope, MaxLongText);
        MaxLength(errors, nameof(Organization.ContactName), candidate.ContactName, MaxShortText);
        MaxLength(errors, nameof(Organization.ContactPhone), candidate.ContactPhone, MaxShortText);
        if (MaxLength(errors, nameof(Organization.ContactEmail), candidate.ContactEmail, MaxName)
            && !string.IsNullOrEmpty(candidate.ContactEmail) && !new EmailAddressAttribute().IsValid(candidate.ContactEmail))
        {
            errors.Add(new FormError(nameof(Organization.ContactEmail), "Validation.Email", "Org.Field.ContactEmail"));
        }

        if (!Enum.IsDefined(candidate.Type))
        {
            errors.Add(new FormError(nameof(Organization.Type), "Validation.Required", "Org.Field.Type"));
        }
        else if (candidate.Type.IsRegistered())
        {
            if (CheckCreditCode(candidate.Type, candidate.CreditCode, out _) is { } codeError)
            {
                errors.Add(codeError);
            }
        }
        else
        {
            Required(errors, nameof(Organization.FilingNumber), candidate.FilingNumber, MaxFilingNumber);
        }

        if (!Enum.IsDefined(candidate.Status))
        {
            errors.Add(new FormError(nameof(Organization.Status), "Validation.Required", "Org.Field.Status"));
        }

        if (candidate.ActivityFundsFen < 0)
        {
            errors.Add(new FormError("ActivityFunds", "Org.Validation.NegativeFunds"));
        }

        if (candidate.IndividualMembers < 0)
        {
            errors.Add(new FormError(nameof(Organization.IndividualMembers), "Org.Register.NegativeCount", "Org.Field.IndividualMembers"));
        }

        if (candidate.UnitMembers < 0)
        {
            errors.Add(new FormError(nameof(Organization.UnitMembers), "Org.Register.NegativeCount", "Org.Field.UnitMembers"));
        }

        if (candidate.FoundedOn == default)
        {
            errors.Add(new FormError(nameof(Organization.FoundedOn), "Validation.Required", "Org.Field.FoundedOn"));
        }
        else if (candidate.FoundedOn > today)
        {
            errors.Add(new FormError(nameof(Organization.FoundedOn), "Org.Register.FoundedInFuture"));
        }

        return errors;
    }

    /// <summary>
    /// A registered organization's credit code (GB 32100-2015): well formed after normalization (full-width, spaces,
    /// hyphens, lower case), issued by civil affairs (position 1 = <c>5</c>) and of the organization's type (position 2:
    /// 1 社会团体, 2 民办非企业单位, 3 基金会). A company's <c>91…</c> code is refused. <paramref name="normalized"/> is the
    /// 18 characters to store when the code is accepted.
    /// </summary>
    public static FormError? CheckCreditCode(OrganizationType type, string? text, out string normalized)
    {
        normalized = UnifiedSocialCreditCode.Normalize(text);
        const string field = nameof(Organization.CreditCode);
        if (normalized.Length == 0)
        {
            return new FormError(field, "Validation.Required", "Org.Field.CreditCode");
        }

        if (!UnifiedSocialCreditCode.TryRead(normalized, field, out var code, out var problem))
        {
            return problem;
        }

        var typeCode = type.UsccTypeCode();
        return code.DepartmentCode != CivilAffairsDepartment || code.TypeCode != typeCode
            ? new FormError(field, "Org.Register.CodeTypeMismatch", $"{CivilAffairsDepartment}{typeCode}", "Org.Type." + type, code.Value[..2])
            : null;
    }

    private static bool Required(List<FormError> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FormError(field, "Validation.Required", "Org.Field." + field));
            return false;
        }

        return MaxLength(errors, field, value, maxLength);
    }

    private static bool MaxLength(List<FormError> errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors.Add(new FormError(field, "Validation.MaxLength", "Org.Field." + field, maxLength));
            return false;
        }

        return true;
    }
}
