using System.Linq.Expressions;
using Registry.Core.Forms;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>
/// The back-office register filter: name or code, type, status, street, and the day the register is read at (截至).
/// The register figures (<see cref="Contracts.IRegistrationFigures.RegisterAsync"/>) count with the same predicates, so a
/// figure and the list it links to always agree.
/// </summary>
public sealed record RegisterListFilter(string? Search = null, OrganizationType? Type = null, OrganizationStatus? Status = null, string? Street = null, DateOnly? AsOf = null)
{
    /// <summary>True when nothing narrows the list: an empty list then means an empty register.</summary>
    public bool IsEmpty => this == new RegisterListFilter();

    /// <summary>Reads a filter from query values; every value that is not understood is an error, never a guess.</summary>
    public static (RegisterListFilter Filter, IReadOnlyList<FormError> Errors) Parse(string? q, string? type, string? status, string? street, string? asOf)
    {
        var reader = new FilterReader();
        var filter = new RegisterListFilter(
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            reader.Choice(type, "type", "Org.Field.Type", OrganizationTypes.All),
            reader.Choice<OrganizationStatus>(status, "status", "Org.Field.Status"),
            string.IsNullOrWhiteSpace(street) ? null : street.Trim() is Contracts.OrganizationCodes.NoStreet ? "" : street.Trim(),
            reader.Date(asOf, "asOf", "Org.Register.AsOf"));
        return (filter, reader.Errors);
    }

    /// <summary>The query string of the filter (for paging), without a leading '?'.</summary>
    public string Query() => FilterReader.Query(("q", Search), ("type", Type), ("status", Status), ("street", Street is "" ? Contracts.OrganizationCodes.NoStreet : Street), ("asOf", AsOf));

    /// <summary>The organizations the filter selects; with <see cref="AsOf"/>, the status filter means the status on that day.</summary>
    public IQueryable<Organization> Apply(IQueryable<Organization> organizations)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        if (Search is { } search)
        {
            // Codes are matched exactly (credit codes normalized as GB 32100 codes are typed: full-width, spaces, hyphens, case), names by substring.
            var code = Core.Identification.UnifiedSocialCreditCode.Normalize(search);
            organizations = organizations.Where(o => o.Name.Contains(search) || o.CreditCode == code || o.FilingNumber == search || o.FilingNumber == code);
        }

        if (Type is { } type)
        {
            organizations = organizations.Where(o => o.Type == type);
        }

        if (Street is { } street)
        {
            organizations = organizations.Where(o => o.Street == street);
        }

        if (AsOf is { } day)
        {
            organizations = FoundedBy(organizations, day);
        }

        return Status is { } status ? organizations.Where(HasStatus(status, AsOf)) : organizations;
    }

    /// <summary>On the register at the end of <paramref name="day"/>: founded by then.</summary>
    internal static IQueryable<Organization> FoundedBy(IQueryable<Organization> organizations, DateOnly day) =>
        organizations.Where(o => o.FoundedOn <= day);

    /// <summary>
    /// The status at the end of <paramref name="day"/>: deregistration and revocation end an active registration, so an
    /// organization whose status changed after the day was active on it.
    /// </summary>
    internal static Expression<Func<Organization, OrganizationStatus>> StatusOn(DateOnly day) =>
        o => o.StatusChangedOn > day ? OrganizationStatus.Active : o.Status;

    /// <summary>Has <paramref name="status"/> now, or at the end of <paramref name="day"/> when given.</summary>
    private static Expression<Func<Organization, bool>> HasStatus(OrganizationStatus status, DateOnly? day)
    {
        Expression<Func<Organization, OrganizationStatus>> current = o => o.Status;
        var statusOf = day is { } d ? StatusOn(d) : current;
        return Expression.Lambda<Func<Organization, bool>>(Expression.Equal(statusOf.Body, Expression.Constant(status)), statusOf.Parameters);
    }
}
