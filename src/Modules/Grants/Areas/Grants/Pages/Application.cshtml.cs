using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages;

/// <summary>
/// The organization's project: in draft the form (project, indicators, budget table with live totals; the server
/// enforces the rules on submit), saved by the button or by the page's autosave; afterwards read-only with the receipt,
/// the state and the screening outcome. Never any score.
/// </summary>
[Permission(GrantsPermissions.Apply)]
public sealed partial class ApplicationModel(
    GrantApplicationService applications,
    GrantAttachmentService attachments,
    MessageService messages,
    ReviewService reviews,
    GrantAccess access,
    IMoneyLimits moneyLimits,
    TimeProvider clock,
    IStringLocalizer localizer) : PageModel
{
    public const int IndicatorRows = 6;

    public GrantApplication Application { get; private set; } = null!;

    public GrantRound Round { get; private set; } = null!;

    [BindProperty]
    public ProjectForm Form { get; set; } = new();

    /// <summary>While drafting: the checks of the register screening would fail now (declarations are asked in the form).</summary>
    public IReadOnlyList<EligibilityCheck> Warnings { get; private set; } = [];

    /// <summary>The supporting documents attached so far.</summary>
    public IReadOnlyList<ApplicationAttachment> Attachments { get; private set; } = [];

    /// <summary>While drafting: the round's required documents not attached yet.</summary>
    public IReadOnlyList<string> MissingDocuments { get; private set; } = [];

    /// <summary>Once decided, the reviewers' comments (and scores) as the round allows, anonymized.</summary>
    public IReadOnlyList<AnonymousReview> Reviews { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Once submitted: the thread with the officers.</summary>
    public IReadOnlyList<ApplicationMessage> Messages { get; private set; } = [];

    [BindProperty]
    public string? MessageBody { get; set; }

    [BindProperty]
    public IFormFile? MessageFile { get; set; }

    /// <summary>The organization's facts as saved, with what was pre-filled (each field's source).</summary>
    public ApplicationFacts StatedFacts => ApplicationFacts.Read(Application.FactsJson);

    /// <summary>The budget as saved (the table's footer before the page's script recomputes it).</summary>
    public BudgetTotals Totals { get; private set; } = BudgetRules.Totals([]);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Form = ProjectForm.From(Application);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken) =>
        this.SaveDraftAsync(() => LoadAsync(id, cancellationToken), () => SaveFormAsync(cancellationToken), localizer, Outcome(id, "Grant.Apply.SavedFlash"));

    /// <summary>
    /// The deadline is checked against the instant the submission came in, read before anything waits (in a call's last
    /// minute requests queue for the database): one sent before the closing instant is not refused for the queue.
    /// </summary>
    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken)
    {
        var receivedAt = clock.GetUtcNow().UtcDateTime;
        return this.SubmitDraftAsync(() => LoadAsync(id, cancellationToken), () => SaveFormAsync(cancellationToken),
            () => applications.SubmitAsync(Application, Application.Version, cancellationToken, receivedAt), Refused, localizer, Outcome(id, "Grant.Apply.SubmittedFlash"));
    }

    /// <summary>The page's autosave: saves the draft and answers with the new version (or 409 on a conflict, 400 on errors).</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Attribute rules (a title with direction controls …) as well as the parsed fields.
        if (Form.ToInput(ModelState, localizer, moneyLimits) is not { } input || !ModelState.IsValid)
        {
            return BadRequest();
        }

        var result = await applications.SaveDraftAsync(Application, input, Form.Version, cancellationToken);
        if (result.Conflict)
        {
            return new StatusCodeResult(409);
        }

        return result.Succeeded ? new JsonResult(new { version = Application.Version }) : BadRequest();
    }

    /// <summary>Attaches a supporting document to the draft (as one of the round's required documents, or another file).</summary>
    public async Task<IActionResult> OnPostAttachAsync(int id, string? document, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        OperationResult result;
        if (Upload is null || Upload.Length == 0)
        {
            result = OperationResult.Fail("Upload", "Grant.Attachment.Error.NoFile");
        }
        else
        {
            await using var stream = Upload.OpenReadStream();
            result = await attachments.AttachAsync(Application, document, stream, Upload.FileName, cancellationToken);
        }

        return AfterSideForm(id, result, "Grant.Attachment.AddedFlash");
    }

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        return AfterSideForm(id, await attachments.RemoveAsync(Application, attachmentId, cancellationToken), "Grant.Attachment.RemovedFlash");
    }

    /// <summary>Writes to the officers about the submitted application (with an optional file).</summary>
    public async Task<IActionResult> OnPostMessageAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        await using var stream = MessageFile is { Length: > 0 } file ? file.OpenReadStream() : null;
        var result = await messages.PostAsync(Application, fromApplicant: true, MessageBody, stream, MessageFile?.FileName, cancellationToken);
        return AfterSideForm(id, result, "Grant.Message.SentFlash");
    }

    private IActionResult AfterSideForm(int id, OperationResult result, string flash)
    {
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            Form = ProjectForm.From(Application);
            return Page();
        }

        TempData["Flash"] = localizer[flash].Value;
        return RedirectToPage("/Application", new { area = "Grants", id });
    }

    /// <summary>Where a save or submission goes: back to the application, with the flash naming its receipt number.</summary>
    private StepOutcome Outcome(int id, string flashKey) =>
        new(flashKey, () => RedirectToPage("/Application", new { area = "Grants", id }), FlashArgs: () => [Application.ReceiptNumber]);

    /// <summary>Saves the form's draft at the version it was read; false with the errors on the page when refused.</summary>
    private async Task<bool> SaveFormAsync(CancellationToken cancellationToken)
    {
        if (Form.ToInput(ModelState, localizer, moneyLimits) is not { } input || !ModelState.IsValid)
        {
            return false;
        }

        var result = await applications.SaveDraftAsync(Application, input, Form.Version, cancellationToken);
        if (!result.Succeeded)
        {
            Refused(result);
        }

        return result.Succeeded;
    }

    private void Refused(OperationResult result)
    {
        ModelState.AddResult(Form.OnFormRows(result), localizer, "Form.");
        Form.Version = Application.Version;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        // Another organization's application is not there for this account.
        if (await applications.FindAsync(id, cancellationToken) is not { } application || !await access.ActsForAsync(User, application.OrganizationId, cancellationToken))
        {
            return NotFound();
        }

        Application = application;
        Round = await applications.RoundOfAsync(application, cancellationToken);
        Totals = BudgetRules.Totals(application.BudgetLines);
        Attachments = await attachments.OfApplicationAsync(id, cancellationToken);
        Messages = application.State == GrantState.Draft ? [] : await messages.ThreadAsync(id, cancellationToken);
        MissingDocuments = application.State == GrantState.Draft ? AttachmentRules.Missing(Round.RequiredDocumentNames, Attachments.Select(a => a.DocumentName)) : [];
        Reviews = ReviewFeedback.ForApplicant(Round, application.State, ReviewFeedback.Decided(application.State) ? await reviews.SeatsOfApplicationAsync(id, cancellationToken) : []);
        if (application.State == GrantState.Draft)
        {
            // As if every declaration were made: what is left is what the register says, which the applicant cannot tick away.
            Warnings = [.. (await applications.CheckAsync(Round, application, cancellationToken, new ApplicantDeclarations(true, true))).Where(c => !c.Passed)];
        }

        return null;
    }

    public sealed partial class ProjectForm
    {
        public long Version { get; set; }

        [NoBidiControls]
        public string? Title { get; set; }

        public string? Summary { get; set; }

        public string? Category { get; set; }

        public string? Beneficiaries { get; set; }

        public string? BeneficiaryCount { get; set; }

        public string? Location { get; set; }

        public string? StartOn { get; set; }

        public string? EndOn { get; set; }

        public string? Need { get; set; }

        public string? Objectives { get; set; }

        public List<IndicatorRow> Indicators { get; set; } = [];

        public string? ActivityPlan { get; set; }

        public string? Team { get; set; }

        public string? Partners { get; set; }

        public bool NoOtherFunding { get; set; }

        public bool NoMajorViolation { get; set; }

        public List<LineRow> Lines { get; set; } = [];

        /// <summary>The organization's facts, pre-filled when the draft was started.</summary>
        public FactsForm Facts { get; set; } = new();

        public static ProjectForm From(GrantApplication a) => new()
        {
            Version = a.Version,
            Facts = FactsForm.From(ApplicationFacts.Read(a.FactsJson).Stated),
            Title = a.Title,
            Summary = a.Summary,
            Category = a.Category,
            Beneficiaries = a.Beneficiaries,
            BeneficiaryCount = a.BeneficiaryCount == 0 ? "" : a.BeneficiaryCount.ToString(CultureInfo.InvariantCulture),
            Location = a.Location,
            StartOn = a.StartOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            EndOn = a.EndOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Need = a.Need,
            Objectives = a.Objectives,
            Indicators = [.. GrantApplicationService.Indicators(a).Select(i => new IndicatorRow { Kind = i.Kind, Name = i.Name, Target = i.Target })],
            ActivityPlan = a.ActivityPlan,
            Team = a.Team,
            Partners = a.Partners,
            NoOtherFunding = a.NoOtherGovernmentFunding,
            NoMajorViolation = a.NoMajorViolation,
            Lines = [.. a.BudgetLines.OrderBy(l => l.Position).Select(l => new LineRow { Category = l.Category, Item = l.Item, Requested = new Money(l.RequestedFen).ToYuanString(), Matching = new Money(l.MatchingFen).ToYuanString() })],
        };

        /// <summary>The form row of each budget line <see cref="ToInput"/> passed on (empty rows are left out).</summary>
        private readonly List<int> _keptRows = [];

        /// <summary>
        /// The result with its budget line errors moved from the line's position among the lines passed on to the form row
        /// the user typed it in (with an empty row above, line 2 may be row 3): the field, and the row number the message
        /// names (a line error's first argument).
        /// </summary>
        public OperationResult OnFormRows(OperationResult result)
        {
            ArgumentNullException.ThrowIfNull(result);
            return result with
            {
                Errors = [.. result.Errors.Select(error =>
                {
                    var match = LineField().Match(error.Field);
                    if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var line) || line >= _keptRows.Count)
                    {
                        return error;
                    }

                    var row = _keptRows[line];
                    object[] args = error.Args is [int number, .. var rest] && number == line + 1 ? [row + 1, .. rest] : error.Args;
                    return new FormError(string.Create(CultureInfo.InvariantCulture, $"Lines[{row}].{match.Groups[2].Value}"), error.Key, args);
                })],
            };
        }

        [GeneratedRegex(@"^Lines\[(\d+)\]\.(.+)$", RegexOptions.CultureInvariant)]
        private static partial Regex LineField();

        /// <summary>Parses numbers, dates and amounts (errors go on the model state); null when any failed.</summary>
        public ProjectInput? ToInput(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IStringLocalizer localizer, IMoneyLimits moneyLimits)
        {
            ArgumentNullException.ThrowIfNull(moneyLimits);
            int count = 0;
            if (!string.IsNullOrWhiteSpace(BeneficiaryCount) && !int.TryParse(BeneficiaryCount.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out count))
            {
                modelState.AddModelError("Form.BeneficiaryCount", localizer["Grant.Error.NotANumber"]);
            }

            DateOnly? Date(string? text, string field)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                if (InputLimits.TryParseDate(text, out var day, out var outOfRange))
                {
                    return day;
                }

                modelState.AddModelError(field, outOfRange ? localizer[InputLimits.ErrorDateRange, InputLimits.DateRangeArgs] : localizer["Grant.Error.Date"]);
                return null;
            }

            var start = Date(StartOn, "Form.StartOn");
            var end = Date(EndOn, "Form.EndOn");
            var lines = new List<BudgetLineInput>();
            _keptRows.Clear();
            for (var i = 0; i < Lines.Count; i++)
            {
                var row = Lines[i];
                if (string.IsNullOrWhiteSpace(row.Item) && string.IsNullOrWhiteSpace(row.Requested) && string.IsNullOrWhiteSpace(row.Matching))
                {
                    continue;
                }

                _keptRows.Add(i);

                long Amount(string? text, string field)
                {
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        return 0;
                    }

                    if (moneyLimits.TryParse(text, MoneyField.GrantBudgetLine, out var money, out var error))
                    {
                        return money.Fen;
                    }

                    modelState.AddModelError(field, localizer[error == Money.ErrorTooLarge ? error : "Grant.Error.Money"]);
                    return 0;
                }

                lines.Add(new BudgetLineInput(row.Category, row.Item ?? "", Amount(row.Requested, $"Form.Lines[{i}].Requested"), Amount(row.Matching, $"Form.Lines[{i}].Matching")));
            }

            var facts = Facts.ToFacts(modelState, localizer, moneyLimits, Date);
            if (!modelState.IsValid)
            {
                return null;
            }

            return new ProjectInput(Title ?? "", Summary ?? "", Category ?? "", Beneficiaries ?? "", count, Location ?? "", start, end, Need ?? "", Objectives ?? "",
                [.. Indicators.Where(i => !string.IsNullOrWhiteSpace(i.Name)).Select(i => new ProjectIndicator(i.Kind ?? "Output", i.Name!, i.Target ?? ""))],
                ActivityPlan ?? "", Team ?? "", Partners ?? "", NoOtherFunding, lines, NoMajorViolation, facts);
        }
    }

    /// <summary>
    /// The organization's facts as typed (amounts in yuan; the grade 0–5). The property names are the facts' own, so the
    /// service's errors (<c>Facts.IncomeFen</c> …) land on their inputs.
    /// </summary>
    public sealed class FactsForm
    {
        public string? FoundedOn { get; set; }

        public string? Members { get; set; }

        public string? Staff { get; set; }

        public string? Volunteers { get; set; }

        public string? IncomeFen { get; set; }

        public string? ExpenditureFen { get; set; }

        public string? Grade { get; set; }

        /// <summary>The typed text of a field (by <see cref="OrganizationFactRules"/> field name).</summary>
        public string? Text(string field) => field switch
        {
            OrganizationFactRules.FoundedOn => FoundedOn,
            OrganizationFactRules.Members => Members,
            OrganizationFactRules.Staff => Staff,
            OrganizationFactRules.Volunteers => Volunteers,
            OrganizationFactRules.Income => IncomeFen,
            OrganizationFactRules.Expenditure => ExpenditureFen,
            OrganizationFactRules.Grade => Grade,
            _ => null,
        };

        public static FactsForm From(OrganizationFacts facts)
        {
            ArgumentNullException.ThrowIfNull(facts);
            return new()
            {
                FoundedOn = facts.FoundedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Members = facts.Members?.ToString(CultureInfo.InvariantCulture),
                Staff = facts.Staff?.ToString(CultureInfo.InvariantCulture),
                Volunteers = facts.Volunteers?.ToString(CultureInfo.InvariantCulture),
                IncomeFen = facts.IncomeFen is { } income ? new Money(income).ToYuanString() : null,
                ExpenditureFen = facts.ExpenditureFen is { } expenditure ? new Money(expenditure).ToYuanString() : null,
                Grade = facts.Grade?.ToString(CultureInfo.InvariantCulture),
            };
        }

        /// <summary>The parsed facts (blank is "not stated"); a value that does not parse puts its error on the model state.</summary>
        public OrganizationFacts ToFacts(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IStringLocalizer localizer, IMoneyLimits moneyLimits, Func<string?, string, DateOnly?> date)
        {
            ArgumentNullException.ThrowIfNull(modelState);
            ArgumentNullException.ThrowIfNull(moneyLimits);
            ArgumentNullException.ThrowIfNull(date);
            int? Count(string? text, string field)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                modelState.AddModelError("Form.Facts." + field, localizer["Grant.Error.NotANumber"]);
                return null;
            }

            long? Amount(string? text, string field)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                if (moneyLimits.TryParse(text, MoneyField.AnnualReport, out var money, out var error))
                {
                    return money.Fen;
                }

                modelState.AddModelError("Form.Facts." + field, localizer[error == Money.ErrorTooLarge ? error : "Grant.Error.Money"]);
                return null;
            }

            return new OrganizationFacts(date(FoundedOn, "Form.Facts.FoundedOn"), Count(Members, nameof(Members)), Count(Staff, nameof(Staff)), Count(Volunteers, nameof(Volunteers)),
                Amount(IncomeFen, nameof(IncomeFen)), Amount(ExpenditureFen, nameof(ExpenditureFen)), Count(Grade, nameof(Grade)));
        }
    }

    public sealed class IndicatorRow
    {
        public string? Kind { get; set; }

        public string? Name { get; set; }

        public string? Target { get; set; }
    }

    public sealed class LineRow
    {
        public BudgetCategory Category { get; set; }

        public string? Item { get; set; }

        public string? Requested { get; set; }

        public string? Matching { get; set; }
    }
}
