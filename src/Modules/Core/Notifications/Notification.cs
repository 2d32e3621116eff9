using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Localization;
using Registry.Core.Mail;
using Registry.Core.Security;

namespace Registry.Core.Notifications;

/// <summary>An in-app message to one account (the bell in the header), kept in both languages' words at send time.</summary>
public sealed class Notification
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>Site-relative link to what the notice is about.</summary>
    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}

/// <summary>Tells people what happened: an in-app notice plus a mail, in the recipient's language; saved with the caller's SaveChanges.</summary>
public interface INotifier
{
    /// <summary>
    /// Uses catalog keys <c>Notify.{templateName}.Title</c> / <c>.Body</c> for the notice and mail template <c>{templateName}</c>;
    /// a value whose name ends in "Text" is a catalog key put in the recipient's language.
    /// </summary>
    Task NotifyUserAsync(string userId, string templateName, IReadOnlyDictionary<string, string> values, string? link, CancellationToken cancellationToken) =>
        NotifyUserAsync(userId, templateName, values, link, [], cancellationToken);

    /// <summary>As the notice without files, with stored files attached to the mail (e.g. a decision's PDF).</summary>
    Task NotifyUserAsync(string userId, string templateName, IReadOnlyDictionary<string, string> values, string? link, IReadOnlyList<MailFile> attachments, CancellationToken cancellationToken);

    /// <summary>Every account holding <paramref name="permission"/> through a role (in-app only: officers work from the queue).</summary>
    Task NotifyPermissionHoldersAsync(string permission, string templateName, IReadOnlyDictionary<string, string> values, string? link, CancellationToken cancellationToken);
}

internal sealed class Notifier(DbContext db, IMailOutbox mail, ITextCatalog catalog, TimeProvider clock, UserManager<RegistryUser> users) : INotifier
{
    public async Task NotifyUserAsync(string userId, string templateName, IReadOnlyDictionary<string, string> values, string? link, IReadOnlyList<MailFile> attachments, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return;
        }

        AddNotice(user, templateName, values, link);
        if (!string.IsNullOrEmpty(user.Email))
        {
            mail.Add(user.Email, templateName, values, user.PreferredCulture, attachments);
        }
    }

    public async Task NotifyPermissionHoldersAsync(string permission, string templateName, IReadOnlyDictionary<string, string> values, string? link, CancellationToken cancellationToken)
    {
        var recipients = await PermissionHolders.EnabledAsync(db, [permission], includeAdministrators: false, cancellationToken);
        foreach (var user in recipients)
        {
            AddNotice(user, templateName, values, link);
        }
    }

    private void AddNotice(RegistryUser user, string templateName, IReadOnlyDictionary<string, string> values, string? link)
    {
        var culture = CultureInfo.GetCultureInfo(user.PreferredCulture);
        values = catalog.LocalizeTextValues(values, culture);
        db.Set<Notification>().Add(new Notification
        {
            UserId = user.Id,
            Title = Fill(catalog.Find($"Notify.{templateName}.Title", culture) ?? templateName, values),
            Body = Fill(catalog.Find($"Notify.{templateName}.Body", culture) ?? "", values),
            Link = link,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(text, (current, pair) => current.Replace("{" + pair.Key + "}", pair.Value, StringComparison.Ordinal));
}
