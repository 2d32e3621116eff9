using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>Groups of states the officers' list can show at once: the ones the reports count.</summary>
public enum ApplicationGroup
{
    /// <summary>办结: approved or refused after acceptance.</summary>
    Decided,

    /// <summary>在办: accepted and not yet decided (the clock runs or is paused for a correction).</summary>
    Running,
}

/// <summary>
/// The officers' application list filter. The registration figures (<see cref="Contracts.IRegistrationFigures"/>) count
/// with the same predicates, so a figure and the list it links to always agree.
/// </summary>
public sealed record ApplicationListFilter(
    ApplicationKind? Kind = null,
    ApplicationState? State = null,
    ApplicationGroup? Group = null,
    OrganizationType? Type = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool OverdueOnly = false,
    bool DueSoonOnly = false)
{
    /// <summary>What the list shows with no state chosen: everything waiting for someone.</summary>
    public static readonly IReadOnlyList<ApplicationState> OpenStates = [ApplicationState.Submitted, ApplicationState.Returned, ApplicationState.Accepted, ApplicationState.UnderReview];

    /// <summary>The states a list can be filtered by (drafts are the applicant's own).</summary>
    public static readonly IReadOnlyList<ApplicationState> ListedStates = [.. Enum.GetValues<ApplicationState>().Where(s => s != ApplicationState.Draft)];

    /// <summary>True when nothing narrows the list: it shows what waits for the officers.</summary>
    public bool IsEmpty => this == new ApplicationListFilter();

    /// <summary>Reads a filter from query values; every value that is not understood is an error, never a guess.</summary>
    public static (ApplicationListFilter Filter, IReadOnlyList<FormError> Errors) Parse(string? kind, string? state, string? type, string? from, string? to, string? overdue, string? soon = null)
    {
        var reader = new FilterReader();
        var group = FilterReader.TryName(state, Enum.GetValues<ApplicationGroup>(), out var g) ? g : (ApplicationGroup?)null;
        var filter = new ApplicationListFilter(
            reader.Choice<ApplicationKind>(kind, "kind", "Org.App.Kind"),
            group is null ? reader.Choice(state, "state", "Org.App.State", ListedStates) : null,
            group,
            reader.Choice(type, "type", "Org.Field.Type", OrganizationTypes.All),
            reader.Date(from, "from", "Org.App.DecidedFrom"),
            reader.Date(to, "to", "Org.App.DecidedTo"),
            reader.Flag(overdue, "overdue", "Org.App.OverdueOnly"),
            reader.Flag(soon, "soon", "Org.App.DueSoonOnly"));
        reader.InOrder(filter.From, filter.To, "from");
        return (filter, reader.Errors);
    }

    /// <summary>The query string of the filter (for paging and the form), without a leading '?'.</summary>
    public string Query() => FilterReader.Query(
        ("kind", Kind), ("state", (object?)Group ?? State), ("type", Type), ("from", From), ("to", To), ("overdue", OverdueOnly ? "true" : null), ("soon", DueSoonOnly ? "true" : null));

    /// <summary>
    /// The applications the filter selects, except <see cref="OverdueOnly"/> and <see cref="DueSoonOnly"/>: deadlines need the
    /// calendar, so those checks are made on loaded rows (<see cref="DeadlineService.OverdueAsync"/>, <see cref="DeadlineService.DueSoonAsync"/>).
    /// </summary>
    public IQueryable<RegistrationApplication> Apply(IQueryable<RegistrationApplication> applications)
    {
        ArgumentNullException.ThrowIfNull(applications);
        applications = (State, Group) switch
        {
            ({ } state, _) => applications.Where(a => a.State == state),
            (_, ApplicationGroup.Decided) => Decided(applications),
            (_, ApplicationGroup.Running) => Running(applications),
            _ => applications.Where(a => OpenStates.Contains(a.State)),
        };
        if (Kind is { } kind)
        {
            applications = applications.Where(a => a.Kind == kind);
        }

        if (Type is { } type)
        {
            applications = applications.Where(a => a.OrganizationType == type);
        }

        return DecidedIn(applications, From is { } first ? ChinaTime.StartUtc(first) : null, To is { } last ? ChinaTime.StartUtc(last.AddDays(1)) : null);
    }

    /// <summary>Approved (准予) or refused (不予) after acceptance: what the processing time is counted over.</summary>
    internal static IQueryable<RegistrationApplication> Decided(IQueryable<RegistrationApplication> applications) =>
        applications.Where(a => (a.State == ApplicationState.Approved || a.State == ApplicationState.Rejected) && a.AcceptedOn != null);

    /// <summary>Accepted and not yet decided.</summary>
    internal static IQueryable<RegistrationApplication> Running(IQueryable<RegistrationApplication> applications) =>
        applications.Where(a => a.State == ApplicationState.Accepted || a.State == ApplicationState.UnderReview);

    /// <summary>Decided from <paramref name="fromUtc"/> (inclusive) to <paramref name="toUtc"/> (exclusive); an open end is not checked.</summary>
    internal static IQueryable<RegistrationApplication> DecidedIn(IQueryable<RegistrationApplication> applications, DateTime? fromUtc, DateTime? toUtc)
    {
        if (fromUtc is { } from)
        {
            applications = applications.Where(a => a.DecidedAt >= from);
        }

        return toUtc is { } to ? applications.Where(a => a.DecidedAt < to) : applications;
    }
}
