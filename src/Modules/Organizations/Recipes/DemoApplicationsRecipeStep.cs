using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Recipes;

/// <summary>
/// "demo-applications": applications driven through the real workflow to a target state (so demo data obeys every rule:
/// receipts, documents, clocks, reservations). Idempotent by kind + title + applicant.
/// </summary>
internal sealed class DemoApplicationsRecipeStep(DbContext db, RegistrationService registration, IRegistrationRulesProvider rulesProvider, UserManager<RegistryUser> users) : IRecipeStep
{
    // A minimal valid PDF stands in for every checklist document.
    private static readonly byte[] DemoPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static readonly Dictionary<ApplicationState, ApplicationTrigger[]> Paths = new()
    {
        [ApplicationState.Draft] = [],
        [ApplicationState.Submitted] = [ApplicationTrigger.Submit],
        [ApplicationState.Returned] = [ApplicationTrigger.Submit, ApplicationTrigger.Accept, ApplicationTrigger.Return],
        [ApplicationState.Accepted] = [ApplicationTrigger.Submit, ApplicationTrigger.Accept],
        [ApplicationState.UnderReview] = [ApplicationTrigger.Submit, ApplicationTrigger.Accept, ApplicationTrigger.StartReview],
        [ApplicationState.Approved] = [ApplicationTrigger.Submit, ApplicationTrigger.Accept, ApplicationTrigger.StartReview, ApplicationTrigger.Approve],
        [ApplicationState.Rejected] = [ApplicationTrigger.Submit, ApplicationTrigger.Accept, ApplicationTrigger.StartReview, ApplicationTrigger.Reject],
        [ApplicationState.Withdrawn] = [ApplicationTrigger.Submit, ApplicationTrigger.Withdraw],

        // Submitting goes to the supervising unit or street office when one is online (the recipe links them first).
        [ApplicationState.PreReview] = [ApplicationTrigger.Submit],
    };

    public string Name => "demo-applications";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var rules = await rulesProvider.GetAsync(cancellationToken);
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in context.Array("applications"))
        {
            var spec = item.Deserialize<DemoApplication>(RegistrationRulesProvider.Json);
            if (spec is null || await users.FindByEmailAsync(spec.Applicant) is not { } applicant)
            {
                context.Error($"application '{spec?.Label}': unknown applicant");
                continue;
            }

            int? organizationId = null;
            if (spec.Organization is { } orgName)
            {
                organizationId = await db.Set<Organization>().Where(o => o.Name == orgName).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
                if (organizationId is null)
                {
                    context.Error($"application '{spec.Label}': organization {orgName} not found");
                    continue;
                }
            }

            var specForm = spec.Form.Deserialize<ApplicationForm>(RegistrationRulesProvider.Json) ?? new ApplicationForm();
            var title = spec.Kind == ApplicationKind.NameApproval ? string.Join("、", specForm.ProposedNames) : specForm.Name;
            var existing = await db.Set<RegistrationApplication>().Where(a => a.Kind == spec.Kind && a.Title == title && a.ApplicantUserId == applicant.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                labels[spec.Label] = id;
                continue;
            }

            var (application, created) = await registration.CreateDraftAsync(spec.Kind, applicant.Id, organizationId, cancellationToken);
            if (application is null)
            {
                context.Error($"application '{spec.Label}': {string.Join(", ", created.Errors.Select(e => e.Key))}");
                continue;
            }

            int? nameApplicationId = spec.NameFrom is { } from && labels.TryGetValue(from, out var nameId) ? nameId : null;
            // A change names only what it changes, as an applicant would: the rest stays as the draft took it from the register.
            var form = spec.Kind == ApplicationKind.Change ? Overlay(RegistrationService.ReadForm(application), spec.Form) : specForm;
            var result = await registration.SaveDraftAsync(application, form, nameApplicationId, application.Version, cancellationToken);
            foreach (var document in rules.Kind(spec.Kind).Documents.Where(d => d.Required))
            {
                using var pdf = new MemoryStream(DemoPdf);
                result = result.Succeeded ? await registration.AttachAsync(application, document.Code, pdf, $"{document.Code}.pdf", application.Version, cancellationToken) : result;
            }

            foreach (var trigger in Paths[spec.State])
            {
                if (!result.Succeeded)
                {
                    break;
                }

                result = trigger switch
                {
                    ApplicationTrigger.Submit => await registration.SubmitAsync(application, application.Version, cancellationToken),
                    ApplicationTrigger.Withdraw => await registration.WithdrawAsync(application, application.Version, cancellationToken),
                    _ => await registration.DecideAsync(application, trigger, spec.Note ?? "演示", application.Version, cancellationToken),
                };
            }

            if (!result.Succeeded)
            {
                context.Error($"application '{spec.Label}' could not reach {spec.State}: {string.Join(", ", result.Errors.Select(e => e.Key + " " + string.Join('/', e.Args)))}");
                continue;
            }

            labels[spec.Label] = application.Id;
        }
    }

    /// <summary>The draft's form with the properties the recipe gives replaced.</summary>
    private static ApplicationForm Overlay(ApplicationForm draft, JsonElement changes)
    {
        var merged = JsonSerializer.SerializeToNode(draft, RegistrationRulesProvider.Json)!.AsObject();
        foreach (var property in changes.EnumerateObject())
        {
            var key = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase)) ?? property.Name;
            merged[key] = System.Text.Json.Nodes.JsonNode.Parse(property.Value.GetRawText());
        }

        return merged.Deserialize<ApplicationForm>(RegistrationRulesProvider.Json) ?? draft;
    }

    private sealed record DemoApplication(string Label, ApplicationKind Kind, string Applicant, ApplicationState State, JsonElement Form, string? Organization, string? NameFrom, string? Note);
}
