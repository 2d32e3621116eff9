using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Projects;

/// <summary>
/// The applicant's agreement: the money (tranches, payments, refunds), the revisions with their diffs and, when the
/// officer asked for one, the form for the revised plan and budget (项目优化). Another organization's agreement is not there.
/// </summary>
[Permission(GrantsPermissions.Apply)]
public sealed class AgreementModel(DbContext db, GrantAgreementService agreements, MessageService messages, GrantAccess access, IMoneyLimits moneyLimits, IStringLocalizer localizer) : PageModel
{
    public const int BlankRows = 3;

    public AgreementRecord Record { get; private set; } = null!;

    /// <summary>The project's thread with the officers.</summary>
    public IReadOnlyList<ApplicationMessage> Messages { get; private set; } = [];

    [BindProperty]
    public string? MessageBody { get; set; }

    [BindProperty]
    public Microsoft.AspNetCore.Http.IFormFile? MessageFile { get; set; }

    [BindProperty]
    public PlanForm Form { get; set; } = new();

    /// <summary>The revision form shows while a revision is asked for and none awaits the officer.</summary>
    public bool MayRevise => Record.Agreement.State == AgreementState.AwaitingRevision && Record.Pending is null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = PlanForm.From(Record.Agreement);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Form.ToPlan(ModelState, localizer, moneyLimits) is { } plan)
        {
            var result = await agreements.SubmitRevisionAsync(Record.Agreement, plan, Form.Version, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Flash"] = localizer["Grant.Project.RevisionSubmittedFlash"].Value;
                return RedirectToPage("/Projects/Agreement", new { area = "Grants", id });
            }

            ModelState.AddResult(result, localizer, "Form.");
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        Form.Version = Record.Agreement.Version;
        return Page();
    }

    /// <summary>Writes to the officers about the project (with an optional file).</summary>
    public async Task<IActionResult> OnPostMessageAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await using var stream = MessageFile is { Length: > 0 } file ? file.OpenReadStream() : null;
        var result = await messages.PostAsync(Record.Agreement, fromApplicant: true, MessageBody, stream, MessageFile?.FileName, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = localizer["Grant.Message.SentFlash"].Value;
            return RedirectToPage("/Projects/Agreement", new { area = "Grants", id });
        }

        ModelState.AddResult(result, localizer, "");
        Form = PlanForm.From(Record.Agreement);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        // Another organization's project is not there for this account.
        if (await agreements.FileAsync(id, cancellationToken) is not { } file || !await access.ActsForAsync(User, file.Agreement.OrganizationId, cancellationToken))
        {
            return false;
        }

        Record = file;
        Messages = await messages.ThreadAsync(file.Agreement, cancellationToken);
        return true;
    }

    /// <summary>The revised plan and budget as typed (amounts in yuan).</summary>
    public sealed class PlanForm
    {
        public long Version { get; set; }

        public string? Objectives { get; set; }

        public string? ActivityPlan { get; set; }

        public string? StartOn { get; set; }

        public string? EndOn { get; set; }

        public List<ApplicationModel.IndicatorRow> Indicators { get; set; } = [];

        public List<ApplicationModel.LineRow> Lines { get; set; } = [];

        public static PlanForm From(GrantAgreement agreement)
        {
            ArgumentNullException.ThrowIfNull(agreement);
            var plan = agreement.Plan;
            return new PlanForm
            {
                Version = agreement.Version,
                Objectives = plan.Objectives,
                ActivityPlan = plan.ActivityPlan,
                StartOn = plan.StartOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                EndOn = plan.EndOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Indicators = [.. plan.Indicators.Select(i => new ApplicationModel.IndicatorRow { Kind = i.Kind, Name = i.Name, Target = i.Target }), .. Enumerable.Range(0, BlankRows).Select(_ => new ApplicationModel.IndicatorRow())],
                Lines = [.. plan.Lines.Select(l => new ApplicationModel.LineRow { Category = l.Category, Item = l.Item, Requested = new Money(l.RequestedFen).ToYuanString(), Matching = new Money(l.MatchingFen).ToYuanString() }),
                    .. Enumerable.Range(0, BlankRows).Select(_ => new ApplicationModel.LineRow())],
            };
        }

        /// <summary>The plan, or null when a date or amount did not parse (the errors are on the model state).</summary>
        public AgreementPlan? ToPlan(ModelStateDictionary modelState, IStringLocalizer localizer, IMoneyLimits moneyLimits)
        {
            ArgumentNullException.ThrowIfNull(modelState);
            var start = FormInput.Date(StartOn, "Form.StartOn", modelState, localizer);
            var end = FormInput.Date(EndOn, "Form.EndOn", modelState, localizer);
            var lines = new List<PlanLine>();
            for (var i = 0; i < Lines.Count; i++)
            {
                var row = Lines[i];
                if (string.IsNullOrWhiteSpace(row.Item) && string.IsNullOrWhiteSpace(row.Requested) && string.IsNullOrWhiteSpace(row.Matching))
                {
                    continue;
                }

                var requested = string.IsNullOrWhiteSpace(row.Requested) ? 0 : FormInput.Fen(moneyLimits, MoneyField.GrantBudgetLine, row.Requested, $"Form.Lines[{i}].Requested", modelState, localizer);
                var matching = string.IsNullOrWhiteSpace(row.Matching) ? 0 : FormInput.Fen(moneyLimits, MoneyField.GrantBudgetLine, row.Matching, $"Form.Lines[{i}].Matching", modelState, localizer);
                lines.Add(new PlanLine(row.Category, (row.Item ?? "").Trim(), requested ?? 0, matching ?? 0));
            }

            if (!modelState.IsValid)
            {
                return null;
            }

            return new AgreementPlan((Objectives ?? "").Trim(), (ActivityPlan ?? "").Trim(),
                [.. Indicators.Where(i => !string.IsNullOrWhiteSpace(i.Name)).Select(i => new ProjectIndicator(i.Kind ?? "Output", i.Name!.Trim(), (i.Target ?? "").Trim()))],
                start!.Value, end!.Value, lines);
        }
    }
}
