using System.Globalization;
using System.Security.Cryptography;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Calendar;
using Registry.Core.Localization;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>An obligation as the workspace shows it: working days left derived now (null when the calendar lacks a year it spans).</summary>
/// <see cref="Overdue"/> once the due day has passed (by date: a weekend after a Friday due day counts no working days).
public sealed record ObligationView(Obligation Obligation, int? WorkingDaysLeft, bool Provisional, bool Overdue);

/// <summary>Formats an obligation's title and consequence in one language (the page, a reminder mail, the calendar feed).</summary>
public static class ObligationText
{
    public static string Format(ITextCatalog catalog, string key, IReadOnlyList<object> arguments, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(arguments);
        var text = catalog.Find(key, culture) ?? key;
        return arguments.Count == 0 ? text : string.Format(new PluralFormat(culture), text, [.. arguments]);
    }
}

/// <summary>
/// The organization's workspace: every module's open obligations (through <see cref="IObligationSource"/>) with working
/// days left counted through the calendar when read, every module's applications (<see cref="IApplicationProgressSource"/>),
/// and the secret calendar feed of the obligations.
/// </summary>
public sealed class WorkspaceService(
    DbContext db,
    IEnumerable<IObligationSource> obligationSources,
    IEnumerable<IApplicationProgressSource> progressSources,
    ICalendarProvider calendars,
    IAuditTrail audit,
    TimeProvider clock)
{
    /// <summary>Open obligations of the organizations, each with its working days left, soonest first.</summary>
    public async Task<IReadOnlyList<ObligationView>> ObligationsAsync(IReadOnlyCollection<int> organizationIds, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var calendar = await calendars.GetAsync(cancellationToken);
        var views = new List<ObligationView>();
        foreach (var source in obligationSources)
        {
            foreach (var obligation in await source.OpenAsync(organizationIds, today, cancellationToken))
            {
                views.Add(View(calendar, obligation, today));
            }
        }

        return [.. views.OrderBy(v => v.Obligation.DueOn).ThenBy(v => v.Obligation.Key, StringComparer.Ordinal)];
    }

    /// <summary>Working days from today (not counted) to the due day (counted): 0 on the due day itself, negative once past.</summary>
    public static ObligationView View(WorkingDayCalendar calendar, Obligation obligation, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(obligation);
        try
        {
            var left = calendar.CountWorkingDays(today, obligation.DueOn);
            return new ObligationView(obligation, left, obligation.Provisional || calendar.IsProvisionalBetween(today, obligation.DueOn), obligation.DueOn < today);
        }
        catch (CalendarYearMissingException)
        {
            return new ObligationView(obligation, null, true, obligation.DueOn < today);
        }
    }

    public async Task<IReadOnlyList<ApplicationProgress>> ApplicationsAsync(int organizationId, CancellationToken cancellationToken)
    {
        var all = new List<ApplicationProgress>();
        foreach (var source in progressSources)
        {
            all.AddRange(await source.ForAsync(organizationId, cancellationToken));
        }

        return [.. all.OrderByDescending(a => a.UpdatedAt)];
    }

    /// <summary>The organization's feed token, created on first use.</summary>
    public async Task<string> FeedTokenAsync(int organizationId, string userId, CancellationToken cancellationToken)
    {
        var feed = await db.Set<WorkspaceFeed>().SingleOrDefaultAsync(f => f.OrganizationId == organizationId, cancellationToken);
        if (feed is not null)
        {
            return feed.Token;
        }

        feed = new WorkspaceFeed { OrganizationId = organizationId };
        db.Add(feed);
        Renew(feed, userId, "organizations.feed-created");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return feed.Token;
        }
        catch (DbUpdateException)
        {
            // Another request created it first: use that one.
            db.ChangeTracker.Clear();
            return await db.Set<WorkspaceFeed>().Where(f => f.OrganizationId == organizationId).Select(f => f.Token).SingleAsync(cancellationToken);
        }
    }

    /// <summary>A new secret address: every calendar subscribed to the old one stops receiving. Audited.</summary>
    public async Task RegenerateFeedAsync(int organizationId, string userId, CancellationToken cancellationToken)
    {
        var feed = await db.Set<WorkspaceFeed>().SingleOrDefaultAsync(f => f.OrganizationId == organizationId, cancellationToken);
        if (feed is null)
        {
            feed = new WorkspaceFeed { OrganizationId = organizationId };
            db.Add(feed);
        }

        Renew(feed, userId, "organizations.feed-regenerated");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The organization whose feed the token opens, or null (compared in the database on a unique index of random values).</summary>
    public async Task<int?> OrganizationOfTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length != TokenLength || !token.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var feed = await db.Set<WorkspaceFeed>().AsNoTracking().SingleOrDefaultAsync(f => f.Token == token, cancellationToken);
        return feed is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(feed.Token), System.Text.Encoding.ASCII.GetBytes(token))
            ? feed.OrganizationId
            : null;
    }

    /// <summary>
    /// The obligations as an iCalendar (RFC 5545) document: one all-day event on each due day, its summary the title and
    /// its description the consequence, in <paramref name="culture"/>.
    /// </summary>
    public async Task<string> CalendarAsync(int organizationId, ITextCatalog catalog, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var organization = await db.Set<Organization>().AsNoTracking().SingleAsync(o => o.Id == organizationId, cancellationToken);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Registry//Workspace//ZH" };
        calendar.AddProperty("X-WR-CALNAME", organization.Name);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Shanghai");
        var stamp = new CalDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var view in await ObligationsAsync([organizationId], cancellationToken))
        {
            var obligation = view.Obligation;
            var title = ObligationText.Format(catalog, obligation.TitleKey, obligation.TitleArguments, culture);
            var consequence = ObligationText.Format(catalog, obligation.ConsequenceKey, obligation.ConsequenceArguments, culture);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{obligation.Key}.org{organizationId.ToString(CultureInfo.InvariantCulture)}@registry",
                Summary = title,
                Description = view.Provisional ? consequence + " " + (catalog.Find("Calendar.ProvisionalSuffix", culture) ?? "") : consequence,
                DtStart = new CalDateTime(obligation.DueOn),
                DtEnd = new CalDateTime(obligation.DueOn.AddDays(1)),
                DtStamp = stamp,
                Transparency = "TRANSPARENT",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private const int TokenLength = 43;

    private void Renew(WorkspaceFeed feed, string userId, string action)
    {
        // 32 random bytes in base64url without padding or '-'/'_' (kept to letters and digits so the address is plain).
        string token;
        do
        {
            token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=');
        }
        while (token.Contains('+', StringComparison.Ordinal) || token.Contains('/', StringComparison.Ordinal));

        feed.Token = token;
        feed.CreatedAt = clock.GetUtcNow().UtcDateTime;
        feed.CreatedBy = userId;
        audit.Record(action, nameof(WorkspaceFeed), feed.OrganizationId.ToString(CultureInfo.InvariantCulture), "calendar feed address issued");
    }
}

/// <summary>The calendar feed at its secret address: anyone holding it (a calendar app) reads the obligations; anything else is 404.</summary>
internal static class WorkspaceFeedEndpoint
{
    public const string Prefix = "/Organizations/Workspace/Calendar/";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Prefix + "{token}.ics", ServeAsync).AllowAnonymous();

    private static async Task<IResult> ServeAsync(string token, string? culture, WorkspaceService workspace, ITextCatalog catalog, CancellationToken cancellationToken)
    {
        if (await workspace.OrganizationOfTokenAsync(token, cancellationToken) is not { } organizationId)
        {
            return Results.NotFound();
        }

        var language = culture is not null && catalog.Cultures.Contains(culture, StringComparer.OrdinalIgnoreCase) ? culture : TextCatalog.DefaultCulture;
        var text = await workspace.CalendarAsync(organizationId, catalog, CultureInfo.GetCultureInfo(language), cancellationToken);
        return Results.Text(text, "text/calendar; charset=utf-8");
    }
}
