using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Cultivation.Domain;
using Registry.Inspections.Contracts;
using Registry.Notices.Contracts;
using Registry.Organizations.Contracts;
using Registry.Ratings.Contracts;

namespace Registry.Cultivation.Services;

/// <summary>What an officer's form says of a new call.</summary>
public sealed record CallInput(int Year, string? Title, DateOnly? OpensOn, DateOnly? ClosesOn, int MinimumGrade, bool RequireQualifiedInspection, bool ExcludeCreditListed);

/// <summary>Contracts of one year: how many and how much (fen).</summary>
public sealed record ContractYear(int Year, int Count, long AmountFen);

/// <summary>
/// The purchase-of-service recommended list (推荐性目录): yearly calls, applications checked against the register, the
/// grades and the credit lists (through their contracts), review, 公示 with objections and announcement (through the notices
/// contract), and the purchase contracts recorded against listed organizations. States change only through
/// <see cref="ServiceListWorkflow"/>.
/// </summary>
public sealed class ServiceListService(
    DbContext db,
    IOrganizationRegister register,
    IOrganizationGrades grades,
    IOrganizationStandings standings,
    INoticePublisher notices,
    ITextCatalog catalog,
    IAuditTrail audit,
    ICurrentActor actor,
    TimeProvider clock)
{
    private static readonly CultureInfo Bureau = CultureInfo.GetCultureInfo("zh-CN");

    public static string PublicityKey(int year) => "service-list-" + year.ToString(CultureInfo.InvariantCulture) + "-publicity";

    public static string AnnouncementKey(int year) => "service-list-" + year.ToString(CultureInfo.InvariantCulture) + "-announcement";

    public DateOnly Today => ChinaTime.Today(clock);

    public Task<List<ServiceListCall>> CallsAsync(CancellationToken cancellationToken) =>
        db.Set<ServiceListCall>().AsNoTracking().Include(c => c.Applications).OrderByDescending(c => c.Year).ToListAsync(cancellationToken);

    public Task<ServiceListCall?> FindCallAsync(int id, CancellationToken cancellationToken) =>
        db.Set<ServiceListCall>().Include(c => c.Applications).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>The call open for applications today, if any.</summary>
    public async Task<ServiceListCall?> OpenCallAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        return await db.Set<ServiceListCall>().AsNoTracking().Include(c => c.Applications)
            .Where(c => c.State == CallState.Open && c.OpensOn <= today && c.ClosesOn >= today).OrderByDescending(c => c.Year).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The latest announced list (the current directory), with its listed applications.</summary>
    public Task<ServiceListCall?> CurrentListAsync(CancellationToken cancellationToken) =>
        db.Set<ServiceListCall>().AsNoTracking().Include(c => c.Applications.Where(a => a.State == ServiceApplicationState.Listed))
            .Where(c => c.State == CallState.Announced).OrderByDescending(c => c.Year).FirstOrDefaultAsync(cancellationToken);

    public async Task<(ServiceListCall? Call, OperationResult Result)> CreateCallAsync(CallInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = ServiceListRules.ValidateCall(input.Year, input.Title, input.OpensOn, input.ClosesOn, input.MinimumGrade).ToList();
        if (errors.Count == 0 && await db.Set<ServiceListCall>().AnyAsync(c => c.Year == input.Year, cancellationToken))
        {
            errors.Add(new FormError("Year", "Cult.List.Error.YearExists", input.Year));
        }

        if (errors.Count > 0)
        {
            return (null, new OperationResult(errors));
        }

        var call = new ServiceListCall
        {
            Year = input.Year,
            Title = input.Title!.Trim(),
            OpensOn = input.OpensOn!.Value,
            ClosesOn = input.ClosesOn!.Value,
            MinimumGrade = input.MinimumGrade,
            RequireQualifiedInspection = input.RequireQualifiedInspection,
            ExcludeCreditListed = input.ExcludeCreditListed,
            State = CallState.Open,
        };
        db.Add(call);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("cultivation.service-list.opened", nameof(ServiceListCall), Id(call.Id), $"{call.Year}: {call.Title} ({call.OpensOn:yyyy-MM-dd}–{call.ClosesOn:yyyy-MM-dd})");
        await db.SaveChangesAsync(cancellationToken);
        return (call, OperationResult.Ok);
    }

    /// <summary>The applicant's facts through the register, the grades and the inspections' contracts.</summary>
    public async Task<ApplicantFacts> FactsAsync(ServiceListCall call, int organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var summary = await register.FindAsync(organizationId, cancellationToken);
        var grade = await grades.CurrentAsync(organizationId, Today, cancellationToken);
        var standing = await standings.GetAsync(organizationId, cancellationToken);
        return new ApplicantFacts(summary?.Status == OrganizationCodes.Active, grade?.Grade ?? 0, standing.OnAbnormalList || standing.OnSeriousList, standing.ResultOf(call.Year - 1));
    }

    /// <summary>An organization's application, by one of its accounts, while the call is open.</summary>
    public async Task<(ServiceListApplication? Application, OperationResult Result)> ApplyAsync(
        ServiceListCall call, int organizationId, string? userId, string? serviceField, string? services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (userId is null || !(await register.OrganizationsOfUserAsync(userId, cancellationToken)).Contains(organizationId))
        {
            return (null, OperationResult.Fail("OrganizationId", "Cult.List.Error.NotYourOrganization"));
        }

        var today = Today;
        if (call.State != CallState.Open || today < call.OpensOn || today > call.ClosesOn)
        {
            return (null, OperationResult.Fail("", "Cult.List.Error.CallClosed"));
        }

        return await SubmitAsync(call, organizationId, serviceField, services, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>
    /// Records an application after the form's and the eligibility checks: for an organization's account (<see cref="ApplyAsync"/>,
    /// which checks the account and the window first) or from a recipe's history of a past call.
    /// </summary>
    public async Task<(ServiceListApplication? Application, OperationResult Result)> SubmitAsync(
        ServiceListCall call, int organizationId, string? serviceField, string? services, DateTime submittedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.State != CallState.Open)
        {
            return (null, OperationResult.Fail("", "Cult.List.Error.CallClosed"));
        }

        var errors = new List<FormError>();
        var field = (serviceField ?? "").Trim();
        var text = (services ?? "").Trim();
        if (field.Length is 0 or > 50)
        {
            errors.Add(new FormError("ServiceField", "Cult.Error.Required", "Cult.List.Field.ServiceField"));
        }

        if (text.Length == 0)
        {
            errors.Add(new FormError("Services", "Cult.Error.Required", "Cult.List.Field.Services"));
        }
        else if (text.Length > ServiceListApplication.MaxText)
        {
            errors.Add(new FormError("Services", "Cult.Error.TooLong", "Cult.List.Field.Services", ServiceListApplication.MaxText));
        }

        if (errors.Count == 0 && await db.Set<ServiceListApplication>().AnyAsync(a => a.CallId == call.Id && a.OrganizationId == organizationId && a.ServiceField == field, cancellationToken))
        {
            errors.Add(new FormError("ServiceField", "Cult.List.Error.AlreadyApplied", field));
        }

        if (errors.Count == 0)
        {
            errors.AddRange(ServiceListRules.Eligibility(call, await FactsAsync(call, organizationId, cancellationToken)));
        }

        if (errors.Count > 0)
        {
            return (null, new OperationResult(errors));
        }

        var summary = (await register.FindAsync(organizationId, cancellationToken))!;
        var application = new ServiceListApplication
        {
            CallId = call.Id,
            OrganizationId = organizationId,
            OrganizationName = summary.Name,
            TypeCode = summary.TypeCode,
            ServiceField = field,
            Services = text,
            SubmittedAt = submittedAt,
            SubmittedBy = actor.Name,
            State = ServiceApplicationState.Submitted,
        };
        db.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("cultivation.service-list.applied", nameof(ServiceListApplication), Id(application.Id), $"{call.Year}: {summary.Name} ({field})");
        await db.SaveChangesAsync(cancellationToken);
        return (application, OperationResult.Ok);
    }

    /// <summary>Approve, reject (with a reason) or remove after an upheld objection (with a reason).</summary>
    public async Task<OperationResult> DecideAsync(ServiceListCall call, int applicationId, ServiceApplicationTrigger trigger, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var application = call.Applications.SingleOrDefault(a => a.Id == applicationId);
        if (application is null || trigger == ServiceApplicationTrigger.List || !ServiceListWorkflow.AllowedDuring(trigger, call.State)
            || ServiceListWorkflow.Next(application.State, trigger) is not { } next)
        {
            return OperationResult.Fail("", "Cult.List.Error.NotNow");
        }

        var reason = (note ?? "").Trim();
        if (trigger is ServiceApplicationTrigger.Reject or ServiceApplicationTrigger.Remove && reason.Length == 0)
        {
            return OperationResult.Fail("Note", "Cult.Error.Required", "Cult.List.Field.Note");
        }

        if (reason.Length > ServiceListApplication.MaxText)
        {
            return OperationResult.Fail("Note", "Cult.Error.TooLong", "Cult.List.Field.Note", ServiceListApplication.MaxText);
        }

        application.State = next;
        application.Note = reason.Length == 0 ? null : reason;
        audit.Record("cultivation.service-list." + trigger.ToString().ToLowerInvariant(), nameof(ServiceListApplication), Id(application.Id), $"{call.Year}: {application.OrganizationName} ({application.ServiceField}) {reason}".TrimEnd());
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>Moves the call on: close applications, publish for 公示 until <paramref name="publicityEnd"/>, announce after it.</summary>
    public Task<OperationResult> StepAsync(ServiceListCall call, CallTrigger trigger, DateOnly? publicityEnd, CancellationToken cancellationToken) =>
        StepOnAsync(call, trigger, Today, publicityEnd, cancellationToken);

    /// <summary>
    /// <see cref="StepAsync"/> as of <paramref name="today"/>: the officer's pages pass today, a recipe the day a past call
    /// moved on (the guards hold against that day, so a recorded history is as consistent as a live one).
    /// </summary>
    public async Task<OperationResult> StepOnAsync(ServiceListCall call, CallTrigger trigger, DateOnly today, DateOnly? publicityEnd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (ServiceListWorkflow.Next(call.State, trigger) is not { } next)
        {
            return OperationResult.Fail("", "Cult.List.Error.NotNow");
        }

        switch (trigger)
        {
            case CallTrigger.Close when today <= call.ClosesOn:
                return OperationResult.Fail("", "Cult.List.Error.StillOpen", call.ClosesOn.ToDateTime(TimeOnly.MinValue));
            case CallTrigger.Publish when call.Applications.Any(a => a.State == ServiceApplicationState.Submitted):
                return OperationResult.Fail("", "Cult.List.Error.Undecided");
            case CallTrigger.Publish when call.Applications.All(a => a.State != ServiceApplicationState.Approved):
                return OperationResult.Fail("", "Cult.List.Error.NoneApproved");
            case CallTrigger.Publish when publicityEnd is not { } end || end <= today:
                return OperationResult.Fail("PublicityEnd", "Cult.List.Error.PublicityEnd");
            case CallTrigger.Announce when call.PublicityEnd is { } end && today <= end:
                return OperationResult.Fail("", "Cult.List.Error.PublicityRunning", end.ToDateTime(TimeOnly.MinValue));
            default:
                break;
        }

        await using var transaction = await db.BeginOwnTransactionAsync(cancellationToken);
        call.State = next;
        if (trigger == CallTrigger.Publish)
        {
            call.PublicityStart = today;
            call.PublicityEnd = publicityEnd;
            call.PublicityNoticeId = await notices.PublishAsync(new NoticeDraft(
                nameof(Cultivation), PublicityKey(call.Year), Text("Cult.List.Notice.PublicityTitle", call.Year), NoticeKind.Announcement,
                Body(call, "Cult.List.Notice.PublicityIntro", ServiceApplicationState.Approved), today, publicityEnd, AcceptsObjections: true), cancellationToken);
        }
        else if (trigger == CallTrigger.Announce)
        {
            foreach (var application in call.Applications.Where(a => a.State == ServiceApplicationState.Approved))
            {
                application.State = ServiceListWorkflow.Next(application.State, ServiceApplicationTrigger.List)!.Value;
            }

            call.AnnouncedOn = today;
            call.AnnouncementNoticeId = await notices.PublishAsync(new NoticeDraft(
                nameof(Cultivation), AnnouncementKey(call.Year), Text("Cult.List.Notice.AnnouncementTitle", call.Year), NoticeKind.Announcement,
                Body(call, "Cult.List.Notice.AnnouncementIntro", ServiceApplicationState.Listed)), cancellationToken);
        }

        audit.Record("cultivation.service-list." + trigger.ToString().ToLowerInvariant(), nameof(ServiceListCall), Id(call.Id), $"{call.Year}: {next}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitOwnAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>The list as Markdown in the bureau's language: counts by type, then one row per organization and field.</summary>
    private string Body(ServiceListCall call, string introKey, ServiceApplicationState state)
    {
        var rows = call.Applications.Where(a => a.State == state).OrderBy(a => a.ServiceField, StringComparer.Ordinal).ThenBy(a => a.OrganizationName, StringComparer.Ordinal).ToList();
        var byType = rows.DistinctBy(a => a.OrganizationId).GroupBy(a => a.TypeCode).ToDictionary(g => g.Key, g => g.Count());
        var body = new StringBuilder()
            .AppendLine(Text(introKey, call.Year, byType.GetValueOrDefault(OrganizationCodes.SocialGroup), byType.GetValueOrDefault(OrganizationCodes.PrivateNonEnterprise), byType.GetValueOrDefault(OrganizationCodes.Foundation), call.PublicityEnd?.ToDateTime(TimeOnly.MinValue) ?? DateTime.MinValue))
            .AppendLine()
            .AppendLine("| " + Text("Cult.List.Field.ServiceField") + " | " + Text("Cult.Field.Organization") + " |")
            .AppendLine("|---|---|");
        foreach (var row in rows)
        {
            body.Append("| ").Append(Cell(row.ServiceField)).Append(" | ").Append(Cell(row.OrganizationName)).AppendLine(" |");
        }

        return body.ToString();
    }

    /// <summary>Records a purchase contract against an organization on an announced list.</summary>
    public async Task<(PurchaseContract? Contract, OperationResult Result)> RecordContractAsync(
        string? code, string? department, string? project, string? amount, DateOnly? startsOn, DateOnly? endsOn, CancellationToken cancellationToken)
    {
        var errors = new List<FormError>();
        long fen = 0;
        if (!Core.Finance.Money.TryParse(amount, out var money, out _))
        {
            errors.Add(new FormError("Amount", "Cult.List.Error.Amount"));
        }
        else
        {
            fen = money.Fen;
        }

        errors.AddRange(ServiceListRules.ValidateContract(department, project, fen, startsOn, endsOn).Where(e => e.Field != "Amount" || errors.All(x => x.Field != "Amount")));
        var trimmed = (code ?? "").Trim().ToUpperInvariant();
        var found = trimmed.Length is > 0 and <= 30 ? await register.FindByCodesAsync([trimmed], cancellationToken) : [];
        if (found.Count != 1)
        {
            errors.Add(new FormError("Code", "Cult.Error.UnknownCode", trimmed));
        }
        else if (!await db.Set<ServiceListApplication>().AnyAsync(a => a.OrganizationId == found[0].Id && a.State == ServiceApplicationState.Listed, cancellationToken))
        {
            errors.Add(new FormError("Code", "Cult.List.Error.NotListed", found[0].Name));
        }

        if (errors.Count > 0)
        {
            return (null, new OperationResult(errors));
        }

        var contract = new PurchaseContract
        {
            OrganizationId = found[0].Id,
            OrganizationName = found[0].Name,
            Department = department!.Trim(),
            Project = project!.Trim(),
            AmountFen = fen,
            StartsOn = startsOn!.Value,
            EndsOn = endsOn!.Value,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(contract);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("cultivation.contract.recorded", nameof(PurchaseContract), Id(contract.Id), $"{contract.Department} → {contract.OrganizationName}: {contract.Project}, {fen} fen");
        await db.SaveChangesAsync(cancellationToken);
        return (contract, OperationResult.Ok);
    }

    /// <summary>Contracts by the year they start, newest year first (a district records a few hundred a year: grouped here).</summary>
    public async Task<IReadOnlyList<ContractYear>> ContractTotalsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<PurchaseContract>().AsNoTracking().Select(c => new { c.StartsOn, c.AmountFen }).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.StartsOn.Year).Select(g => new ContractYear(g.Key, g.Count(), g.Sum(r => r.AmountFen))).OrderByDescending(y => y.Year)];
    }

    private string Text(string key, params object[] args) =>
        string.Format(new PluralFormat(Bureau), catalog.Find(key, Bureau) ?? key, args);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
