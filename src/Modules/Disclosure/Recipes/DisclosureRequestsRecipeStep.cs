using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Calendar;
using Registry.Core.Localization;
using Registry.Core.Recipes;
using Registry.Disclosure.Domain;
using Registry.Disclosure.Services;

namespace Registry.Disclosure.Recipes;

/// <summary>
/// "disclosure-requests": requests for disclosure filed and moved on through the same service officers use (audited, through
/// the workflow). Idempotent by applicant name and description. "received" is how many working days before today the request
/// arrived; each step's "day" counts working days from receipt, so demo clocks stand where the recipe says whenever it is
/// loaded. A step is a trigger ("RequestCorrection", "Correct", "StartConsultation", "EndConsultation", "Extend", "Abandon",
/// "Withdraw") with "days", "party", "note", or "Answer" with "type", "reason", "explanation", "reference" and "attachments"
/// (placeholder PDFs standing for the information disclosed).
/// </summary>
internal sealed class DisclosureRequestsRecipeStep(DbContext db, RequestService requests, ICalendarProvider calendars, TimeProvider clock) : IRecipeStep
{
    private static readonly byte[] PlaceholderPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public string Name => "disclosure-requests";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        foreach (var item in context.Array("requests"))
        {
            var name = context.RequiredString(item, "name")?.Trim();
            var description = context.RequiredString(item, "description")?.Trim();
            if (name is null || description is null)
            {
                continue;
            }

            if (await db.Set<DisclosureRequest>().AnyAsync(r => r.Name == name && r.Description == description, cancellationToken))
            {
                continue;
            }

            var where = $"request of '{name}'";
            if (!TryEnum(item, "applicantKind", ApplicantKind.NaturalPerson, out var kind) | !TryEnum(item, "organizationKind", (OrganizationKind?)null, out var orgKind)
                | !TryEnum(item, "form", InformationForm.Electronic, out var form) | !TryEnum(item, "delivery", DeliveryMethod.Email, out var delivery))
            {
                context.Error($"{where}: an enum value is unknown");
                continue;
            }

            var received = Back(calendar, today, Int(item, "received") ?? 0);
            var input = new RequestInput(kind, orgKind, name, String(item, "idType") ?? "居民身份证", String(item, "idNumber") ?? "", String(item, "representative"),
                String(item, "contactPerson"), String(item, "phone") ?? "", String(item, "email"), String(item, "address"), String(item, "postalCode"),
                description, String(item, "purpose"), form, delivery);
            var (request, _, filed) = await requests.SubmitAsync(input, null, "zh-CN", cancellationToken, received);
            if (request is null)
            {
                context.Error($"{where}: {string.Join(", ", filed.Errors.Select(e => $"{e.Field} {e.Key}"))}");
                continue;
            }

            foreach (var step in item.TryGetProperty("steps", out var steps) && steps.ValueKind == JsonValueKind.Array ? steps.EnumerateArray() : [])
            {
                var on = calendar.AddWorkingDays(received, Int(step, "day") ?? 0);
                if (on > today)
                {
                    context.Error($"{where}: step on {on:yyyy-MM-dd} lies in the future");
                    break;
                }

                var triggerText = context.RequiredString(step, "trigger");
                if (!Enum.TryParse<RequestTrigger>(triggerText, out var trigger) || !Enum.IsDefined(trigger))
                {
                    context.Error($"{where}: unknown trigger '{triggerText}'");
                    break;
                }

                var result = trigger == RequestTrigger.Answer
                    ? await AnswerAsync(context, request, step, on, cancellationToken)
                    : await requests.StepAsync(request, trigger, new StepInput(Int(step, "days"), String(step, "party"), String(step, "note")), request.Version, "zh-CN", cancellationToken, on);
                if (!result.Succeeded)
                {
                    context.Error($"{where}: {trigger} refused: {string.Join(", ", result.Errors.Select(e => e.Key))}");
                    break;
                }
            }
        }
    }

    private async Task<Core.Forms.OperationResult> AnswerAsync(RecipeStepContext context, DisclosureRequest request, JsonElement step, DateOnly on, CancellationToken cancellationToken)
    {
        if (!TryEnum(step, "type", AnswerType.Granted, out var type) | !TryEnum(step, "reason", (AnswerReason?)null, out var reason))
        {
            return Core.Forms.OperationResult.Fail("", "unknown answer type or reason");
        }

        if (step.TryGetProperty("attachments", out var names) && names.ValueKind == JsonValueKind.Array)
        {
            foreach (var fileName in names.EnumerateArray().Select(n => n.GetString()).OfType<string>())
            {
                using var pdf = new MemoryStream(PlaceholderPdf);
                var attached = await requests.AttachAsync(request, pdf, fileName, cancellationToken);
                if (!attached.Succeeded)
                {
                    context.Error($"attachment {fileName} refused");
                }
            }
        }

        return await requests.AnswerAsync(request, new AnswerInput(type, reason, String(step, "explanation"), String(step, "reference")), request.Version, "zh-CN", cancellationToken, on);
    }

    /// <summary>The working day <paramref name="workingDays"/> working days before <paramref name="today"/>.</summary>
    private static DateOnly Back(WorkingDayCalendar calendar, DateOnly today, int workingDays)
    {
        var day = today;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString()!.Trim() : null;

    private static int? Int(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static bool TryEnum<T>(JsonElement element, string property, T fallback, out T value)
    {
        value = fallback;
        if (String(element, property) is not { } text)
        {
            return true;
        }

        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (!Enum.TryParse(type, text, out var parsed) || !Enum.IsDefined(type, parsed))
        {
            return false;
        }

        value = (T)parsed;
        return true;
    }
}
