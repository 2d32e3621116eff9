using Registry.Core.Forms;
using Registry.Inspections.Domain;

namespace Registry.Inspections.Services;

/// <summary>Which entries a credit-list filter selects: the current ones, or those that moved in a period or were listed on a day.</summary>
public enum CreditListMovement
{
    /// <summary>On a list now.</summary>
    Current,

    /// <summary>Entered from <see cref="CreditListFilter.From"/> to <see cref="CreditListFilter.To"/> (both inclusive).</summary>
    Entered,

    /// <summary>Left from <see cref="CreditListFilter.From"/> to <see cref="CreditListFilter.To"/> (both inclusive).</summary>
    Exited,

    /// <summary>On the list at the end of <see cref="CreditListFilter.On"/>: one entry per organization and list.</summary>
    Listed,
}

/// <summary>
/// The officers' credit-list filter. The reports' credit-list figures are counted with the same queries, so a figure and
/// the list it links to always agree.
/// </summary>
public sealed record CreditListFilter(CreditList? List = null, CreditListMovement Movement = CreditListMovement.Current, DateOnly? From = null, DateOnly? To = null, DateOnly? On = null)
{
    /// <summary>Reads a filter from query values; every value that is not understood is an error, never a guess.</summary>
    public static (CreditListFilter Filter, IReadOnlyList<FormError> Errors) Parse(string? list, string? movement, string? from, string? to, string? on)
    {
        var reader = new FilterReader();
        var chosenList = reader.Choice<CreditList>(list, "List", "Insp.Credit.List");
        var chosenMovement = reader.Choice<CreditListMovement>(movement, "Movement", "Insp.Credit.Movement") ?? CreditListMovement.Current;
        var (first, last, day) = (reader.Date(from, "From", "Insp.Credit.From"), reader.Date(to, "To", "Insp.Credit.To"), reader.Date(on, "On", "Insp.Credit.On"));
        reader.InOrder(first, last, "From");
        var errors = reader.Errors.ToList();
        if (errors.Count == 0)
        {
            var periodMissing = first is null || last is null;
            var error = chosenMovement switch
            {
                CreditListMovement.Entered or CreditListMovement.Exited when periodMissing => new FormError("From", "Insp.Credit.Error.PeriodRequired"),
                CreditListMovement.Listed when day is null => new FormError("On", "Insp.Credit.Error.DayRequired"),
                CreditListMovement.Current when first is not null || last is not null || day is not null => new FormError("Movement", "Insp.Credit.Error.DatesNeedMovement"),
                _ => null,
            };
            errors.AddRange(error is null ? [] : [error]);
        }

        return (new CreditListFilter(chosenList, chosenMovement, first, last, day), errors);
    }

    /// <summary>The query string of the filter (for paging), without a leading '?'.</summary>
    public string Query() =>
        FilterReader.Query(("list", List), ("movement", Movement == CreditListMovement.Current ? null : Movement), ("from", From), ("to", To), ("on", On));

    /// <summary>The entries the filter selects from <paramref name="entries"/>.</summary>
    public IQueryable<CreditListEntry> Apply(IQueryable<CreditListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (List is { } list)
        {
            entries = entries.Where(e => e.List == list);
        }

        return Movement switch
        {
            CreditListMovement.Entered => Entered(entries, From!.Value, To!.Value),
            CreditListMovement.Exited => Exited(entries, From!.Value, To!.Value),
            CreditListMovement.Listed => ListedOn(entries, On!.Value),
            _ => entries.Where(e => e.ExitedOn == null),
        };
    }

    internal static IQueryable<CreditListEntry> Entered(IQueryable<CreditListEntry> entries, DateOnly first, DateOnly last) =>
        entries.Where(e => e.EnteredOn >= first && e.EnteredOn <= last);

    internal static IQueryable<CreditListEntry> Exited(IQueryable<CreditListEntry> entries, DateOnly first, DateOnly last) =>
        entries.Where(e => e.ExitedOn >= first && e.ExitedOn <= last);

    /// <summary>
    /// Who is listed at the end of <paramref name="day"/>: an organization on a list for two causes at once counts once,
    /// by its earliest entry (lowest id) current that day.
    /// </summary>
    internal static IQueryable<CreditListEntry> ListedOn(IQueryable<CreditListEntry> entries, DateOnly day)
    {
        var all = entries;
        return entries.Where(e => e.EnteredOn <= day && (e.ExitedOn == null || e.ExitedOn > day)
            && !all.Any(o => o.OrganizationId == e.OrganizationId && o.List == e.List && o.Id < e.Id && o.EnteredOn <= day && (o.ExitedOn == null || o.ExitedOn > day)));
    }
}
