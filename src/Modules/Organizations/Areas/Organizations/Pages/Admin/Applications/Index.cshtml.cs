using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Modularity;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Admin.Applications;

/// <summary>
/// The officers' queue: what waits for them, oldest first, with the working days left on both clocks; filtered, it is
/// also the list behind a report's registration figures (<see cref="ApplicationListFilter"/>).
/// </summary>
[Permission(OrganizationsPermissions.ViewRegister)]
public sealed class IndexModel(DbContext db, DeadlineService deadlines, RegistrationService registration, IStringLocalizer localizer) : PageModel
{
    private const int PageSize = 30;

    public ApplicationListFilter Filter { get; private set; } = new();

    /// <summary>Filter values that were not understood, as sentences; the list is not shown then.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    /// <summary>The case-owner filter: <c>me</c>, an officer's account id, or empty for any owner.</summary>
    public string? Owner { get; private set; }

    /// <summary>The sign-off step the listed applications wait at (承办, 审核, 批准), or null for any.</summary>
    public SignOffStep? Step { get; private set; }

    public IReadOnlyList<RegistryUser> Owners { get; private set; } = [];

    public async Task OnGetAsync(string? kind, string? state, string? type, string? from, string? to, string? overdue, string? soon, string? owner, string? step, int p = 1, CancellationToken cancellationToken = default)
    {
        (Filter, var errors) = ApplicationListFilter.Parse(kind, state, type, from, to, overdue, soon);
        Owners = await registration.OwnerCandidatesAsync(cancellationToken);
        Owner = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim();
        var ownerId = Owner == "me" ? User.UserId() : Owner;
        if (ownerId is not null && Owner != "me" && Owners.All(u => u.Id != ownerId))
        {
            errors = [.. errors, new FormError("owner", "Org.App.UnknownOwnerFilter")];
        }

        if (!string.IsNullOrWhiteSpace(step))
        {
            Step = Enum.GetValues<SignOffStep>().Cast<SignOffStep?>().FirstOrDefault(s => s.ToString() == step.Trim());
            if (Step is null)
            {
                errors = [.. errors, new FormError("step", "Org.App.UnknownStepFilter", step.Trim())];
            }
        }

        if (errors.Count > 0)
        {
            Errors = [.. errors.Select(localizer.Describe)];
            return;
        }

        var query = Filter.Apply(db.Set<RegistrationApplication>().AsNoTracking());
        if (ownerId is not null)
        {
            query = query.Where(a => a.OwnerUserId == ownerId);
        }

        if (Step is { } waiting)
        {
            query = await registration.WaitingAtAsync(query, waiting, cancellationToken);
        }
        if (Filter.OverdueOnly || Filter.DueSoonOnly)
        {
            var overdueRows = Filter.OverdueOnly ? await deadlines.OverdueAsync(query, cancellationToken) : await deadlines.DueSoonAsync(query, cancellationToken);
            var overduePage = PageInfo.Clamp(p, PageSize, overdueRows.Count);
            Rows = [.. overdueRows.Skip((overduePage - 1) * PageSize).Take(PageSize).Select(r => new QueueRow(r.Application, r.Deadlines))];
            Paging = new PageInfo(overduePage, PageSize, overdueRows.Count, UrlFor);
            return;
        }

        // Counted and paged in the database; only the shown page's clocks are computed (they need the calendar).
        var total = await query.CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        var applications = await query.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Include(a => a.Corrections).ToListAsync(cancellationToken);
        var rows = new List<QueueRow>();
        foreach (var application in applications)
        {
            rows.Add(new QueueRow(application, await deadlines.ComputeAsync(application, cancellationToken)));
        }

        Rows = rows;
        Paging = new PageInfo(page, PageSize, total, UrlFor);
    }

    private string UrlFor(int page) =>
        "?" + string.Join('&', new[] { Filter.Query(), Owner is null ? "" : "owner=" + Uri.EscapeDataString(Owner), Step is null ? "" : $"step={Step}", $"p={page}" }.Where(part => part.Length > 0));

    public sealed record QueueRow(RegistrationApplication Application, ApplicationDeadlines Deadlines);
}
