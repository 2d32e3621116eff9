using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Localization;
using Registry.Core.Recipes;
using Registry.Notices.Contracts;
using Registry.Notices.Domain;
using Registry.Notices.Services;

namespace Registry.Notices.Recipes;

/// <summary>
/// "notices": notices written through the same service officers use (audited, on the change feed). Idempotent by title: a
/// notice whose title exists is left as it is. Dates are "yyyy-MM-dd" or days relative to today in Beijing ("-3", "+7",
/// "0"), so demo data keeps an open publicity period whenever it is loaded. "body" is a string or an array of lines;
/// "attachments" names placeholder PDFs to attach.
/// </summary>
internal sealed class NoticesRecipeStep(DbContext db, NoticeService notices, TimeProvider clock) : IRecipeStep
{
    // A minimal valid PDF stands in for each attachment of demo notices.
    private static readonly byte[] PlaceholderPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public string Name => "notices";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        foreach (var item in context.Array("notices"))
        {
            var title = context.RequiredString(item, "title")?.Trim();
            if (title is null)
            {
                continue;
            }

            if (await db.Set<Notice>().AnyAsync(n => n.Title == title, cancellationToken))
            {
                continue;
            }

            var where = $"notice '{title}'";
            var kindText = context.RequiredString(item, "kind");
            if (kindText is null || !Enum.TryParse<NoticeKind>(kindText, out var kind) || !Enum.IsDefined(kind))
            {
                context.Error($"{where}: unknown kind '{kindText}' ({string.Join(", ", Enum.GetNames<NoticeKind>())})");
                continue;
            }

            var status = NoticeStatus.Published;
            if (String(item, "status") is { } statusText && (!Enum.TryParse(statusText, out status) || !Enum.IsDefined(status)))
            {
                context.Error($"{where}: unknown status '{statusText}'");
                continue;
            }

            if (!TryDate(item, "periodStart", today, out var start) | !TryDate(item, "periodEnd", today, out var end) | !TryDate(item, "publishedOn", today, out var publishedOn))
            {
                context.Error($"{where}: dates are yyyy-MM-dd or a day offset such as -3 or +7");
                continue;
            }

            var accepts = item.TryGetProperty("acceptsObjections", out var a) && a.ValueKind == JsonValueKind.True;
            var (notice, created) = await notices.CreateAsync(new NoticeFields(title, kind, Body(item), start, end, accepts), cancellationToken);
            if (notice is null)
            {
                context.Error($"{where}: {string.Join(", ", created.Errors.Select(e => $"{e.Field} {e.Key}"))}");
                continue;
            }

            foreach (var fileName in Strings(item, "attachments"))
            {
                using var pdf = new MemoryStream(PlaceholderPdf);
                var attached = await notices.AttachAsync(notice, pdf, fileName, cancellationToken);
                if (!attached.Succeeded)
                {
                    context.Error($"{where}: attachment {fileName} refused");
                }
            }

            if (status != NoticeStatus.Draft)
            {
                if (notices.Transition(notice, NoticeTrigger.Publish) is { } refused)
                {
                    context.Error($"{where}: {string.Join(", ", refused.Errors.Select(e => e.Key))}");
                    continue;
                }

                // Backdated so the list reads like a real one; a time of 09:00 in Beijing.
                var day = publishedOn ?? (start is { } s && s <= today ? s : today);
                notice.PublishedAt = day.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
                await db.SaveChangesAsync(cancellationToken);
            }

            if (status == NoticeStatus.Withdrawn)
            {
                await notices.WithdrawAsync(notice, notice.Version, cancellationToken);
            }
        }
    }

    private static string Body(JsonElement item) =>
        !item.TryGetProperty("body", out var body) ? ""
        : body.ValueKind == JsonValueKind.Array ? string.Join('\n', body.EnumerateArray().Select(l => l.GetString() ?? ""))
        : body.GetString() ?? "";

    private static string? String(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString() ?? "").Where(v => v.Length > 0)
            : [];

    /// <summary>An absent date is fine (null); a present one must parse.</summary>
    private static bool TryDate(JsonElement item, string property, DateOnly today, out DateOnly? date)
    {
        date = null;
        if (String(item, property) is not { Length: > 0 } text)
        {
            return !item.TryGetProperty(property, out var raw) || raw.ValueKind == JsonValueKind.Null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset))
        {
            if (Math.Abs(offset) > 3660)
            {
                return false;
            }

            date = today.AddDays(offset);
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            date = exact;
            return true;
        }

        return false;
    }
}
