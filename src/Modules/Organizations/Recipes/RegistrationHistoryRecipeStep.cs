using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Localization;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Recipes;

/// <summary>
/// "registration-history": procedures already decided (e.g. a past year taken over from the paper ledger), written as
/// decided applications so the figures count them. Each record gives kind, type, state (default Approved), applicant,
/// acceptedOn, decidedOn, a title and a count (titles "title001".. when count > 1). Idempotent by kind + title.
/// </summary>
internal sealed class RegistrationHistoryRecipeStep(DbContext db, UserManager<RegistryUser> users) : IRecipeStep
{
    public string Name => "registration-history";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var item in context.Array("records"))
        {
            var record = item.Deserialize<HistoryRecord>(RegistrationRulesProvider.Json);
            if (record is null || string.IsNullOrWhiteSpace(record.Title) || record.Count < 1)
            {
                context.Error("a record needs a title and a count of at least 1");
                continue;
            }

            if (record.State is not (ApplicationState.Approved or ApplicationState.Rejected) || record.DecidedOn < record.AcceptedOn)
            {
                context.Error($"{record.Title}: only decided applications (Approved, Rejected) decided on or after acceptance are history");
                continue;
            }

            if (await users.FindByEmailAsync(record.Applicant) is not { } applicant)
            {
                context.Error($"{record.Title}: applicant {record.Applicant} does not exist");
                continue;
            }

            var titles = Enumerable.Range(1, record.Count)
                .Select(i => record.Count == 1 ? record.Title : string.Create(CultureInfo.InvariantCulture, $"{record.Title}{i:000}")).ToList();
            var existing = await db.Set<RegistrationApplication>().Where(a => a.Kind == record.Kind && titles.Contains(a.Title)).Select(a => a.Title).ToListAsync(cancellationToken);
            var acceptedAt = ChinaTime.StartUtc(record.AcceptedOn).AddHours(9);
            foreach (var title in titles.Except(existing))
            {
                db.Add(new RegistrationApplication
                {
                    Kind = record.Kind,
                    State = record.State,
                    OrganizationType = record.Type,
                    ApplicantUserId = applicant.Id,
                    Title = title,
                    CreatedAt = acceptedAt,
                    UpdatedAt = acceptedAt,
                    SubmittedAt = acceptedAt,
                    AcceptedOn = record.AcceptedOn,
                    DecidedAt = ChinaTime.StartUtc(record.DecidedOn).AddHours(10),
                });
            }
        }
    }

    private sealed record HistoryRecord(ApplicationKind Kind, OrganizationType Type, string Applicant, DateOnly AcceptedOn, DateOnly DecidedOn, string Title, int Count = 1, ApplicationState State = ApplicationState.Approved);
}
