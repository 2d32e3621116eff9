using Microsoft.EntityFrameworkCore;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>Everything a page shows about one application.</summary>
public sealed record ApplicationView(
    RegistrationApplication Application,
    ApplicationForm Form,
    ApplicationDeadlines Deadlines,
    IReadOnlyList<FieldChange> Changes,
    Organization? Organization);

/// <summary>Builds <see cref="ApplicationView"/>s; for a change application, the field-by-field diff against the register.</summary>
public sealed class ApplicationViews(DbContext db, DeadlineService deadlines)
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
        return new ApplicationView(application, form, await deadlines.ComputeAsync(application, cancellationToken), changes, organization);
    }
}
