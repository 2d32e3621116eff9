using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;

namespace Registry.Inspections.Areas.Inspections.Pages.Report;

/// <summary>
/// The annual report form: one multipart form with the figures and the files, so saving never drops an upload or a
/// field. "Save" keeps a draft; "Submit" saves, then submits if everything required is there.
/// </summary>
[Permission(InspectionsPermissions.File)]
[RequestSizeLimit(100 * 1024 * 1024)]
public sealed class EditModel(ReportService reports, ReportAccess access, IMoneyLimits moneyLimits, IStringLocalizer localizer) : PageModel
{
    public AnnualReport Report { get; private set; } = null!;

    public InspectionCampaign Campaign { get; private set; } = null!;

    public IReadOnlyList<FormError> Warnings { get; private set; } = [];

    /// <summary>The pre-filled fields still to confirm, by field (一次填报，多处复用).</summary>
    public IReadOnlyDictionary<string, PrefilledField> Prefilled { get; private set; } = new Dictionary<string, PrefilledField>();

    /// <summary>The sections with pre-filled values still to confirm, in form order.</summary>
    public IReadOnlyList<PrefillSection> PrefilledSections => ReportPrefill.Unconfirmed(Prefilled.Values);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public long Version { get; set; }

    public static string FileInputName(string itemCode) => "document-" + itemCode;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (content, _) = await reports.OpeningContentAsync(Report, cancellationToken);
        Input = InputModel.From(content);
        Version = Report.Version;
        Warnings = Report.State == ReportState.NotStarted ? [] : ReportValidator.Warnings(content, Campaign.AdminCostWarningPercent);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken) =>
        this.SaveDraftAsync(() => LoadAsync(id, cancellationToken), () => SaveAllAsync(cancellationToken), localizer,
            new StepOutcome("Insp.DraftSaved", () => RedirectToPage("/Report/Edit", new { area = "Inspections", id })));

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        this.SubmitDraftAsync(() => LoadAsync(id, cancellationToken), () => SaveAllAsync(cancellationToken),
            () => reports.SubmitAsync(Report, Report.Version, cancellationToken),
            result =>
            {
                Show(result);
                Version = Report.Version;
            },
            localizer, new StepOutcome("Insp.SubmittedFlash", () => RedirectToPage("/Report/Index", new { area = "Inspections", id })));

    private async Task<bool> SaveAllAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || Input.ToContent(ModelState, localizer, moneyLimits) is not { } content)
        {
            return false;
        }

        Warnings = ReportValidator.Warnings(content, Campaign.AdminCostWarningPercent);
        var confirmed = new HashSet<PrefillSection>();
        if (Input.ConfirmPeople)
        {
            confirmed.Add(PrefillSection.People);
        }

        if (Input.ConfirmNetAssets)
        {
            confirmed.Add(PrefillSection.NetAssets);
        }

        if (!Show(await reports.SaveDraftAsync(Report, content, confirmed, Version, cancellationToken)))
        {
            return false;
        }

        Prefilled = (await reports.PrefillAsync(Report, cancellationToken)).ToDictionary(f => f.Field);

        // Each file on its own: a refused one leaves the previous file in place and the rest are kept.
        foreach (var item in ReportDocuments.All)
        {
            if (Request.Form.Files.GetFile(FileInputName(item)) is not { Length: > 0 } file)
            {
                continue;
            }

            await using var stream = file.OpenReadStream();
            var attached = await reports.AttachAsync(Report, item, stream, file.FileName, Report.Version, cancellationToken);
            if (!attached.Succeeded)
            {
                ModelState.AddModelError(string.Empty, localizer["Insp.UploadRefused", localizer["Insp.Doc." + item], file.FileName, attached.Conflict ? localizer["Common.Conflict"] : localizer.Describe(attached.Errors[0])]);
            }
        }

        Version = Report.Version;
        return ModelState.IsValid;
    }

    private bool Show(OperationResult result)
    {
        ModelState.AddResult(result, localizer, "Input.");
        return result.Succeeded;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var report = await reports.FindAsync(id, cancellationToken);
        if (report is null || !await access.CanFileAsync(User, report, cancellationToken))
        {
            return NotFound();
        }

        if (!report.IsEditableByOrganization)
        {
            return RedirectToPage("/Report/Index", new { area = "Inspections", id });
        }

        Report = report;
        Campaign = await reports.CampaignOfAsync(report, cancellationToken);
        Prefilled = (await reports.PrefillAsync(report, cancellationToken)).ToDictionary(f => f.Field);
        return null;
    }

    public sealed class InputModel
    {
        [StringLength(ReportValidator.MaxTextLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Insp.Field.WorkSummary")]
        public string? WorkSummary { get; set; }

        [StringLength(ReportValidator.MaxTextLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Insp.Field.NextYearPlan")]
        public string? NextYearPlan { get; set; }

        [Range(0, 10_000_000, ErrorMessage = "Validation.Range")]
        [Display(Name = "Insp.Field.IndividualMembers")]
        public int IndividualMembers { get; set; }

        [Range(0, 10_000_000, ErrorMessage = "Validation.Range")]
        [Display(Name = "Insp.Field.UnitMembers")]
        public int UnitMembers { get; set; }

        [Range(0, 1_000_000, ErrorMessage = "Validation.Range")]
        [Display(Name = "Insp.Field.FullTimeStaff")]
        public int FullTimeStaff { get; set; }

        [Range(0, 1_000_000, ErrorMessage = "Validation.Range")]
        [Display(Name = "Insp.Field.PartTimeStaff")]
        public int PartTimeStaff { get; set; }

        [Range(0, 10_000_000, ErrorMessage = "Validation.Range")]
        [Display(Name = "Insp.Field.Volunteers")]
        public int Volunteers { get; set; }

        [Display(Name = "Insp.Field.PartyOrganization")]
        public PartyOrganization PartyOrganization { get; set; }

        [Range(0, 100_000, ErrorMessage = "Validation.Range")]
        [Display(Name = "Insp.Field.PartyMembers")]
        public int PartyMembers { get; set; }

        [StringLength(ReportValidator.MaxTextLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Insp.Field.MajorChanges")]
        public string? MajorChanges { get; set; }

        /// <summary>Amounts in yuan as typed ("1234.50"), keyed by the content property; parsed into fen.</summary>
        public Dictionary<string, string?> Amounts { get; set; } = [];

        [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Insp.Field.AdjustmentExplanation")]
        public string? AdjustmentExplanation { get; set; }

        /// <summary>"I confirm the pre-filled values" of the people section.</summary>
        public bool ConfirmPeople { get; set; }

        /// <summary>"I confirm the pre-filled values" of the net assets.</summary>
        public bool ConfirmNetAssets { get; set; }

        /// <summary>The money fields in form order, grouped for display.</summary>
        public static readonly IReadOnlyList<(string Group, IReadOnlyList<string> Fields)> MoneyGroups =
        [
            ("Insp.Group.Income", [nameof(ReportContent.IncomeGovernmentFen), nameof(ReportContent.IncomeDonationsFen), nameof(ReportContent.IncomeServicesFen), nameof(ReportContent.IncomeMembershipFen), nameof(ReportContent.IncomeOtherFen)]),
            ("Insp.Group.Expenditure", [nameof(ReportContent.ExpenseProgrammeFen), nameof(ReportContent.ExpenseStaffFen), nameof(ReportContent.ExpenseAdministrativeFen), nameof(ReportContent.ExpenseOtherFen)]),
            ("Insp.Group.NetAssets", [nameof(ReportContent.NetAssetsStartFen), nameof(ReportContent.NetAssetsEndFen), nameof(ReportContent.AdjustmentFen)]),
        ];

        private static readonly IReadOnlyDictionary<string, System.Reflection.PropertyInfo> MoneyProperties =
            MoneyGroups.SelectMany(g => g.Fields).ToDictionary(f => f, f => typeof(ReportContent).GetProperty(f)!);

        public static InputModel From(ReportContent content) => new()
        {
            WorkSummary = content.WorkSummary,
            NextYearPlan = content.NextYearPlan,
            IndividualMembers = content.IndividualMembers,
            UnitMembers = content.UnitMembers,
            FullTimeStaff = content.FullTimeStaff,
            PartTimeStaff = content.PartTimeStaff,
            Volunteers = content.Volunteers,
            PartyOrganization = content.PartyOrganization,
            PartyMembers = content.PartyMembers,
            MajorChanges = content.MajorChanges,
            AdjustmentExplanation = content.AdjustmentExplanation,
            Amounts = MoneyProperties.ToDictionary(p => p.Key, p => (long)p.Value.GetValue(content)! is var fen && fen == 0 ? "" : (string?)new Money(fen).ToYuanString()),
        };

        /// <summary>The content, or null with the money fields' errors added (a blank amount is zero).</summary>
        public ReportContent? ToContent(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IStringLocalizer localizer, IMoneyLimits moneyLimits)
        {
            ArgumentNullException.ThrowIfNull(modelState);
            ArgumentNullException.ThrowIfNull(moneyLimits);
            var content = new ReportContent
            {
                WorkSummary = WorkSummary?.Trim() ?? "",
                NextYearPlan = NextYearPlan?.Trim() ?? "",
                IndividualMembers = IndividualMembers,
                UnitMembers = UnitMembers,
                FullTimeStaff = FullTimeStaff,
                PartTimeStaff = PartTimeStaff,
                Volunteers = Volunteers,
                PartyOrganization = Enum.IsDefined(PartyOrganization) ? PartyOrganization : PartyOrganization.None,
                PartyMembers = PartyMembers,
                MajorChanges = MajorChanges?.Trim() ?? "",
                AdjustmentExplanation = AdjustmentExplanation?.Trim() ?? "",
            };
            foreach (var (field, property) in MoneyProperties)
            {
                var text = Amounts.GetValueOrDefault(field);
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                if (moneyLimits.TryParse(text, MoneyField.AnnualReport, out var money, out var error))
                {
                    property.SetValue(content, money.Fen);
                }
                else
                {
                    modelState.AddModelError($"Input.Amounts[{field}]", localizer["Insp.Error.Amount", localizer["Insp.Field." + field], localizer[error!]]);
                }
            }

            return modelState.IsValid ? content : null;
        }
    }
}
