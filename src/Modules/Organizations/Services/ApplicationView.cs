using Microsoft.EntityFrameworkCore;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>Everything a page shows about one application.</summary>
public sealed record ApplicationView(
    RegistrationApplication Application,
    ApplicationForm Form,
    ApplicationDeadlines Deadlines,
    IReadOnlyList<FieldChange> Changes,
    Organization? Organization,
    ProcedureView Procedure);

/// <summary>
/// The parties' steps of an application: the review before the bureau (by whom, when, with which opinion) and the internal
/// sign-off (the chain, the entries that count now, and all entries including superseded ones).
/// </summary>
public sealed record ProcedureView(
    PreReviewParty Party,
    string? PartyName,
    Core.Review.SignOffChain Chain,
    IReadOnlyList<Core.Review.SignOffEntry> Entries)
{
    /// <summary>The entries that count towards the chain now, in order.</summary>
    public IReadOnlyList<Core.Review.SignOffEntry> Current => [.. Entries.Where(e => !e.Superseded)];

    /// <summary>The step waiting, or null when the chain is complete.</summary>
    public Core.Review.SignOffStep? Waiting => Chain.Waiting(Current);
}

/// <summary>A procedure as a page shows it: with the officers' names and opinions (<paramref name="Internal"/>) or only its steps.</summary>
public sealed record ProcedureDisplay(RegistrationApplication Application, ProcedureView Procedure, bool Internal);

/// <summary>Builds <see cref="ApplicationView"/>s; for a change application, the field-by-field diff against the register.</summary>
public sealed class ApplicationViews(DbContext db, DeadlineService deadlines, Core.Review.ISignOffs signOffs)
{
    public async Task<ApplicationView> BuildAsync(RegistrationApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var form = RegistrationService.ReadForm(application);
        var organization = application.OrganizationId is { } id
            ? await db.Set<Organization>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            : null;
        var changes = application.Kind == ApplicationKind.Change && organization is not null && application.State != ApplicationState.Approved
            ? RegisterFields.RequestedChanges(ApplicationForm.From(organization), form)
            : [];
        var partyName = application.PreReviewParty switch
        {
            PreReviewParty.SupervisingUnit => await db.Set<SupervisingUnit>().Where(u => u.Id == application.PreReviewUnitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken),
            PreReviewParty.StreetOffice => application.PreReviewStreet,
            _ => null,
        };
        var chain = await signOffs.ChainAsync(RegistrationService.SignOffChainKey(application.Kind), RegistrationService.DefaultSignOffSteps, cancellationToken);
        var entries = await signOffs.EntriesAsync(RegistrationService.SignOffSubject, application.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        var procedure = new ProcedureView(application.PreReviewParty, partyName, chain, entries);
        return new ApplicationView(application, form, await deadlines.ComputeAsync(application, cancellationToken), changes, organization, procedure);
    }
}
