using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Calendar;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Organizations.Contracts;
using Registry.Supervision.Domain;

namespace Registry.Supervision.Services;

/// <summary>Spot-check settings (section <c>Registry:Supervision:Checks</c>).</summary>
public sealed class CheckOptions
{
    /// <summary>Working days after a check's result within which it must be made public (一公开; a local rule, 20 by default).</summary>
    public int PublishWorkingDays { get; set; } = 20;
}

/// <summary>A plan as typed by an officer; inspectors one a line as "name" or "name|account email".</summary>
public sealed record PlanInput(int Year, int? Quarter, string Title, string? Types, string? Streets, int? MinGrade, StandingFilter Standing, decimal? SharePercent, int? DrawCount, StrataBy Strata, int InspectorsPerCheck, string? Items);

/// <summary>双随机、一公开 plans: prepare, commit (population frozen, seed committed), draw (seed revealed), record and publish results.</summary>
public sealed class PlanService(
    DbContext db,
    IOrganizationRegister register,
    ICalendarProvider calendars,
    CheckOptions options,
    CaseService cases,
    IAuditTrail audit,
    TimeProvider clock)
{
    public const string AuditEntity = "InspectionPlan";

    public Task<InspectionPlan?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<InspectionPlan>().Include(p => p.Population).Include(p => p.Inspectors).Include(p => p.Checks).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public static IReadOnlyList<FormError> Check(PlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FormError>();
        if (input.Year is < 2000 or > 2099)
        {
            errors.Add(new FormError("Year", "Sup.Error.Year"));
        }

        if (input.Quarter is < 1 or > 4)
        {
            errors.Add(new FormError("Quarter", "Sup.Error.Quarter"));
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > Complaint.MaxShort)
        {
            errors.Add(new FormError("Title", "Validation.Required", "Sup.Field.Title"));
        }

        if ((input.SharePercent is null) == (input.DrawCount is null) || input.SharePercent is <= 0 or > 100 || input.DrawCount is <= 0 or > 100_000)
        {
            errors.Add(new FormError("SharePercent", "Sup.Error.ShareOrCount"));
        }

        if (input.MinGrade is < 1 or > 5)
        {
            errors.Add(new FormError("MinGrade", "Sup.Error.Grade"));
        }

        if (input.InspectorsPerCheck is < 1 or > 10)
        {
            errors.Add(new FormError("InspectorsPerCheck", "Sup.Error.InspectorsPerCheck"));
        }

        if (!Enum.IsDefined(input.Strata) || !Enum.IsDefined(input.Standing))
        {
            errors.Add(new FormError("Strata", "Validation.Required", "Sup.Field.Strata"));
        }

        if (input.Items is { Length: > InspectionPlan.MaxText } || input.Types is { Length: > 200 } || input.Streets is { Length: > 500 })
        {
            errors.Add(new FormError("Items", "Validation.MaxLength", "Sup.Field.Items", InspectionPlan.MaxText));
        }

        return errors;
    }

    public async Task<(InspectionPlan? Plan, OperationResult Result)> CreateAsync(PlanInput input, IReadOnlyList<(string Name, string? UserId, bool External)> inspectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inspectors);
        var errors = Check(input).ToList();
        if (inspectors.Count < input.InspectorsPerCheck)
        {
            errors.Add(new FormError("Inspectors", "Sup.Error.PoolTooSmall", input.InspectorsPerCheck));
        }

        if (errors.Count > 0)
        {
            return (null, new OperationResult(errors));
        }

        var plan = new InspectionPlan
        {
            Year = input.Year,
            Quarter = input.Quarter,
            Title = input.Title.Trim(),
            Types = Normalize(input.Types),
            Streets = Normalize(input.Streets),
            MinGrade = input.MinGrade,
            Standing = input.Standing,
            SharePercent = input.SharePercent,
            DrawCount = input.DrawCount,
            Strata = input.Strata,
            InspectorsPerCheck = input.InspectorsPerCheck,
            Items = input.Items?.Trim() ?? "",
            State = PlanState.Draft,
            Inspectors = [.. inspectors.Select((i, n) => new PlanInspector { Key = string.Create(CultureInfo.InvariantCulture, $"I{n + 1:000}"), Name = i.Name.Trim(), UserId = i.UserId, External = i.External })],
        };
        db.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("supervision.plan.created", AuditEntity, Id(plan), plan.Title);
        await db.SaveChangesAsync(cancellationToken);
        return (plan, OperationResult.Ok);
    }

    /// <summary>The population the plan's filters select from the register now: active organizations with a code, sorted by code.</summary>
    public async Task<IReadOnlyList<DrawCandidate>> SelectPopulationAsync(InspectionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var types = Split(plan.Types);
        var streets = Split(plan.Streets);
        var population = new List<DrawCandidate>();
        await foreach (var o in register.ListingsAsync(null, cancellationToken))
        {
            var code = o.CreditCode ?? o.FilingNumber;
            if (o.Status != OrganizationCodes.Active || string.IsNullOrEmpty(code)
                || (types.Count > 0 && !types.Contains(o.TypeCode))
                || (streets.Count > 0 && !streets.Contains(o.Street))
                || (plan.MinGrade is { } min && o.Grade < min)
                || (plan.Standing != StandingFilter.Any && o.Standing.ToString() != plan.Standing.ToString()))
            {
                continue;
            }

            var stratum = plan.Strata switch
            {
                StrataBy.Type => o.TypeCode,
                StrataBy.Street => string.IsNullOrEmpty(o.Street) ? OrganizationCodes.NoStreet : o.Street,
                StrataBy.Grade => o.Grade.ToString(CultureInfo.InvariantCulture),
                _ => "",
            };
            population.Add(new DrawCandidate(o.Id, code, o.Name, stratum));
        }

        return [.. population.OrderBy(c => c.Code, StringComparer.Ordinal)];
    }

    /// <summary>Freezes the population and commits to a fresh seed (its SHA-256 is published); nothing of the plan may change afterwards.</summary>
    public async Task<OperationResult> CommitAsync(InspectionPlan plan, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.State != PlanState.Draft)
        {
            return OperationResult.Fail("", "Sup.Error.PlanNotDraft");
        }

        var population = await SelectPopulationAsync(plan, cancellationToken);
        if (population.Count == 0)
        {
            return OperationResult.Fail("", "Sup.Error.EmptyPopulation");
        }

        db.ExpectVersion(plan, seenVersion);
        var seed = RandomDraw.NewSeed();
        plan.Seed = seed;
        plan.SeedCommitment = RandomDraw.Commitment(seed);
        plan.PopulationHash = RandomDraw.Hash(RandomDraw.PopulationText(population));
        plan.Population = [.. population.Select(c => new PlanPopulationMember { OrganizationId = c.OrganizationId, Code = c.Code, Name = c.Name, Stratum = c.Stratum })];
        plan.State = PlanState.Committed;
        plan.CommittedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("supervision.plan.committed", AuditEntity, Id(plan), $"{plan.Title}: {population.Count} organizations, commitment {plan.SeedCommitment}");
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// Draws (see <see cref="RandomDraw"/>) from the frozen population with the committed seed, then gives each drawn
    /// organization its inspectors, skipping pool members linked to it: by account (the register's members) or by being its
    /// legal representative (the register's people).
    /// </summary>
    public async Task<OperationResult> DrawAsync(InspectionPlan plan, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.State != PlanState.Committed || plan.Seed is null)
        {
            return OperationResult.Fail("", "Sup.Error.PlanNotCommitted");
        }

        var population = plan.Population.Select(m => new DrawCandidate(m.OrganizationId, m.Code, m.Name, m.Stratum)).ToList();
        var total = plan.DrawCount is { } count ? Math.Min(count, population.Count) : RandomDraw.CountForShare(population.Count, plan.SharePercent ?? 0);
        var drawn = RandomDraw.Draw(plan.Seed, population, total);
        var ids = drawn.Select(d => d.Candidate.OrganizationId).ToList();
        var accounts = await register.UsersOfOrganizationsAsync(ids, cancellationToken);
        var representatives = new Dictionary<int, string>();
        await foreach (var listing in register.ListingsAsync(ids, cancellationToken))
        {
            representatives[listing.Id] = listing.LegalRepresentative;
        }

        var pool = plan.Inspectors.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => new PoolMember(i.Key, i.Name, i.UserId)).ToList();
        db.ExpectVersion(plan, seenVersion);
        foreach (var d in drawn)
        {
            var orgId = d.Candidate.OrganizationId;
            var assignment = RandomDraw.AssignInspectors(plan.Seed, d.Candidate.Code, pool, plan.InspectorsPerCheck, m =>
                (m.UserId is not null && accounts[orgId].Contains(m.UserId))
                || (representatives.TryGetValue(orgId, out var rep) && !string.IsNullOrWhiteSpace(rep) && string.Equals(rep.Trim(), m.Name.Trim(), StringComparison.Ordinal)));
            if (assignment.Incomplete)
            {
                db.ChangeTracker.Clear();
                return OperationResult.Fail("", "Sup.Error.PoolTooSmallFor", d.Candidate.Name);
            }

            plan.Checks.Add(new SpotCheck
            {
                OrganizationId = orgId,
                OrganizationName = d.Candidate.Name,
                Code = d.Candidate.Code,
                Stratum = d.Candidate.Stratum,
                Rank = d.Rank,
                RankKey = d.RankKey,
                InspectorKeys = string.Join(',', assignment.Assigned.Select(a => a.Key)),
                ExcludedKeys = string.Join(',', assignment.Excluded.Select(a => a.Key)),
            });
        }

        plan.State = PlanState.Drawn;
        plan.DrawnAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("supervision.plan.drawn", AuditEntity, Id(plan), $"{plan.Title}: {drawn.Count} of {population.Count}, seed {plan.Seed}");
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Records a check's items, findings and result; 移交立案 opens a penalty case from the finding.</summary>
    public async Task<OperationResult> RecordResultAsync(SpotCheck check, string? items, string? findings, CheckResult result, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!Enum.IsDefined(result))
        {
            return OperationResult.Fail("Result", "Validation.Required", "Sup.Field.Result");
        }

        if (check.Result is not null)
        {
            return OperationResult.Fail("", "Sup.Error.ResultRecorded");
        }

        if (result != CheckResult.NoProblem && string.IsNullOrWhiteSpace(findings))
        {
            return OperationResult.Fail("Findings", "Validation.Required", "Sup.Field.Findings");
        }

        if (items is { Length: > InspectionPlan.MaxText } || findings is { Length: > InspectionPlan.MaxText })
        {
            return OperationResult.Fail("Findings", "Validation.MaxLength", "Sup.Field.Findings", InspectionPlan.MaxText);
        }

        db.ExpectVersion(check, seenVersion);
        check.ItemsChecked = items?.Trim();
        check.Findings = findings?.Trim();
        check.Result = result;
        check.ResultOn = ChinaTime.Today(clock);
        audit.Record("supervision.check.result", nameof(SpotCheck), check.Id.ToString(CultureInfo.InvariantCulture), $"{check.OrganizationName}: {result}");
        var saved = await db.SaveOrConflictAsync(cancellationToken);
        if (!saved.Succeeded || result != CheckResult.CaseOpened)
        {
            return saved;
        }

        var (opened, filing) = await cases.FileAsync(new CaseFiling(check.OrganizationId, CaseSource.Check, check.Id, Cut(check.Findings!, PenaltyCase.MaxShort), null, check.Findings), cancellationToken);
        if (opened is null)
        {
            return filing;
        }

        check.CaseId = opened.Id;
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>Makes a recorded result public (一公开).</summary>
    public async Task<OperationResult> PublishAsync(SpotCheck check, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Result is null || check.PublishedOn is not null)
        {
            return OperationResult.Fail("", "Sup.Error.NothingToPublish");
        }

        db.ExpectVersion(check, seenVersion);
        check.PublishedOn = ChinaTime.Today(clock);
        audit.Record("supervision.check.published", nameof(SpotCheck), check.Id.ToString(CultureInfo.InvariantCulture), check.OrganizationName);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>The day a recorded result must be public by (derived when read).</summary>
    public async Task<DueDate?> PublishDueAsync(SpotCheck check, CancellationToken cancellationToken) =>
        check.ResultOn is { } on ? (await calendars.GetAsync(cancellationToken)).DueAfter(on, options.PublishWorkingDays) : null;

    public async Task<WorkingDayCalendar> CalendarAsync(CancellationToken cancellationToken) => await calendars.GetAsync(cancellationToken);

    public int PublishWorkingDays => options.PublishWorkingDays;

    internal static HashSet<string> Split(string? list) =>
        [.. (list ?? "").Split([',', '，', '、', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Normalize(string? list) => string.Join(',', Split(list).Order(StringComparer.Ordinal));

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    private static string Id(InspectionPlan plan) => plan.Id.ToString(CultureInfo.InvariantCulture);
}
