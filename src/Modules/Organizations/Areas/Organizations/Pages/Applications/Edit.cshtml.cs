using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Applications;

/// <summary>
/// The applicant's form: one multipart form with the particulars and the checklist's files, so saving never drops
/// an upload or a field. "Save" keeps a draft; "Submit" saves then submits.
/// </summary>
[Permission(OrganizationsPermissions.Apply)]
[RequestSizeLimit(100 * 1024 * 1024)]
public sealed class EditModel(
    RegistrationService registration,
    OrganizationAccess access,
    IRegistrationRulesProvider rulesProvider,
    DbContext db,
    TimeProvider clock,
    IMoneyLimits moneyLimits,
    IStringLocalizer localizer) : PageModel
{
    public RegistrationApplication Application { get; private set; } = null!;

    public RegistrationRules Rules { get; private set; } = null!;

    public IReadOnlyList<NameReservation> Reservations { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public long Version { get; set; }

    /// <summary>Name of the file input of a checklist item.</summary>
    public static string FileInputName(string itemCode) => "document-" + itemCode;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = InputModel.From(RegistrationService.ReadForm(Application), Application.NameApplicationId);
        Version = Application.Version;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken) =>
        this.SaveDraftAsync(() => LoadAsync(id, cancellationToken), () => SaveAllAsync(cancellationToken), localizer,
            new StepOutcome("Org.App.DraftSaved", () => RedirectToPage("/Applications/Edit", new { area = "Organizations", id })));

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        this.SubmitDraftAsync(() => LoadAsync(id, cancellationToken), () => SaveAllAsync(cancellationToken),
            () => registration.SubmitAsync(Application, Application.Version, cancellationToken),
            result =>
            {
                Report(result);
                Version = Application.Version;
            },
            localizer, new StepOutcome("Org.App.SubmittedFlash", () => RedirectToPage("/Applications/Detail", new { area = "Organizations", id }),
                FlashArgs: () => [Application.ReceiptNumber ?? ""]));

    /// <summary>Deletes the draft after the owner confirmed it on this page.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await registration.DeleteDraftAsync(Application, User.UserId()!, cancellationToken);
        if (!Report(result))
        {
            Input = InputModel.From(RegistrationService.ReadForm(Application), Application.NameApplicationId);
            Version = Application.Version;
            return Page();
        }

        TempData["Flash"] = localizer["Org.App.DraftDeleted", Application.Title].Value;
        return RedirectToPage("/My/Index", new { area = "Organizations" });
    }

    private async Task<bool> SaveAllAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return false;
        }

        if (!moneyLimits.TryParse(string.IsNullOrWhiteSpace(Input.ActivityFunds) ? "0" : Input.ActivityFunds, MoneyField.ActivityFunds, out var funds, out var fundsError))
        {
            ModelState.AddModelError("Input.ActivityFunds", localizer[fundsError!]);
            return false;
        }

        Input.ServiceFields = [.. Input.ServiceFields.Intersect(Rules.ServiceFields)];
        var saved = await registration.SaveDraftAsync(Application, Input.ToForm(funds), Input.NameApplicationId, Version, cancellationToken);
        if (!Report(saved))
        {
            return false;
        }

        // Each file is checked on its own: a refused one leaves the previous document in place and the rest are kept.
        foreach (var item in Rules.Kind(Application.Kind).Documents.Select(d => d.Code))
        {
            if (Request.Form.Files.GetFile(FileInputName(item)) is not { Length: > 0 } file)
            {
                continue;
            }

            await using var stream = file.OpenReadStream();
            var attached = await registration.AttachAsync(Application, item, stream, file.FileName, Application.Version, cancellationToken);
            if (!attached.Succeeded)
            {
                ModelState.AddModelError(string.Empty, localizer["Org.App.UploadRefused", localizer[$"Doc.{item}"], file.FileName, attached.Conflict ? localizer["Org.App.Conflict"] : localizer.Describe(attached.Errors[0])]);
            }
        }

        Version = Application.Version;
        return ModelState.IsValid;
    }

    private bool Report(OperationResult result)
    {
        if (result.Conflict)
        {
            ModelState.AddModelError(string.Empty, localizer["Org.App.Conflict"]);
            return false;
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : "Input." + error.Field, localizer.Describe(error));
        }

        return result.Succeeded;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var application = await registration.FindAsync(id, cancellationToken);
        if (application is null || !await access.CanActAsApplicantAsync(User, application, cancellationToken))
        {
            return NotFound();
        }

        if (application.State is not (ApplicationState.Draft or ApplicationState.Returned))
        {
            return RedirectToPage("/Applications/Detail", new { area = "Organizations", id });
        }

        Application = application;
        Rules = await rulesProvider.GetAsync(cancellationToken);
        if (application.Kind == ApplicationKind.Establishment)
        {
            var today = ChinaTime.Today(clock);
            var userId = User.UserId();
            Reservations = await db.Set<NameReservation>().AsNoTracking()
                .Where(r => r.UsedByOrganizationId == null && r.ReservedUntil >= today
                    && db.Set<RegistrationApplication>().Any(a => a.Id == r.ApplicationId && a.ApplicantUserId == userId))
                .ToListAsync(cancellationToken);
        }

        return null;
    }

    public sealed class InputModel
    {
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Org.Field.ProposedNames")]
        [NoBidiControls]
        public string? ProposedName1 { get; set; }

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Org.Field.ProposedNames")]
        [NoBidiControls]
        public string? ProposedName2 { get; set; }

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Org.Field.ProposedNames")]
        [NoBidiControls]
        public string? ProposedName3 { get; set; }

        public int? NameApplicationId { get; set; }

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Org.Field.Name")]
        [NoBidiControls]
        public string? Name { get; set; }

        [StringLength(300, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Org.Field.EnglishName")]
        public string? EnglishName { get; set; }

        [Display(Name = "Org.Field.Type")]
        public OrganizationType Type { get; set; } = OrganizationType.SocialGroup;

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Org.Field.SupervisingUnit")]
        public string? SupervisingUnit { get; set; }

        [StringLength(50, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Org.Field.LegalRepresentative")]
        public string? LegalRepresentative { get; set; }

        [StringLength(50, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Org.Field.Street")]
        public string? Street { get; set; }

        [StringLength(50, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Org.Field.Community")]
        public string? Community { get; set; }

        [StringLength(300, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Org.Field.Address")]
        public string? Address { get; set; }

        public List<string> ServiceFields { get; set; } = [];

        [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Org.Field.BusinessScope")]
        public string? BusinessScope { get; set; }

        [StringLength(30, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Org.Field.ActivityFunds")]
        public string? ActivityFunds { get; set; }

        [Display(Name = "Org.Field.FoundationKind")]
        public FoundationKind? FoundationKind { get; set; }

        [Range(0, 10_000_000, ErrorMessage = "Validation.Range")]
        [Display(Name = "Org.Field.IndividualMembers")]
        public int IndividualMembers { get; set; }

        [Range(0, 10_000_000, ErrorMessage = "Validation.Range")]
        [Display(Name = "Org.Field.UnitMembers")]
        public int UnitMembers { get; set; }

        [Range(0, 1_000_000, ErrorMessage = "Validation.Range")]
        [Display(Name = "Org.Field.Staff")]
        public int Staff { get; set; }

        [StringLength(50, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Org.Field.ContactName")]
        public string? ContactName { get; set; }

        [StringLength(30, ErrorMessage = "Validation.MaxLength")]
        [Phone(ErrorMessage = "Validation.ValueInvalid")]
        [Display(Name = "Org.Field.ContactPhone")]
        public string? ContactPhone { get; set; }

        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Org.Field.ContactEmail")]
        public string? ContactEmail { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Org.Field.Reason")]
        public string? Reason { get; set; }

        public static InputModel From(ApplicationForm form, int? nameApplicationId) => new()
        {
            ProposedName1 = form.ProposedNames.ElementAtOrDefault(0),
            ProposedName2 = form.ProposedNames.ElementAtOrDefault(1),
            ProposedName3 = form.ProposedNames.ElementAtOrDefault(2),
            NameApplicationId = nameApplicationId,
            Name = form.Name,
            EnglishName = form.EnglishName,
            Type = form.Type,
            SupervisingUnit = form.SupervisingUnit,
            LegalRepresentative = form.LegalRepresentative,
            Street = form.Street,
            Community = form.Community,
            Address = form.Address,
            ServiceFields = form.ServiceFields,
            BusinessScope = form.BusinessScope,
            ActivityFunds = form.ActivityFundsFen == 0 ? "" : new Money(form.ActivityFundsFen).ToYuanString(),
            FoundationKind = form.FoundationKind,
            IndividualMembers = form.IndividualMembers,
            UnitMembers = form.UnitMembers,
            Staff = form.Staff,
            ContactName = form.ContactName,
            ContactPhone = form.ContactPhone,
            ContactEmail = form.ContactEmail,
            Reason = form.Reason,
        };

        public ApplicationForm ToForm(Money funds) => new()
        {
            ProposedNames = [.. new[] { ProposedName1, ProposedName2, ProposedName3 }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())],
            Name = Name?.Trim() ?? "",
            EnglishName = EnglishName?.Trim(),
            Type = Type,
            SupervisingUnit = SupervisingUnit?.Trim(),
            LegalRepresentative = LegalRepresentative?.Trim() ?? "",
            Street = Street?.Trim() ?? "",
            Community = Community?.Trim(),
            Address = Address?.Trim() ?? "",
            ServiceFields = ServiceFields,
            BusinessScope = BusinessScope?.Trim() ?? "",
            ActivityFundsFen = funds.Fen,
            FoundationKind = FoundationKind,
            IndividualMembers = IndividualMembers,
            UnitMembers = UnitMembers,
            Staff = Staff,
            ContactName = ContactName?.Trim(),
            ContactPhone = ContactPhone?.Trim(),
            ContactEmail = ContactEmail?.Trim(),
            Reason = Reason?.Trim(),
        };
    }
}
