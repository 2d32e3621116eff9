using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Data;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Admin.Register;

/// <summary>
/// Creates or corrects a register record directly (migrating the paper register, fixing a clerical error). Every save
/// is a revision with cause "correction"; a stale form is refused rather than overwriting someone else's change.
/// </summary>
[Permission(OrganizationsPermissions.ManageRegister)]
public sealed class EditModel(DbContext db, RegisterWriter writer, IRegistrationRulesProvider rulesProvider, TimeProvider clock, IMoneyLimits moneyLimits, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Null while creating a record.</summary>
    public int? Id { get; private set; }

    public string? CurrentName { get; private set; }

    /// <summary>The save was refused because someone else saved first; the form keeps the user's input.</summary>
    public bool Conflict { get; private set; }

    public IReadOnlyList<string> ServiceFieldOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> TypeOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> StatusOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        var rules = await rulesProvider.GetAsync(cancellationToken);
        if (id is null)
        {
            Input = new InputModel
            {
                District = rules.DistrictName,
                RegisteringAuthority = rules.RegisteringAuthority,
                Type = OrganizationType.SocialGroup,
                Status = OrganizationStatus.Active,
            };
            Prepare(rules, null);
            return Page();
        }

        if (await db.Set<Organization>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } organization)
        {
            return NotFound();
        }

        Input = InputModel.From(organization);
        Prepare(rules, organization);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        var rules = await rulesProvider.GetAsync(cancellationToken);
        Organization? organization = null;
        if (id is not null && (organization = await db.Set<Organization>().SingleOrDefaultAsync(o => o.Id == id, cancellationToken)) is null)
        {
            return NotFound();
        }

        Prepare(rules, organization);
        var nameRules = RegisterWriter.NameRulesOf(rules);
        var today = ChinaTime.Today(clock);
        var funds = ParseInput();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The rules of every entry path (RegisterValidator and the register's own checks) run on the record as it would be stored.
        var nameIsNew = organization is null
            || organization.Status != OrganizationStatus.Active
            || nameRules.Normalize(organization.Name) != nameRules.Normalize(Input.Name ?? "");
        var before = organization is null ? null : ApplicationForm.From(organization);
        var extraBefore = organization is null ? null : ExtraFields(organization);
        var candidate = organization ?? new Organization();
        Apply(candidate, funds, today);
        var errors = await writer.ValidateAsync(candidate, nameIsNew, rules, today, cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                Error(error.Field, localizer.Describe(error));
            }

            // The tracked record keeps the refused values only in memory: nothing is saved on this request.
            Input.CreditCode = candidate.CreditCode ?? Input.CreditCode;
            return Page();
        }

        if (organization is null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await writer.AddAsync(candidate, "Org.Cause.Correction", null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            TempData["Flash"] = localizer["Org.Register.Created", candidate.Name].Value;
            return RedirectToPage("/Admin/Register/Index", new { area = "Organizations" });
        }

        var changes = RegisterFields.Diff(before!, ApplicationForm.From(organization))
            .Concat(ExtraFields(organization).Zip(extraBefore!, (after, old) => new FieldChange(after.Field, old.Value, after.Value)).Where(c => c.Before != c.After))
            .ToList();
        if (changes.Count == 0)
        {
            TempData["Flash"] = localizer["Org.Register.NoChanges", organization.Name].Value;
            return RedirectToPage("/Admin/Register/Index", new { area = "Organizations" });
        }

        db.ExpectVersion(organization, Input.Version);
        var saved = await ConcurrentSave.OrConflictAsync(async () =>
        {
            await writer.ReviseAsync(organization, changes, "Org.Cause.Correction", null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        });
        if (!saved.Succeeded)
        {
            Conflict = true;
            ModelState.AddModelError(string.Empty, localizer["Org.Register.Concurrency"]);
            return Page();
        }

        TempData["Flash"] = localizer["Org.Register.Saved", organization.Name, changes.Count].Value;
        return RedirectToPage("/Admin/Register/Index", new { area = "Organizations" });
    }

    /// <summary>Fields the register keeps that <see cref="RegisterFields"/> leaves to officers (identity, status); enum values as localization keys.</summary>
    private static (string Field, string? Value)[] ExtraFields(Organization o) =>
    [
        ("Type", "Org.Type." + o.Type),
        ("CreditCode", o.CreditCode),
        ("FilingNumber", o.FilingNumber),
        ("RegisteringAuthority", o.RegisteringAuthority),
        ("FoundedOn", o.FoundedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("Status", "Org.Status." + o.Status),
    ];

    private void Prepare(RegistrationRules rules, Organization? organization)
    {
        Id = organization?.Id;
        CurrentName = organization?.Name;
        // Values from the paper register that are not (or no longer) in the configured list stay selectable, so a save does not drop them.
        ServiceFieldOptions = [.. rules.ServiceFields.Concat(organization?.ServiceFieldList ?? []).Distinct(StringComparer.Ordinal)];
        TypeOptions = [.. OrganizationTypes.All.Select(t => new SelectListItem(localizer["Org.Type." + t], t.ToString()))];
        StatusOptions = [.. Enum.GetValues<OrganizationStatus>().Select(s => new SelectListItem(localizer["Org.Status." + s], s.ToString()))];
    }

    /// <summary>What only a form has to check: values the browser sent that cannot be read, and the offered service fields.</summary>
    private Money ParseInput()
    {
        Input.Trim();
        if (!Enum.IsDefined(Input.Type) && ModelState.GetFieldValidationState("Input." + nameof(InputModel.Type)) != ModelValidationState.Invalid)
        {
            Error(nameof(InputModel.Type), localizer["Validation.Required", localizer["Org.Field.Type"]]);
        }

        if (!Enum.IsDefined(Input.Status) && ModelState.GetFieldValidationState("Input." + nameof(InputModel.Status)) != ModelValidationState.Invalid)
        {
            Error(nameof(InputModel.Status), localizer["Validation.Required", localizer["Org.Field.Status"]]);
        }

        var funds = Money.Zero;
        if (!string.IsNullOrEmpty(Input.ActivityFunds) && !moneyLimits.TryParse(Input.ActivityFunds, MoneyField.ActivityFunds, out funds, out var moneyError))
        {
            Error(nameof(InputModel.ActivityFunds), localizer[moneyError!]);
        }

        // A value the browser could not send as a date already has a binding error; don't add a second one.
        if (Input.FoundedOn is null && ModelState.GetFieldValidationState("Input." + nameof(InputModel.FoundedOn)) != ModelValidationState.Invalid)
        {
            Error(nameof(InputModel.FoundedOn), localizer["Validation.Required", localizer["Org.Field.FoundedOn"]]);
        }

        var allowedFields = ServiceFieldOptions.ToHashSet(StringComparer.Ordinal);
        var unknown = Input.ServiceFields.Where(f => !allowedFields.Contains(f)).ToList();
        if (unknown.Count > 0)
        {
            Error(nameof(InputModel.ServiceFields), localizer["Org.Register.UnknownServiceField", string.Join("、", unknown)]);
        }

        return funds;
    }

    private void Apply(Organization organization, Money funds, DateOnly today)
    {
        organization.Name = Input.Name ?? "";
        organization.EnglishName = NullIfEmpty(Input.EnglishName);
        organization.Type = Input.Type;
        organization.CreditCode = Input.Type.IsRegistered() ? Input.CreditCode : null;
        organization.FilingNumber = Input.Type.IsRegistered() ? null : Input.FilingNumber;
        organization.RegisteringAuthority = Input.RegisteringAuthority ?? "";
        organization.SupervisingUnit = NullIfEmpty(Input.SupervisingUnit);
        organization.LegalRepresentative = Input.LegalRepresentative ?? "";
        organization.District = Input.District ?? "";
        organization.Street = Input.Street ?? "";
        organization.Community = NullIfEmpty(Input.Community);
        organization.Address = Input.Address ?? "";
        // In the configured order, so the same selection always stores (and diffs) the same way.
        organization.ServiceFields = string.Join(',', ServiceFieldOptions.Where(Input.ServiceFields.Contains));
        organization.BusinessScope = Input.BusinessScope ?? "";
        organization.ActivityFundsFen = funds.Fen;
        organization.IndividualMembers = Input.IndividualMembers;
        organization.UnitMembers = Input.UnitMembers;
        organization.FoundedOn = Input.FoundedOn!.Value;
        if (organization.Status != Input.Status)
        {
            organization.StatusChangedOn = Input.Status == OrganizationStatus.Active ? null : today;
        }

        organization.Status = Input.Status;
        organization.ContactName = NullIfEmpty(Input.ContactName);
        organization.ContactPhone = NullIfEmpty(Input.ContactPhone);
        organization.ContactEmail = NullIfEmpty(Input.ContactEmail);
    }

    private void Error(string field, string message) => ModelState.AddModelError("Input." + field, message);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public sealed class InputModel
    {
        public long Version { get; set; }

        [Display(Name = "Org.Field.Name")]
        public string? Name { get; set; }

        [Display(Name = "Org.Field.EnglishName")]
        public string? EnglishName { get; set; }

        [Display(Name = "Org.Field.Type")]
        public OrganizationType Type { get; set; }

        [Display(Name = "Org.Field.CreditCode")]
        public string? CreditCode { get; set; }

        [Display(Name = "Org.Field.FilingNumber")]
        public string? FilingNumber { get; set; }

        [Display(Name = "Org.Field.RegisteringAuthority")]
        public string? RegisteringAuthority { get; set; }

        [Display(Name = "Org.Field.SupervisingUnit")]
        public string? SupervisingUnit { get; set; }

        [Display(Name = "Org.Field.LegalRepresentative")]
        public string? LegalRepresentative { get; set; }

        [Display(Name = "Org.Field.District")]
        public string? District { get; set; }

        [Display(Name = "Org.Field.Street")]
        public string? Street { get; set; }

        [Display(Name = "Org.Field.Community")]
        public string? Community { get; set; }

        [Display(Name = "Org.Field.Address")]
        public string? Address { get; set; }

        [Display(Name = "Org.Field.ServiceFields")]
        public List<string> ServiceFields { get; set; } = [];

        [Display(Name = "Org.Field.BusinessScope")]
        public string? BusinessScope { get; set; }

        /// <summary>Yuan as typed (e.g. 30000 or 30,000.00); parsed into fen on save.</summary>
        [Display(Name = "Org.Field.ActivityFunds")]
        public string? ActivityFunds { get; set; }

        [Display(Name = "Org.Field.IndividualMembers")]
        public int IndividualMembers { get; set; }

        [Display(Name = "Org.Field.UnitMembers")]
        public int UnitMembers { get; set; }

        [Display(Name = "Org.Field.FoundedOn")]
        public DateOnly? FoundedOn { get; set; }

        [Display(Name = "Org.Field.Status")]
        public OrganizationStatus Status { get; set; }

        [Display(Name = "Org.Field.ContactName")]
        public string? ContactName { get; set; }

        [Display(Name = "Org.Field.ContactPhone")]
        public string? ContactPhone { get; set; }

        [Display(Name = "Org.Field.ContactEmail")]
        public string? ContactEmail { get; set; }

        public static InputModel From(Organization o) => new()
        {
            Version = o.Version,
            Name = o.Name,
            EnglishName = o.EnglishName,
            Type = o.Type,
            CreditCode = o.CreditCode,
            FilingNumber = o.FilingNumber,
            RegisteringAuthority = o.RegisteringAuthority,
            SupervisingUnit = o.SupervisingUnit,
            LegalRepresentative = o.LegalRepresentative,
            District = o.District,
            Street = o.Street,
            Community = o.Community,
            Address = o.Address,
            ServiceFields = [.. o.ServiceFieldList],
            BusinessScope = o.BusinessScope,
            ActivityFunds = new Money(o.ActivityFundsFen).ToYuanString(),
            IndividualMembers = o.IndividualMembers,
            UnitMembers = o.UnitMembers,
            FoundedOn = o.FoundedOn,
            Status = o.Status,
            ContactName = o.ContactName,
            ContactPhone = o.ContactPhone,
            ContactEmail = o.ContactEmail,
        };

        /// <summary>Leading and trailing blanks never belong to the register (pasted text often carries them).</summary>
        public void Trim()
        {
            Name = Name?.Trim() ?? "";
            EnglishName = EnglishName?.Trim();
            CreditCode = CreditCode?.Trim();
            FilingNumber = FilingNumber?.Trim();
            RegisteringAuthority = RegisteringAuthority?.Trim() ?? "";
            SupervisingUnit = SupervisingUnit?.Trim();
            LegalRepresentative = LegalRepresentative?.Trim() ?? "";
            District = District?.Trim() ?? "";
            Street = Street?.Trim() ?? "";
            Community = Community?.Trim();
            Address = Address?.Trim() ?? "";
            ServiceFields = [.. (ServiceFields ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct(StringComparer.Ordinal)];
            BusinessScope = BusinessScope?.Trim();
            ActivityFunds = ActivityFunds?.Trim();
            ContactName = ContactName?.Trim();
            ContactPhone = ContactPhone?.Trim();
            ContactEmail = ContactEmail?.Trim();
        }
    }
}
