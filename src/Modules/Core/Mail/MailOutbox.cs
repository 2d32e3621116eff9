using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Localization;

namespace Registry.Core.Mail;

/// <summary>Queues a localized mail; it is sent after the caller's SaveChanges commits.</summary>
public interface IMailOutbox
{
    /// <summary>
    /// Uses the catalog keys <c>Mail.{template}.Subject</c> and <c>Mail.{template}.Body</c>; <c>{name}</c> placeholders
    /// take <paramref name="values"/>; a value whose name ends in "Link" becomes a link in the HTML part, and a value whose
    /// name ends in "Text" is a catalog key put in the recipient's language (empty for nothing).
    /// </summary>
    void Add(string recipient, string templateName, IReadOnlyDictionary<string, string> values, string culture);

    /// <summary>As <see cref="Add(string, string, IReadOnlyDictionary{string, string}, string)"/>, with stored files attached.</summary>
    void Add(string recipient, string templateName, IReadOnlyDictionary<string, string> values, string culture, IReadOnlyList<MailFile> attachments);
}

internal sealed class MailOutbox(DbContext db, ITextCatalog catalog, TimeProvider clock) : IMailOutbox
{
    public void Add(string recipient, string templateName, IReadOnlyDictionary<string, string> values, string culture) =>
        Add(recipient, templateName, values, culture, []);

    public void Add(string recipient, string templateName, IReadOnlyDictionary<string, string> values, string culture, IReadOnlyList<MailFile> attachments)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var cultureInfo = CultureInfo.GetCultureInfo(culture);
        var subject = catalog.Find($"Mail.{templateName}.Subject", cultureInfo) ?? throw new InvalidOperationException($"Mail template {templateName} has no subject");
        var body = catalog.Find($"Mail.{templateName}.Body", cultureInfo) ?? throw new InvalidOperationException($"Mail template {templateName} has no body");
        var signature = catalog.Find("Mail.Signature", cultureInfo) ?? "";
        var localized = catalog.LocalizeTextValues(values, cultureInfo);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<MailMessage>().Add(new MailMessage
        {
            To = recipient,
            Subject = Fill(subject, localized, html: false),
            TextBody = Fill(body, localized, html: false) + "\n\n" + signature,
            HtmlBody = Html(Fill(body, localized, html: true), WebUtility.HtmlEncode(signature)),
            CreatedAt = now,
            NextAttemptAt = now,
            Status = MailStatus.Pending,
            Attachments = [.. attachments.Select(a => new MailAttachment { FileId = a.FileId, FileName = a.FileName })],
        });
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values, bool html)
    {
        var result = html ? WebUtility.HtmlEncode(text) : text;
        foreach (var (name, value) in values)
        {
            var rendered = !html ? value
                : name.EndsWith("Link", StringComparison.Ordinal) ? $"<a href=\"{WebUtility.HtmlEncode(value)}\">{WebUtility.HtmlEncode(value)}</a>"
                : WebUtility.HtmlEncode(value);
            result = result.Replace("{" + name + "}", rendered, StringComparison.Ordinal);
        }

        return result;
    }

    private static string Html(string body, string signature)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        foreach (var paragraph in body.Split('\n'))
        {
            html.Append("<p>").Append(paragraph).Append("</p>");
        }

        return html.Append("<p>").Append(signature).Append("</p></body></html>").ToString();
    }
}
