using System.Globalization;
using System.Text.Json;
using Registry.Core.Localization;
using Registry.Core.Outbox;
using Registry.Disclosure.Contracts;
using Registry.Feedback.Domain;
using Registry.Grants.Contracts;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Ratings.Contracts;

namespace Registry.Feedback.Services;

/// <summary>
/// Records a completed service from each decision the other modules publish: a registration approved or refused, an
/// inspection result, a grade awarded, a grant awarded, a disclosure request answered (to an account; an anonymous applicant
/// cannot sign in to rate). Idempotent by the event's natural key, so a replay records nothing twice.
/// </summary>
internal sealed class CompletedServiceConsumer(FeedbackService feedback) : IOutboxConsumer
{
    public string Name => "feedback.completed-services";

    public bool PerNode => false;

    public bool Accepts(string topic) =>
        topic is RegistrationDecided.Topic or InspectionResultRecorded.Topic or GradeAwarded.Topic or GrantAwarded.Topic or DisclosureRequestAnswered.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Input(message) is { } input)
        {
            await feedback.RecordAsync(input, notify: true, cancellationToken);
        }
    }

    /// <summary>What the event completed, or null when it completes nothing to rate (acceptance, 补正, an anonymous request).</summary>
    public static CompletedServiceInput? Input(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Topic switch
        {
            RegistrationDecided.Topic when JsonSerializer.Deserialize<RegistrationDecided>(message.Payload) is { Trigger: "Approve" or "Reject" } d =>
                new($"registration/{d.ApplicationId}/{d.Trigger}", ServiceKind.Registration, d.OrganizationId, d.ApplicantUserId, d.Title, d.DecidedOn),
            InspectionResultRecorded.Topic when JsonSerializer.Deserialize<InspectionResultRecorded>(message.Payload) is { } r =>
                // One result per organization and year: a corrected result is the same service.
                new($"inspection/{r.OrganizationId}/{r.Year}", ServiceKind.Inspection, r.OrganizationId, null, r.Year.ToString(CultureInfo.InvariantCulture), ChinaTime.Date(message.OccurredAt)),
            GradeAwarded.Topic when JsonSerializer.Deserialize<GradeAwarded>(message.Payload) is { } g =>
                new($"rating/{g.ApplicationId}", ServiceKind.Rating, g.OrganizationId, null, string.Create(CultureInfo.InvariantCulture, $"{g.Grade}A"), g.AwardedOn),
            GrantAwarded.Topic when JsonSerializer.Deserialize<GrantAwarded>(message.Payload) is { } a =>
                new($"grant/{a.ApplicationId}", ServiceKind.Grant, a.OrganizationId, a.ApplicantUserId, a.Title, a.AwardedOn),
            DisclosureRequestAnswered.Topic when JsonSerializer.Deserialize<DisclosureRequestAnswered>(message.Payload) is { ApplicantUserId: not null } q =>
                new($"disclosure/{q.RequestId}", ServiceKind.Disclosure, null, q.ApplicantUserId, q.ReceiptNumber, q.AnsweredOn),
            _ => null,
        };
    }
}
