using Registry.Core.Finance;
using Registry.Core.Forms;

namespace Registry.Inspections.Domain;

/// <summary>What must hold before a report is submitted (drafts may be incomplete), and what deserves a second look.</summary>
public static class ReportValidator
{
    public const int MaxTextLength = 5000;

    /// <summary>Errors that block submission; <paramref name="auditRequired"/>: the CPA audit report must be attached (always for a foundation, 基金会管理条例 第三十六条).</summary>
    public static IReadOnlyList<FormError> Validate(ReportContent content, bool auditRequired, IReadOnlyCollection<string> attachedItemCodes)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(attachedItemCodes);
        var errors = new List<FormError>();
        if (string.IsNullOrWhiteSpace(content.WorkSummary))
        {
            errors.Add(new FormError(nameof(ReportContent.WorkSummary), "Validation.Required", "Insp.Field.WorkSummary"));
        }

        if (string.IsNullOrWhiteSpace(content.NextYearPlan))
        {
            errors.Add(new FormError(nameof(ReportContent.NextYearPlan), "Validation.Required", "Insp.Field.NextYearPlan"));
        }

        foreach (var (field, fen) in Amounts(content).Where(a => a.Fen < 0))
        {
            errors.Add(new FormError(field, "Insp.Error.Negative", "Insp.Field." + field));
        }

        // A party organization has members; an instructor (党建指导员) is sent where there is none, often with no member at all.
        if (content.PartyOrganization is PartyOrganization.Independent or PartyOrganization.Joint && content.PartyMembers == 0)
        {
            errors.Add(new FormError(nameof(ReportContent.PartyMembers), "Insp.Error.PartyMembers"));
        }

        var expectedEnd = ExpectedNetAssetsEnd(content);
        if (expectedEnd != content.NetAssetsEndFen)
        {
            errors.Add(new FormError(nameof(ReportContent.NetAssetsEndFen), "Insp.Error.NetAssetIdentity",
                new Money(content.NetAssetsStartFen).Format(), new Money(content.IncomeFen).Format(), new Money(content.ExpenditureFen).Format(),
                new Money(content.AdjustmentFen).Format(), new Money(expectedEnd).Format(), new Money(content.NetAssetsEndFen).Format()));
        }

        if (content.AdjustmentFen != 0 && string.IsNullOrWhiteSpace(content.AdjustmentExplanation))
        {
            errors.Add(new FormError(nameof(ReportContent.AdjustmentExplanation), "Insp.Error.AdjustmentUnexplained"));
        }

        foreach (var item in ReportDocuments.Required(auditRequired).Where(i => !attachedItemCodes.Contains(i)))
        {
            errors.Add(new FormError("", "Insp.Error.DocumentMissing", "Insp.Doc." + item));
        }

        return errors;
    }

    /// <summary>Ratios that are allowed but that an officer (and the organization) should look at.</summary>
    public static IReadOnlyList<FormError> Warnings(ReportContent content, int adminCostWarningPercent)
    {
        ArgumentNullException.ThrowIfNull(content);
        var warnings = new List<FormError>();
        var expenditure = content.ExpenditureFen;
        if (expenditure > 0 && content.ExpenseAdministrativeFen * 100 > expenditure * adminCostWarningPercent)
        {
            warnings.Add(new FormError(nameof(ReportContent.ExpenseAdministrativeFen), "Insp.Warning.AdminShare",
                Percent(content.ExpenseAdministrativeFen, expenditure), adminCostWarningPercent));
        }

        if (expenditure > 0 && content.ExpenseProgrammeFen * 2 < expenditure)
        {
            warnings.Add(new FormError(nameof(ReportContent.ExpenseProgrammeFen), "Insp.Warning.ProgrammeShare", Percent(content.ExpenseProgrammeFen, expenditure)));
        }

        if (content.NetAssetsEndFen < 0)
        {
            warnings.Add(new FormError(nameof(ReportContent.NetAssetsEndFen), "Insp.Warning.NegativeNetAssets"));
        }

        if (content.IncomeFen == 0 && expenditure == 0)
        {
            warnings.Add(new FormError("", "Insp.Warning.NoActivity"));
        }

        return warnings;
    }

    /// <summary>期初净资产 + 收入 − 支出 + 调整 = 期末净资产.</summary>
    public static long ExpectedNetAssetsEnd(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return checked(content.NetAssetsStartFen + content.IncomeFen - content.ExpenditureFen + content.AdjustmentFen);
    }

    private static string Percent(long part, long whole) =>
        (part * 1000 / whole / 10.0m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<(string Field, long Fen)> Amounts(ReportContent c) =>
    [
        (nameof(c.IncomeGovernmentFen), c.IncomeGovernmentFen),
        (nameof(c.IncomeDonationsFen), c.IncomeDonationsFen),
        (nameof(c.IncomeServicesFen), c.IncomeServicesFen),
        (nameof(c.IncomeMembershipFen), c.IncomeMembershipFen),
        (nameof(c.IncomeOtherFen), c.IncomeOtherFen),
        (nameof(c.ExpenseProgrammeFen), c.ExpenseProgrammeFen),
        (nameof(c.ExpenseStaffFen), c.ExpenseStaffFen),
        (nameof(c.ExpenseAdministrativeFen), c.ExpenseAdministrativeFen),
        (nameof(c.ExpenseOtherFen), c.ExpenseOtherFen),
    ];
}
