using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Cultivation.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Cultivation.Services;

/// <summary>What an officer's form says of a new base.</summary>
public sealed record BaseInput(string? Name, string? OperatorCode, string? Address, int? Capacity, DateOnly? OpenedOn);

/// <summary>What an officer's form says of an organization moving into a base.</summary>
public sealed record EntryInput(string? Name, string? Code, string? ServiceField, string? Mentor, DateOnly? EnteredOn, DateOnly? PlannedExitOn);

/// <summary>
/// Incubation bases (孵化基地) and the organizations they incubate: entry, incubation, graduation (出壳) or exit, and the
/// services given. Stays change state only through <see cref="IncubationWorkflow"/>; every decision is audited. The register
/// is asked through its contract (operators and graduates are linked by code).
/// </summary>
public sealed class IncubationService(DbContext db, IOrganizationRegister register, IAuditTrail audit, TimeProvider clock)
{
    public DateOnly Today => ChinaTime.Today(clock);

    public Task<List<IncubationBase>> BasesAsync(CancellationToken cancellationToken) =>
        db.Set<IncubationBase>().AsNoTracking().Include(b => b.Residents).OrderBy(b => b.OpenedOn).ThenBy(b => b.Id).ToListAsync(cancellationToken);

    public Task<IncubationBase?> FindBaseAsync(int id, CancellationToken cancellationToken) =>
        db.Set<IncubationBase>().Include(b => b.Residents).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);

    public Task<IncubatedOrganization?> FindStayAsync(int id, CancellationToken cancellationToken) =>
        db.Set<IncubatedOrganization>().Include(s => s.Services).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>Graduates, newest first, one page of them, and how many there are.</summary>
    public async Task<(IReadOnlyList<(IncubatedOrganization Stay, string BaseName)> Page, int Total)> GraduatesAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var graduates = db.Set<IncubatedOrganization>().AsNoTracking().Where(s => s.State == IncubationState.Graduated);
        var total = await graduates.CountAsync(cancellationToken);
        var page = await graduates.Join(db.Set<IncubationBase>(), s => s.BaseId, b => b.Id, (s, b) => new { Stay = s, b.Name })
            .OrderByDescending(p => p.Stay.ExitedOn).ThenBy(p => p.Stay.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return ([.. page.Select(p => (p.Stay, p.Name))], total);
    }

    /// <summary>Figures per year over every base (a district has a few bases and some dozens of stays a year).</summary>
    public async Task<IReadOnlyList<IncubationYear>> FiguresAsync(CancellationToken cancellationToken) =>
        IncubationFigures.ByYear(await db.Set<IncubatedOrganization>().AsNoTracking().ToListAsync(cancellationToken));

    public async Task<(IncubationBase? Base, OperationResult Result)> CreateBaseAsync(BaseInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = IncubationWorkflow.ValidateBase(input.Name, input.Address, input.Capacity, input.OpenedOn, Today).ToList();
        var name = (input.Name ?? "").Trim();
        if (errors.Count == 0 && await db.Set<IncubationBase>().AnyAsync(b => b.Name == name, cancellationToken))
        {
            errors.Add(new FormError("Name", "Cult.Inc.Error.BaseExists", name));
        }

        var operatorOrganization = await OrganizationAsync(input.OperatorCode, "OperatorCode", errors, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, new OperationResult(errors));
        }

        var created = new IncubationBase
        {
            Name = name,
            OperatorOrganizationId = operatorOrganization?.Id,
            OperatorName = operatorOrganization?.Name ?? "",
            Address = input.Address!.Trim(),
            Capacity = input.Capacity!.Value,
            OpenedOn = input.OpenedOn!.Value,
        };
        db.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("cultivation.incubation.base-opened", nameof(IncubationBase), Id(created.Id), $"{created.Name} ({created.OperatorName}, {created.Capacity})");
        await db.SaveChangesAsync(cancellationToken);
        return (created, OperationResult.Ok);
    }

    /// <summary>An organization moves into the base (入驻), while the base has a free place.</summary>
    public async Task<(IncubatedOrganization? Stay, OperationResult Result)> EnterAsync(IncubationBase incubationBase, EntryInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incubationBase);
        ArgumentNullException.ThrowIfNull(input);
        var errors = IncubationWorkflow.ValidateEntry(input.Name, input.ServiceField, input.Mentor, input.EnteredOn, input.PlannedExitOn, Today).ToList();
        var name = (input.Name ?? "").Trim();
        if (errors.Count == 0 && incubationBase.Residents.Count(r => IncubationWorkflow.InResidence(r.State)) >= incubationBase.Capacity)
        {
            errors.Add(new FormError("", "Cult.Inc.Error.Full", incubationBase.Capacity));
        }

        if (errors.Count == 0 && await db.Set<IncubatedOrganization>().AnyAsync(s => s.Name == name && (s.State == IncubationState.Entered || s.State == IncubationState.Incubating), cancellationToken))
        {
            errors.Add(new FormError("Name", "Cult.Inc.Error.AlreadyIn", name));
        }

        var organization = await OrganizationAsync(input.Code, "Code", errors, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, new OperationResult(errors));
        }

        var stay = new IncubatedOrganization
        {
            Name = name,
            OrganizationId = organization?.Id,
            ServiceField = input.ServiceField!.Trim(),
            Mentor = input.Mentor!.Trim(),
            EnteredOn = input.EnteredOn!.Value,
            PlannedExitOn = input.PlannedExitOn!.Value,
            State = IncubationState.Entered,
        };
        incubationBase.Residents.Add(stay);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("cultivation.incubation.entered", nameof(IncubatedOrganization), Id(stay.Id), $"{incubationBase.Name}: {stay.Name} ({stay.EnteredOn:yyyy-MM-dd}–{stay.PlannedExitOn:yyyy-MM-dd}, {stay.Mentor})");
        await db.SaveChangesAsync(cancellationToken);
        return (stay, OperationResult.Ok);
    }

    /// <summary>
    /// Starts incubation, graduates (with the register's code once registered or filed) or records an exit (with a reason),
    /// dated <paramref name="on"/> (from entry to today).
    /// </summary>
    public async Task<OperationResult> MoveAsync(IncubatedOrganization stay, IncubationTrigger trigger, DateOnly? on, string? code, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stay);
        if (IncubationWorkflow.Next(stay.State, trigger) is not { } next)
        {
            return OperationResult.Fail("", "Cult.List.Error.NotNow");
        }

        var errors = new List<FormError>();
        var text = (note ?? "").Trim();
        if (on is not { } day)
        {
            errors.Add(new FormError("On", "Cult.Error.Required", "Cult.Inc.Field.On"));
        }
        else if (day < stay.EnteredOn || day > Today)
        {
            errors.Add(new FormError("On", "Cult.Inc.Error.OnOutside", stay.EnteredOn.ToDateTime(TimeOnly.MinValue)));
        }

        if (trigger == IncubationTrigger.Leave && text.Length == 0)
        {
            errors.Add(new FormError("Note", "Cult.Error.Required", "Cult.Inc.Field.Note"));
        }
        else if (text.Length > IncubatedOrganization.MaxText)
        {
            errors.Add(new FormError("Note", "Cult.Error.TooLong", "Cult.Inc.Field.Note", IncubatedOrganization.MaxText));
        }

        var organization = trigger == IncubationTrigger.Graduate ? await OrganizationAsync(code, "Code", errors, cancellationToken) : null;
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        stay.State = next;
        if (trigger is IncubationTrigger.Graduate or IncubationTrigger.Leave)
        {
            stay.ExitedOn = on;
        }

        if (organization is not null)
        {
            stay.OrganizationId = organization.Id;
        }

        stay.Note = text.Length == 0 ? stay.Note : text;
        audit.Record("cultivation.incubation." + trigger.ToString().ToLowerInvariant(), nameof(IncubatedOrganization), Id(stay.Id), $"{stay.Name} ({on:yyyy-MM-dd}) {organization?.Name} {text}".TrimEnd());
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>Records a service given to the organization (培训, 咨询, 场地, 小额资助 …).</summary>
    public async Task<OperationResult> AddServiceAsync(IncubatedOrganization stay, DateOnly? givenOn, string? description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stay);
        var text = (description ?? "").Trim();
        var errors = new List<FormError>();
        if (givenOn is not { } day)
        {
            errors.Add(new FormError("GivenOn", "Cult.Error.Required", "Cult.Inc.Field.GivenOn"));
        }
        else if (day < stay.EnteredOn || day > Today)
        {
            errors.Add(new FormError("GivenOn", "Cult.Inc.Error.OnOutside", stay.EnteredOn.ToDateTime(TimeOnly.MinValue)));
        }

        if (text.Length == 0)
        {
            errors.Add(new FormError("Description", "Cult.Error.Required", "Cult.Inc.Field.Service"));
        }
        else if (text.Length > IncubationServiceRecord.MaxText)
        {
            errors.Add(new FormError("Description", "Cult.Error.TooLong", "Cult.Inc.Field.Service", IncubationServiceRecord.MaxText));
        }

        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        stay.Services.Add(new IncubationServiceRecord { GivenOn = givenOn!.Value, Description = text });
        audit.Record("cultivation.incubation.service", nameof(IncubatedOrganization), Id(stay.Id), $"{stay.Name} ({givenOn:yyyy-MM-dd}): {text}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>The register's organization for an optional code; an unknown code is an error on <paramref name="field"/>.</summary>
    private async Task<OrganizationSummary?> OrganizationAsync(string? code, string field, List<FormError> errors, CancellationToken cancellationToken)
    {
        var trimmed = (code ?? "").Trim().ToUpperInvariant();
        if (trimmed.Length == 0)
        {
            return null;
        }

        var found = trimmed.Length <= 30 ? await register.FindByCodesAsync([trimmed], cancellationToken) : [];
        if (found.Count != 1)
        {
            errors.Add(new FormError(field, "Cult.Error.UnknownCode", trimmed));
            return null;
        }

        return found[0];
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
