using Registry.Core.Forms;
using Registry.Core.Workflows;

namespace Registry.Cultivation.Domain;

/// <summary>
/// An incubation base (孵化基地) of the bureau, often run by a hub organization: it takes in young organizations (many not
/// yet registered) for a period of support, until they graduate (出壳) or leave.
/// </summary>
public sealed class IncubationBase
{
    public const int MaxShort = 200;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The organization of the register that runs the base (运营方), if any.</summary>
    public int? OperatorOrganizationId { get; set; }

    public string OperatorName { get; set; } = "";

    public string Address { get; set; } = "";

    /// <summary>How many organizations the base can hold at once (入驻席位).</summary>
    public int Capacity { get; set; }

    public DateOnly OpenedOn { get; set; }

    public List<IncubatedOrganization> Residents { get; set; } = [];
}

/// <summary>One organization's stay in a base: from entry (入驻) through incubation (孵化中) to graduation (出壳) or exit (退出).</summary>
public sealed class IncubatedOrganization
{
    public const int MaxText = 1000;

    public int Id { get; set; }

    public int BaseId { get; set; }

    /// <summary>The name of the group (a group in incubation is often not registered yet).</summary>
    public string Name { get; set; } = "";

    /// <summary>The register's organization, once registered or filed (set on entry or at graduation).</summary>
    public int? OrganizationId { get; set; }

    public string ServiceField { get; set; } = "";

    /// <summary>The mentor (导师) or the hub organization that guides it.</summary>
    public string Mentor { get; set; } = "";

    public DateOnly EnteredOn { get; set; }

    /// <summary>The agreed end of incubation (孵化期满).</summary>
    public DateOnly PlannedExitOn { get; set; }

    public DateOnly? ExitedOn { get; set; }

    public IncubationState State { get; set; }

    /// <summary>Why it left early, or what graduation brought.</summary>
    public string? Note { get; set; }

    public List<IncubationServiceRecord> Services { get; set; } = [];

    /// <summary>Registered or filed on the register when it graduated (孵化后登记/备案).</summary>
    public bool GraduatedOnRegister => State == IncubationState.Graduated && OrganizationId is not null;
}

/// <summary>A service given to an incubated organization (training, consultation, a venue, seed funding …).</summary>
public sealed class IncubationServiceRecord
{
    public const int MaxText = 500;

    public int Id { get; set; }

    public int IncubatedOrganizationId { get; set; }

    public DateOnly GivenOn { get; set; }

    public string Description { get; set; } = "";
}

/// <summary>Where a stay stands. Stored by name: never rename a value.</summary>
public enum IncubationState
{
    /// <summary>入驻: the agreement is signed, the organization moves in.</summary>
    Entered,

    /// <summary>孵化中.</summary>
    Incubating,

    /// <summary>出壳/毕业.</summary>
    Graduated,

    /// <summary>退出: left before graduating.</summary>
    Left,
}

/// <summary>What moves a stay on.</summary>
public enum IncubationTrigger
{
    Start,
    Graduate,
    Leave,
}

/// <summary>The incubation transition table and its rules: pure, used by the pages, the recipe step and the tests.</summary>
public static class IncubationWorkflow
{
    public const int MaxMonths = 36;

    private static readonly TransitionTable<IncubationState, IncubationTrigger> Table = new TransitionTable<IncubationState, IncubationTrigger>()
        .Permit(IncubationState.Entered, IncubationTrigger.Start, IncubationState.Incubating)
        .Permit(IncubationState.Entered, IncubationTrigger.Leave, IncubationState.Left)
        .Permit(IncubationState.Incubating, IncubationTrigger.Graduate, IncubationState.Graduated)
        .Permit(IncubationState.Incubating, IncubationTrigger.Leave, IncubationState.Left);

    public static IncubationState? Next(IncubationState state, IncubationTrigger trigger) => Table.Next(state, trigger);

    public static IReadOnlyList<IncubationTrigger> Permitted(IncubationState state) => Table.Permitted(state);

    /// <summary>Whether the organization occupies a place in the base.</summary>
    public static bool InResidence(IncubationState state) => state is IncubationState.Entered or IncubationState.Incubating;

    /// <summary>Checks of a new base.</summary>
    public static IReadOnlyList<FormError> ValidateBase(string? name, string? address, int? capacity, DateOnly? openedOn, DateOnly today)
    {
        var errors = new List<FormError>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > IncubationBase.MaxShort)
        {
            errors.Add(new FormError("Name", "Cult.Error.Required", "Cult.Inc.Field.BaseName"));
        }

        if (string.IsNullOrWhiteSpace(address) || address.Trim().Length > IncubationBase.MaxShort)
        {
            errors.Add(new FormError("Address", "Cult.Error.Required", "Cult.Inc.Field.Address"));
        }

        if (capacity is not (>= 1 and <= 500))
        {
            errors.Add(new FormError("Capacity", "Cult.Inc.Error.Capacity", 500));
        }

        if (openedOn is not { } opened)
        {
            errors.Add(new FormError("OpenedOn", "Cult.Error.Required", "Cult.Inc.Field.OpenedOn"));
        }
        else if (opened > today)
        {
            errors.Add(new FormError("OpenedOn", "Cult.Inc.Error.FutureDate"));
        }

        return errors;
    }

    /// <summary>Checks of an entry: name, field, mentor, and a period of one day to <see cref="MaxMonths"/> months from entry.</summary>
    public static IReadOnlyList<FormError> ValidateEntry(string? name, string? serviceField, string? mentor, DateOnly? enteredOn, DateOnly? plannedExitOn, DateOnly today)
    {
        var errors = new List<FormError>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > IncubationBase.MaxShort)
        {
            errors.Add(new FormError("Name", "Cult.Error.Required", "Cult.Inc.Field.Name"));
        }

        if (string.IsNullOrWhiteSpace(serviceField) || serviceField.Trim().Length > 50)
        {
            errors.Add(new FormError("ServiceField", "Cult.Error.Required", "Cult.List.Field.ServiceField"));
        }

        if (string.IsNullOrWhiteSpace(mentor) || mentor.Trim().Length > IncubationBase.MaxShort)
        {
            errors.Add(new FormError("Mentor", "Cult.Error.Required", "Cult.Inc.Field.Mentor"));
        }

        if (enteredOn is not { } entered)
        {
            errors.Add(new FormError("EnteredOn", "Cult.Error.Required", "Cult.Inc.Field.EnteredOn"));
        }
        else if (entered > today)
        {
            errors.Add(new FormError("EnteredOn", "Cult.Inc.Error.FutureDate"));
        }
        else if (plannedExitOn is not { } planned)
        {
            errors.Add(new FormError("PlannedExitOn", "Cult.Error.Required", "Cult.Inc.Field.PlannedExitOn"));
        }
        else if (planned <= entered || planned > entered.AddMonths(MaxMonths))
        {
            errors.Add(new FormError("PlannedExitOn", "Cult.Inc.Error.Period", MaxMonths));
        }

        return errors;
    }
}

/// <summary>Figures of one year: organizations taken in, graduated, registered or filed on graduation, left.</summary>
public sealed record IncubationYear(int Year, int Entered, int Graduated, int Registered, int Left);

/// <summary>The figures the bureau reports, from the stays' dates (a stay counts in the year of its entry or its exit).</summary>
public static class IncubationFigures
{
    public static IReadOnlyList<IncubationYear> ByYear(IEnumerable<IncubatedOrganization> stays)
    {
        ArgumentNullException.ThrowIfNull(stays);
        var list = stays.ToList();
        var years = list.Select(s => s.EnteredOn.Year).Concat(list.Where(s => s.ExitedOn is not null).Select(s => s.ExitedOn!.Value.Year)).Distinct().OrderDescending();
        return [.. years.Select(y => new IncubationYear(
            y,
            list.Count(s => s.EnteredOn.Year == y),
            list.Count(s => s.State == IncubationState.Graduated && s.ExitedOn?.Year == y),
            list.Count(s => s.GraduatedOnRegister && s.ExitedOn?.Year == y),
            list.Count(s => s.State == IncubationState.Left && s.ExitedOn?.Year == y)))];
    }
}
