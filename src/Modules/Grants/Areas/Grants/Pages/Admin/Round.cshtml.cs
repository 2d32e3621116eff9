using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Core.Tabular;
using Registry.Grants.Contracts;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Admin;

/// <summary>
/// One round for the officer: applications and screening, reviewers' load and progress with automatic assignment,
/// results (raw, trimmed, z-score side by side; reviewers' strictness), allocation with cuts and the remaining budget,
/// the shortlist 公示, the awards and the figures.
/// </summary>
[Permission(GrantsPermissions.Manage)]
public sealed class RoundModel(
    RoundService rounds,
    GrantApplicationService applications,
    ReviewService reviews,
    DecisionService decisions,
    IGrantFigures figures,
    IMoneyLimits moneyLimits,
    IStringLocalizer localizer,
    TimeProvider clock) : PageModel
{
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    public GrantRound Round { get; private set; } = null!;

    public IReadOnlyList<GrantApplication> Applications { get; private set; } = [];

    public IReadOnlyList<ReviewerLoad> Pool { get; private set; } = [];

    public RoundResults Results { get; private set; } = null!;

    public GrantRoundFigures Figures { get; private set; } = null!;

    public SignOffChain Chain { get; private set; } = SignOffChain.OfLength(1);

    /// <summary>The award's internal sign-off so far (承办 → 审核 → 批准), superseded steps included.</summary>
    public IReadOnlyList<SignOffEntry> SignOffEntries { get; private set; } = [];

    /// <summary>The step waiting while the shortlist is in 公示; the award form shows when it is the last.</summary>
    public SignOffStep? Waiting { get; private set; }

    /// <summary>The opinion typed in the sign-off or award form, kept when the form is refused.</summary>
    [BindProperty]
    public string? Opinion { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>The results as XLSX (officers only, as the whole page: scores are nobody else's before publication).</summary>
    public Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken cancellationToken) =>
        ExportAsync(id, (round, tables) => File(TabularExport.Xlsx(tables), TabularExport.XlsxContentType, ResultsExport.FileName(round, "xlsx")), cancellationToken);

    public Task<IActionResult> OnGetCsvAsync(int id, CancellationToken cancellationToken) =>
        ExportAsync(id, (round, tables) => File(TabularExport.Csv(tables), TabularExport.CsvContentType, ResultsExport.FileName(round, "csv")), cancellationToken);

    private async Task<IActionResult> ExportAsync(int id, Func<GrantRound, IReadOnlyList<ExportTable>, IActionResult> file, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(id, cancellationToken) is not { } round)
        {
            return NotFound();
        }

        var names = (await reviews.SeatsOfRoundAsync(id, cancellationToken)).GroupBy(s => s.ReviewerUserId).ToDictionary(g => g.Key, g => g.First().ReviewerName);
        return file(round, ResultsExport.Tables(await decisions.ResultsAsync(round, cancellationToken), names, localizer));
    }

    public Task<IActionResult> OnPostAssignAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async round => (await reviews.AutoAssignAsync(round, cancellationToken)).Result, "Grant.Admin.AssignedFlash", cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int id, long version, CancellationToken cancellationToken) =>
        ActAsync(id, round => decisions.PublishShortlistAsync(round, version, cancellationToken), "Grant.Admin.PublishedFlash", cancellationToken);

    public Task<IActionResult> OnPostAwardAsync(int id, long version, CancellationToken cancellationToken) =>
        ActAsync(id, round => decisions.AwardAsync(round, version, Opinion, cancellationToken), "Grant.Admin.AwardedFlash", cancellationToken);

    public Task<IActionResult> OnPostSignOffAsync(int id, SignOffStep step, long version, CancellationToken cancellationToken) =>
        ActAsync(id, round => decisions.SignOffAsync(round, step, Opinion, version, cancellationToken), "Grant.SignOff.SignedFlash", cancellationToken);

    public async Task<IActionResult> OnPostCutAsync(int id, int applicationId, string? cutTo, string? reason, long version, CancellationToken cancellationToken)
    {
        long? fen = null;
        if (!string.IsNullOrWhiteSpace(cutTo))
        {
            if (!moneyLimits.TryParse(cutTo, MoneyField.GrantAward, out var money, out var error))
            {
                ModelState.AddModelError(string.Empty, localizer[error == Money.ErrorTooLarge ? error : "Grant.Error.Money"]);
                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
            }

            fen = money.Fen;
        }

        return await ActAsync(id, async _ => await applications.FindAsync(applicationId, cancellationToken) is { } application && application.RoundId == id
            ? await decisions.CutAsync(application, fen, reason, version, cancellationToken)
            : OperationResult.Fail("", "Grant.Error.WrongState"), "Grant.Admin.CutFlash", cancellationToken);
    }

    private Task<IActionResult> ActAsync(int id, Func<GrantRound, Task<OperationResult>> action, string flash, CancellationToken cancellationToken) =>
        this.StepAsync(() => rounds.FindAsync(id, cancellationToken), action, localizer,
            new StepOutcome(flash, () => RedirectToPage("/Admin/Round", new { area = "Grants", id })),
            () => LoadAsync(id, cancellationToken));

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(id, cancellationToken) is not { } round)
        {
            return false;
        }

        Round = round;
        Applications = await applications.OfRoundAsync(id, cancellationToken);
        Pool = await reviews.PoolAsync(id, cancellationToken);
        Results = await decisions.ResultsAsync(round, cancellationToken);
        Figures = (await figures.ForRoundAsync(id, cancellationToken))!;
        Chain = await decisions.ChainAsync(cancellationToken);
        SignOffEntries = await decisions.SignOffEntriesAsync(round, cancellationToken);
        Waiting = round.Stage == RoundStage.Shortlisted ? Chain.Waiting(SignOffEntries) : null;
        return true;
    }

    public static string Score(decimal? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "—";
}
