using Registry.Core.Forms;

namespace Registry.Cultivation.Domain;

/// <summary>What the eligibility check needs to know of an applicant, gathered through the other modules' contracts.</summary>
public sealed record ApplicantFacts(bool Active, int Grade, bool OnCreditList, string? PreviousInspectionResult);

/// <summary>The settings' defaults for a new call (Registry:Cultivation:ServiceList).</summary>
public sealed class ServiceListOptions
{
    public int MinimumGrade { get; set; } = 3;

    public bool RequireQualifiedInspection { get; set; } = true;

    public bool ExcludeCreditListed { get; set; } = true;

    /// <summary>Days of 公示 offered by default.</summary>
    public int PublicityDays { get; set; } = 7;
}

/// <summary>Rules of the recommended list: pure, shared by the pages, the recipe step and the tests.</summary>
public static class ServiceListRules
{
    /// <summary>The reasons (localization keys with arguments) an applicant may not apply; empty when it may.</summary>
    public static IReadOnlyList<FormError> Eligibility(ServiceListCall call, ApplicantFacts facts)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(facts);
        var errors = new List<FormError>();
        if (!facts.Active)
        {
            errors.Add(new FormError("OrganizationId", "Cult.List.Ineligible.NotActive"));
        }

        if (call.MinimumGrade > 0 && facts.Grade < call.MinimumGrade)
        {
            errors.Add(new FormError("OrganizationId", "Cult.List.Ineligible.Grade", call.MinimumGrade));
        }

        if (call.ExcludeCreditListed && facts.OnCreditList)
        {
            errors.Add(new FormError("OrganizationId", "Cult.List.Ineligible.CreditList"));
        }

        if (call.RequireQualifiedInspection && facts.PreviousInspectionResult != "Qualified")
        {
            errors.Add(new FormError("OrganizationId", "Cult.List.Ineligible.Inspection", call.Year - 1));
        }

        return errors;
    }

    /// <summary>Checks of a new call's form.</summary>
    public static IReadOnlyList<FormError> ValidateCall(int year, string? title, DateOnly? opensOn, DateOnly? closesOn, int minimumGrade)
    {
        var errors = new List<FormError>();
        if (year is < 2000 or > 2100)
        {
            errors.Add(new FormError("Year", "Cult.List.Error.Year"));
        }

        if (string.IsNullOrWhiteSpace(title) || title.Length > ServiceListCall.MaxShort)
        {
            errors.Add(new FormError("Title", "Cult.Error.Required", "Cult.Field.Title"));
        }

        if (opensOn is null || closesOn is null)
        {
            errors.Add(new FormError("ClosesOn", "Cult.Error.Required", "Cult.List.Field.Window"));
        }
        else if (closesOn < opensOn)
        {
            errors.Add(new FormError("ClosesOn", "Cult.List.Error.Window"));
        }

        if (minimumGrade is < 0 or > 5)
        {
            errors.Add(new FormError("MinimumGrade", "Cult.List.Error.Grade"));
        }

        return errors;
    }

    /// <summary>Checks of a purchase contract.</summary>
    public static IReadOnlyList<FormError> ValidateContract(string? department, string? project, long amountFen, DateOnly? startsOn, DateOnly? endsOn)
    {
        var errors = new List<FormError>();
        if (string.IsNullOrWhiteSpace(department) || department.Length > PurchaseContract.MaxShort)
        {
            errors.Add(new FormError("Department", "Cult.Error.Required", "Cult.List.Field.Department"));
        }

        if (string.IsNullOrWhiteSpace(project) || project.Length > PurchaseContract.MaxShort)
        {
            errors.Add(new FormError("Project", "Cult.Error.Required", "Cult.List.Field.Project"));
        }

        if (amountFen <= 0)
        {
            errors.Add(new FormError("Amount", "Cult.List.Error.Amount"));
        }

        if (startsOn is null || endsOn is null)
        {
            errors.Add(new FormError("EndsOn", "Cult.Error.Required", "Cult.List.Field.Period"));
        }
        else if (endsOn < startsOn)
        {
            errors.Add(new FormError("EndsOn", "Cult.List.Error.Period"));
        }

        return errors;
    }
}
