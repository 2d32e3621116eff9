using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Ratings.Contracts;
using Registry.Grants.Contracts;

namespace Registry.Grants.Services;

/// <summary>A budget line as the form gives it (amounts already parsed to fen).</summary>
public sealed record BudgetLineInput(BudgetCategory Category, string Item, long RequestedFen, long MatchingFen);

/// <summary>What the applicant fills in; a draft may be incomplete.</summary>
public sealed record ProjectInput(
    string Title,
    string Summary,
    string Category,
    string Beneficiaries,
    int BeneficiaryCount,
    string Location,
    DateOnly? StartOn,
    DateOnly? EndOn,
    string Need,
    string Objectives,
    IReadOnlyList<ProjectIndicator> Indicators,
    string ActivityPlan,
    string Team,
    string Partners,
    bool NoOtherGovernmentFunding,
    IReadOnlyList<BudgetLineInput> Lines,
    bool NoMajorViolation = false,
    OrganizationFacts? Facts = null);

/// <summary>Eligibility settings of every round (section <c>Registry:Grants:Eligibility</c>).</summary>
public sealed class GrantEligibilityOptions
{
    public const string Section = "Registry:Grants:Eligibility";

    /// <summary>
    /// Years before today within which a penalty decision makes an applicant ineligible (0: not checked). Three by
    /// default, like the fund's other look-backs (major violations, earlier breaches) and the credit lists' "two penalties
    /// within three years".
    /// </summary>
    public int PenaltyYears { get; set; } = 3;
}

/// <summary>The organization's side (start, draft, submit with receipt) and the officer's screening (初筛) with the eligibility report.</summary>
public sealed class GrantApplicationService(
    DbContext db,
    IOrganizationRegister register,
    IOrganizationStandings standings,
    Supervision.Contracts.IPenaltyRecords penalties,
    Microsoft.Extensions.Options.IOptions<GrantEligibilityOptions> eligibility,
    IOrganizationGrades grades,
    IAnnualReportFacts reportFacts,
    IOrganizationNotifier organizations,
    RoundService rounds,
    StreetRecommendationService streets,
    IAuditTrail audit,
    ICurrentActor actor,
    TimeProvider clock)
{
    public const int MaxLines = 40;

    public Task<GrantApplication?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<GrantApplication>().Include(a => a.BudgetLines.OrderBy(l => l.Position)).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<GrantRound> RoundOfAsync(GrantApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return db.Set<GrantRound>().AsNoTracking().SingleAsync(r => r.Id == application.RoundId, cancellationToken);
    }

    /// <summary>Applications of the given organizations, newest first.</summary>
    public Task<List<GrantApplication>> OfOrganizationsAsync(IReadOnlyCollection<int> organizationIds, CancellationToken cancellationToken) =>
        db.Set<GrantApplication>().AsNoTracking().Where(a => organizationIds.Contains(a.OrganizationId)).OrderByDescending(a => a.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>The round's applications (drafts left out), in the order they came in.</summary>
    public Task<List<GrantApplication>> OfRoundAsync(int roundId, CancellationToken cancellationToken) =>
        db.Set<GrantApplication>().AsNoTracking().Where(a => a.RoundId == roundId && a.State != GrantState.Draft)
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);

    public static IReadOnlyList<ProjectIndicator> Indicators(GrantApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return JsonSerializer.Deserialize<List<ProjectIndicator>>(application.IndicatorsJson) ?? [];
    }

    public static IReadOnlyList<EligibilityCheck> Report(GrantApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return JsonSerializer.Deserialize<List<EligibilityCheck>>(application.EligibilityJson) ?? [];
    }

    /// <summary>Starts a draft project for the organization in a round whose call is open.</summary>
    public async Task<(OperationResult Result, GrantApplication? Application)> StartAsync(int roundId, int organizationId, CancellationToken cancellationToken)
    {
        var round = await db.Set<GrantRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (round is null || !RoundWorkflow.AcceptsSubmissions(round, now))
        {
            return (OperationResult.Fail("", round is null || round.Stage == RoundStage.Open ? "Grant.Error.CallClosed" : "Grant.Error.ScreeningStarted"), null);
        }

        var organization = await register.FindAsync(organizationId, cancellationToken);
        if (organization is null)
        {
            return (OperationResult.Fail("", "Grant.Error.NoOrganization"), null);
        }

        // Starting again opens the draft this account started for the organization in the round and never saved (its row
        // version is still the inserted one: a save on the same clock instant as the start still counts as touched).
        if (await UntouchedDraftAsync(roundId, organizationId, cancellationToken) is { } untouched)
        {
            return (OperationResult.Ok, untouched);
        }

        var application = new GrantApplication
        {
            RoundId = roundId,
            OrganizationId = organizationId,
            OrganizationName = organization.Name,
            Street = organization.Street,
            ApplicantUserId = actor.UserId,
            FactsJson = (await PrefillAsync(organization, cancellationToken)).ToJson(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(application);
        audit.Record("grants.application-started", nameof(GrantApplication), "new", $"{organization.Name} in {round.Name}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second start at the same moment (a double click in the call's last minute): the unique index on untouched
            // drafts let the other one in, and this start opens it, as a start after it would.
            db.ChangeTracker.Clear();
            if (await UntouchedDraftAsync(roundId, organizationId, cancellationToken) is { } other)
            {
                return (OperationResult.Ok, other);
            }

            throw;
        }

        return (OperationResult.Ok, application);
    }

    /// <summary>The draft this account started for the organization in the round and never saved (at most one: a unique index).</summary>
    private Task<GrantApplication?> UntouchedDraftAsync(int roundId, int organizationId, CancellationToken cancellationToken) =>
        db.Set<GrantApplication>()
            .Where(a => a.RoundId == roundId && a.OrganizationId == organizationId && a.ApplicantUserId == actor.UserId && a.State == GrantState.Draft && a.Version == 0)
            .OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The organization's facts as the register (founding), its latest filed annual report (people, last income and
    /// expenditure) and the ratings (grade today; 0 for none) have them: the application opens with them, editable.
    /// </summary>
    public async Task<ApplicationFacts> PrefillAsync(OrganizationSummary organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var report = await reportFacts.LatestAsync(organization.Id, cancellationToken);
        var grade = await grades.CurrentAsync(organization.Id, ChinaTime.Today(clock), cancellationToken);
        return ApplicationFacts.From(
            new OrganizationFacts(organization.FoundedOn, report?.IndividualMembers + report?.UnitMembers, report?.FullTimeStaff + report?.PartTimeStaff, report?.Volunteers, report?.IncomeFen, report?.ExpenditureFen, grade?.Grade ?? 0),
            report?.Year);
    }

    /// <summary>Saves the draft (autosave and the save button): incomplete is fine, too long or malformed is not.</summary>
    public async Task<OperationResult> SaveDraftAsync(GrantApplication application, ProjectInput input, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(input);
        if (application.State != GrantState.Draft)
        {
            return OperationResult.Fail("", "Grant.Error.NotEditable");
        }

        var errors = ShapeErrors(input);
        if (input.Facts is { } facts)
        {
            errors.AddRange(OrganizationFactRules.Errors(facts, ChinaTime.Today(clock)));
        }

        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        db.ExpectVersion(application, seenVersion);
        Apply(application, input);
        application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// Submits before the round's closing instant (server time): the project complete, the budget within the rules. The
    /// applicant gets a receipt; a submission accepted here is committed before the answer goes back.
    /// <paramref name="receivedAt"/>: when the request came in (the page's), so waiting for the database under load does
    /// not push a submission past the closing instant; now when not given.
    /// </summary>
    public async Task<OperationResult> SubmitAsync(GrantApplication application, long seenVersion, CancellationToken cancellationToken, DateTime? receivedAt = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (GrantWorkflow.Next(application.State, GrantTrigger.Submit) is null)
        {
            return OperationResult.Fail("", "Grant.Error.AlreadySubmitted");
        }

        var round = await RoundOfAsync(application, cancellationToken);
        var now = receivedAt ?? clock.GetUtcNow().UtcDateTime;
        if (!RoundWorkflow.AcceptsSubmissions(round, now))
        {
            return OperationResult.Fail("", round.Stage == RoundStage.Open ? "Grant.Error.CallClosed" : "Grant.Error.ScreeningStarted");
        }

        // What screening would refuse for a missing declaration is refused here, before the application goes in.
        var errors = CompletenessErrors(application).Concat(DeclarationErrors(round.Eligibility, application)).Concat(BudgetRules.Check(round, application)).ToList();
        // The round's required documents (项目预算表, 机构章程 …), all named in one message.
        var attached = await db.Set<ApplicationAttachment>().Where(a => a.ApplicationId == application.Id).Select(a => a.DocumentName).ToListAsync(cancellationToken);
        if (AttachmentRules.Missing(round.RequiredDocumentNames, attached) is { Count: > 0 } missing)
        {
            errors.Add(new FormError("Attachments", "Grant.Attachment.Error.Missing", string.Join("、", missing)));
        }
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        db.ExpectVersion(application, seenVersion);
        application.EligibilityJson = JsonSerializer.Serialize(await CheckAsync(round, application, cancellationToken));
        if (Transition(application, GrantTrigger.Submit, $"{application.OrganizationName}: {application.Title}") is { } refused)
        {
            return refused;
        }

        application.SubmittedAt = now;
        application.UpdatedAt = now;
        // The street as the register has it when the application goes in: its office recommends (推荐意见).
        application.Street = (await register.FindAsync(application.OrganizationId, cancellationToken))?.Street ?? application.Street;
        await organizations.NotifyAsync(application.OrganizationId, "Grant.Received", Values(application), GrantLinks.Application(application.Id), cancellationToken);
        await streets.NotifyArrivedAsync(application, cancellationToken);

        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// The eligibility report now, from the register, the inspections and the grades (contracts only), with the
    /// application's declarations or, to preview what the register alone says, the given ones.
    /// </summary>
    public async Task<IReadOnlyList<EligibilityCheck>> CheckAsync(GrantRound round, GrantApplication application, CancellationToken cancellationToken, ApplicantDeclarations? declared = null)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(application);
        var organization = await register.FindAsync(application.OrganizationId, cancellationToken)
            ?? throw new InvalidOperationException($"organization {application.OrganizationId} not found");
        var today = ChinaTime.Today(clock);
        var standing = await standings.GetAsync(application.OrganizationId, cancellationToken);
        var grade = await grades.CurrentAsync(application.OrganizationId, today, cancellationToken);
        return GrantEligibility.Check(round.Eligibility, organization, standing, grade?.Grade ?? 0,
            declared ?? new ApplicantDeclarations(application.NoOtherGovernmentFunding, application.NoMajorViolation), await BreachesAsync(application.OrganizationId, cancellationToken), today,
            await penalties.HistoryAsync(application.OrganizationId, cancellationToken), eligibility.Value.PenaltyYears);
    }

    /// <summary>
    /// The days the organization's earlier agreements of any round ended in breach (final evaluation failed, at closure)
    /// or got a refund demand (for <see cref="GrantEligibility.BreachCheck"/>).
    /// </summary>
    public async Task<IReadOnlyList<DateOnly>> BreachesAsync(int organizationId, CancellationToken cancellationToken)
    {
        var agreements = db.Set<GrantAgreement>().AsNoTracking().Where(a => a.OrganizationId == organizationId);
        var failed = await agreements.Where(a => a.Result == EvaluationOutcome.Fail && a.ClosedOn != null).Select(a => a.ClosedOn!.Value).ToListAsync(cancellationToken);
        var refunds = await db.Set<GrantRefund>().AsNoTracking().Where(r => agreements.Any(a => a.Id == r.AgreementId)).Select(r => r.RequiredOn).ToListAsync(cancellationToken);
        return [.. failed.Concat(refunds)];
    }

    /// <summary>The declarations the round's rules ask for, each required at submission (screening would fail the application without it).</summary>
    internal static IEnumerable<FormError> DeclarationErrors(EligibilityRules rules, GrantApplication application)
    {
        if (rules.NoDoubleFunding && !application.NoOtherGovernmentFunding)
        {
            yield return new FormError("NoOtherFunding", "Grant.Error.DeclarationRequired", "Grant.Field.NoOtherFunding");
        }

        if (rules.MajorViolationYears > 0 && !application.NoMajorViolation)
        {
            yield return new FormError("NoMajorViolation", "Grant.Error.DeclarationRequired", "Grant.Field.NoMajorViolation");
        }
    }

    /// <summary>
    /// The officer passes or fails a submitted application (初筛); a fail names the rule (and <see cref="GrantEligibility.Other"/>
    /// needs a note). The report is rebuilt at screening time; the applicant is notified.
    /// </summary>
    public async Task<OperationResult> ScreenAsync(GrantApplication application, bool pass, string? rule, string? note, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (!GrantWorkflow.CanScreen(application.State))
        {
            return OperationResult.Fail("", "Grant.Error.WrongState");
        }

        if (application.State == GrantState.Passed && await db.Set<ReviewAssignment>().AnyAsync(a => a.ApplicationId == application.Id, cancellationToken))
        {
            return OperationResult.Fail("", "Grant.Error.InReview");
        }

        var round = await db.Set<GrantRound>().SingleAsync(r => r.Id == application.RoundId, cancellationToken);
        var report = await CheckAsync(round, application, cancellationToken);
        if (!pass)
        {
            if (string.IsNullOrEmpty(rule) || !(rule == GrantEligibility.Other || report.Any(c => c.Key == rule)))
            {
                return OperationResult.Fail("Rule", "Grant.Error.FailNeedsRule");
            }

            if (rule == GrantEligibility.Other && string.IsNullOrWhiteSpace(note))
            {
                return OperationResult.Fail("Note", "Validation.Required", "Grant.Field.ScreeningNote");
            }
        }
        else if (report.Any(c => !c.Passed) && string.IsNullOrWhiteSpace(note))
        {
            // Passing against a failed check is the officer's call, with the reason on record.
            return OperationResult.Fail("Note", "Grant.Error.OverrideReason");
        }

        if (note?.Length > 2000)
        {
            return OperationResult.Fail("Note", "Validation.MaxLength", "Grant.Field.ScreeningNote", 2000);
        }

        // The first screening decision ends the call for everyone (no submission is accepted once screening started).
        if (round.Stage == RoundStage.Open && rounds.Transition(round, RoundTrigger.StartScreening) is { } refused)
        {
            return refused;
        }

        db.ExpectVersion(application, seenVersion);
        application.EligibilityJson = JsonSerializer.Serialize(report);
        var screeningNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (Transition(application, pass ? GrantTrigger.ScreenIn : GrantTrigger.ScreenOut,
            $"{application.OrganizationName}: {application.Title}{(pass ? "" : " — " + rule)}{(screeningNote is { } n ? ": " + n : "")}") is { } wrong)
        {
            return wrong;
        }

        application.ScreeningRule = pass ? null : rule;
        application.ScreeningNote = screeningNote;
        application.ScreenedBy = actor.Name;
        application.ScreenedAt = clock.GetUtcNow().UtcDateTime;
        application.UpdatedAt = application.ScreenedAt.Value;
        await organizations.NotifyAsync(application.OrganizationId, pass ? "Grant.Passed" : "Grant.Failed", Values(application), GrantLinks.Application(application.Id), cancellationToken);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    private static List<FormError> ShapeErrors(ProjectInput input)
    {
        var errors = new List<FormError>();
        void Max(string field, string? value, int max, string label)
        {
            if (value?.Length > max)
            {
                errors.Add(new FormError(field, "Validation.MaxLength", label, max));
            }
        }

        Max("Title", input.Title, 200, "Grant.Field.Title");
        Max("Summary", input.Summary, 2000, "Grant.Field.Summary");
        Max("Beneficiaries", input.Beneficiaries, 500, "Grant.Field.Beneficiaries");
        Max("Location", input.Location, 200, "Grant.Field.Location");
        Max("Need", input.Need, 5000, "Grant.Field.Need");
        Max("Objectives", input.Objectives, 5000, "Grant.Field.Objectives");
        Max("ActivityPlan", input.ActivityPlan, 8000, "Grant.Field.ActivityPlan");
        Max("Team", input.Team, 3000, "Grant.Field.Team");
        Max("Partners", input.Partners, 3000, "Grant.Field.Partners");
        if (input.BeneficiaryCount < 0)
        {
            errors.Add(new FormError("BeneficiaryCount", "Grant.Error.Positive", "Grant.Field.BeneficiaryCount"));
        }

        if (input.StartOn is { } start && input.EndOn is { } end && end < start)
        {
            errors.Add(new FormError("EndOn", "Grant.Error.EndBeforeStart"));
        }

        if (input.Lines.Count > MaxLines || input.Indicators.Count > 20)
        {
            errors.Add(new FormError("", "Grant.Error.TooManyRows", MaxLines));
        }

        for (var i = 0; i < input.Lines.Count; i++)
        {
            Max($"Lines[{i}].Item", input.Lines[i].Item, 200, "Grant.Field.Item");
            if (input.Lines[i].RequestedFen < 0 || input.Lines[i].MatchingFen < 0)
            {
                errors.Add(new FormError($"Lines[{i}].Requested", "Grant.Error.LineNegative", i + 1));
            }
        }

        return errors;
    }

    private static IEnumerable<FormError> CompletenessErrors(GrantApplication application)
    {
        (string Field, string Label, bool Missing)[] required =
        [
            ("Title", "Grant.Field.Title", application.Title.Length == 0),
            ("Summary", "Grant.Field.Summary", application.Summary.Length == 0),
            ("Beneficiaries", "Grant.Field.Beneficiaries", application.Beneficiaries.Length == 0 || application.BeneficiaryCount <= 0),
            ("Location", "Grant.Field.Location", application.Location.Length == 0),
            ("Need", "Grant.Field.Need", application.Need.Length == 0),
            ("Objectives", "Grant.Field.Objectives", application.Objectives.Length == 0),
            ("Indicators", "Grant.Field.Indicators", Indicators(application).Count == 0),
            ("ActivityPlan", "Grant.Field.ActivityPlan", application.ActivityPlan.Length == 0),
            ("Team", "Grant.Field.Team", application.Team.Length == 0),
        ];
        return required.Where(r => r.Missing).Select(r => new FormError(r.Field, "Validation.Required", r.Label));
    }

    private void Apply(GrantApplication application, ProjectInput input)
    {
        application.Title = input.Title.Trim();
        application.Summary = input.Summary.Trim();
        application.Category = input.Category.Trim();
        application.Beneficiaries = input.Beneficiaries.Trim();
        application.BeneficiaryCount = input.BeneficiaryCount;
        application.Location = input.Location.Trim();
        application.StartOn = input.StartOn;
        application.EndOn = input.EndOn;
        application.Need = input.Need.Trim();
        application.Objectives = input.Objectives.Trim();
        application.IndicatorsJson = JsonSerializer.Serialize(input.Indicators.Where(i => i.Name.Trim().Length > 0).Select(i => i with { Name = i.Name.Trim(), Target = i.Target.Trim() }).ToList());
        application.ActivityPlan = input.ActivityPlan.Trim();
        application.Team = input.Team.Trim();
        application.Partners = input.Partners.Trim();
        application.NoOtherGovernmentFunding = input.NoOtherGovernmentFunding;
        application.NoMajorViolation = input.NoMajorViolation;
        if (input.Facts is { } facts)
        {
            // What was pre-filled stays beside what is stated, so each value shows its source until changed.
            application.FactsJson = (ApplicationFacts.Read(application.FactsJson) with { Stated = facts }).ToJson();
        }

        db.Set<BudgetLine>().RemoveRange(application.BudgetLines);
        application.BudgetLines = [.. input.Lines.Select((l, i) => new BudgetLine { Position = i, Category = l.Category, Item = l.Item.Trim(), RequestedFen = l.RequestedFen, MatchingFen = l.MatchingFen })];
        var totals = BudgetRules.Totals(application.BudgetLines);
        application.RequestedFen = totals.RequestedFen;
        application.MatchingFen = totals.MatchingFen;
    }

    /// <summary>
    /// The one way an application changes state: through <see cref="GrantWorkflow"/>, recording the audit entry on the
    /// tracked application; saved by the caller. Returns the refusal, or null when done.
    /// </summary>
    public OperationResult? Transition(GrantApplication application, GrantTrigger trigger, string detail)
    {
        ArgumentNullException.ThrowIfNull(application);
        var from = application.State;
        if (GrantWorkflow.Next(from, trigger) is not { } to)
        {
            return OperationResult.Fail("", "Grant.Error.WrongState");
        }

        application.State = to;
        application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(AuditAction(trigger), nameof(GrantApplication), Id(application), detail);
        return null;
    }

    private static string AuditAction(GrantTrigger trigger) => trigger switch
    {
        GrantTrigger.Submit => "grants.application-submitted",
        GrantTrigger.ScreenIn => "grants.screened-in",
        GrantTrigger.ScreenOut => "grants.screened-out",
        GrantTrigger.Shortlist => "grants.application-shortlisted",
        GrantTrigger.PassOver => "grants.application-not-selected",
        GrantTrigger.Withdraw => "grants.withdrawn",
        GrantTrigger.Award => "grants.application-awarded",
        _ => "grants.application-" + trigger.ToString().ToLowerInvariant(),
    };

    internal static string Id(GrantApplication application) => application.Id.ToString(CultureInfo.InvariantCulture);

    internal static Dictionary<string, string> Values(GrantApplication application) => new()
    {
        ["organization"] = application.OrganizationName,
        ["title"] = application.Title,
        ["receipt"] = application.ReceiptNumber,
        ["amount"] = new Money(application.AwardedFen ?? application.AllocatedFen ?? application.RequestedFen).Format(),
    };
}
