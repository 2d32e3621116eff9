using System.Globalization;
using System.Text.Json;
using Registry.Core.Finance;
using Registry.Core.Localization;
using Registry.Core.Outbox;
using Registry.Core.Settings;
using Registry.Disclosure.Contracts;
using Registry.Documents.Domain;
using Registry.Grants.Contracts;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Ratings.Contracts;

namespace Registry.Documents.Services;

/// <summary>
/// Issues the documents the workflows' decisions call for, from their change-feed events (the workflows do not know this
/// module): 受理通知书, 补正材料通知书, 准予/不予登记决定书 and the 登记证书 from registration decisions, the 年检结论通知书
/// from inspection results, the 评估等级证书 from grades awarded, the 公益创投立项通知书 from awards, the 政府信息公开申请答复书
/// from answered requests for disclosure. Idempotent: a replayed
/// event finds its document (<see cref="IssuedDocument.Source"/>).
/// </summary>
internal sealed class DocumentIssuer(DocumentService documents, IOrganizationRegister register, ISettings settings, ITextCatalog catalog) : IOutboxConsumer
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public string Name => "documents-issuer";

    public bool PerNode => false;

    public bool Accepts(string topic) =>
        topic is RegistrationDecided.Topic or InspectionResultRecorded.Topic or GradeAwarded.Topic or GrantAwarded.Topic or DisclosureRequestAnswered.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message.Topic)
        {
            case RegistrationDecided.Topic when JsonSerializer.Deserialize<RegistrationDecided>(message.Payload) is { } decided:
                await RegistrationAsync(decided, cancellationToken);
                break;
            case InspectionResultRecorded.Topic when JsonSerializer.Deserialize<InspectionResultRecorded>(message.Payload) is { } result:
                await InspectionAsync(result, cancellationToken);
                break;
            case GradeAwarded.Topic when JsonSerializer.Deserialize<GradeAwarded>(message.Payload) is { } grade:
                await documents.IssueAsync(new IssueRequest(DocumentKind.GradeCertificate, $"Ratings/grade/{grade.ApplicationId}", grade.OrganizationId, null, grade.OrganizationName,
                    grade.AwardedOn, grade.ValidUntil, new Dictionary<string, string>
                    {
                        ["grade"] = grade.Grade.ToString(CultureInfo.InvariantCulture),
                        ["valid_from"] = DocumentTemplates.ChineseDate(grade.ValidFrom),
                    }, []), cancellationToken);
                break;
            case GrantAwarded.Topic when JsonSerializer.Deserialize<GrantAwarded>(message.Payload) is { } award:
                await documents.IssueAsync(new IssueRequest(DocumentKind.GrantAwardNotice, $"Grants/award/{award.ApplicationId}", award.OrganizationId, award.ApplicantUserId, award.OrganizationName,
                    award.AwardedOn, null, new Dictionary<string, string>
                    {
                        ["project_title"] = award.Title,
                        ["round"] = award.RoundName,
                        ["amount_yuan"] = new Money(award.AwardedFen).ToYuan().ToString("#,##0.##", CultureInfo.InvariantCulture),
                    }, []), cancellationToken);
                break;
            case DisclosureRequestAnswered.Topic when JsonSerializer.Deserialize<DisclosureRequestAnswered>(message.Payload) is { } answered:
                // Addressed to the applicant's account when there is one; an anonymous applicant gets it through the disclosure module.
                await documents.IssueAsync(new IssueRequest(DocumentKind.DisclosureReply, DisclosureReplies.Source(answered.RequestId), null, answered.ApplicantUserId,
                    answered.ApplicantName, answered.AnsweredOn, null, new Dictionary<string, string>
                    {
                        ["receipt_number"] = answered.ReceiptNumber,
                        ["received_on"] = DocumentTemplates.ChineseDate(answered.ReceivedOn),
                    }, answered.Paragraphs), cancellationToken);
                break;
        }
    }

    private async Task RegistrationAsync(RegistrationDecided decided, CancellationToken cancellationToken)
    {
        var kind = decided.Trigger switch
        {
            "Accept" => DocumentKind.AcceptanceNotice,
            "Return" => DocumentKind.CorrectionNotice,
            "Approve" => DocumentKind.RegistrationApproval,
            "Reject" => DocumentKind.RegistrationRefusal,
            _ => (DocumentKind?)null,
        };
        if (kind is null)
        {
            return;
        }

        var listing = decided.OrganizationId is { } id ? await ListingAsync(id, cancellationToken) : null;
        var holder = listing?.Name ?? decided.Title;
        var fields = new Dictionary<string, string>
        {
            ["application_kind"] = Text($"Documents.ApplicationKind.{decided.Kind}") ?? decided.Kind,
            ["receipt_number"] = decided.ReceiptNumber ?? "",
            ["received_on"] = decided.ReceivedOn is { } received ? DocumentTemplates.ChineseDate(received) : "",
            ["accepted_on"] = decided.AcceptedOn is { } accepted ? DocumentTemplates.ChineseDate(accepted) : "",
            ["credit_code"] = listing?.CreditCode ?? listing?.FilingNumber ?? "",
            ["reason"] = kind == DocumentKind.RegistrationRefusal ? decided.Note ?? "" : "",
            ["review_authority"] = await settings.GetAsync(DocumentSettings.ReviewAuthority, cancellationToken) ?? Text("Documents.DefaultReviewAuthority") ?? "",
        };
        // 一次性告知: each line of the officer's note is one deficiency.
        IReadOnlyList<string> items = kind == DocumentKind.CorrectionNotice
            ? [.. (decided.Note ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
            : [];
        // A 补正 can be asked more than once in one procedure: each request is its own notice.
        var source = kind == DocumentKind.CorrectionNotice
            ? $"Organizations/application/{decided.ApplicationId}/Return/{decided.DecidedOn:yyyyMMdd}/{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(decided.Note ?? "")))[..12]}"
            : $"Organizations/application/{decided.ApplicationId}/{decided.Trigger}";
        await documents.IssueAsync(new IssueRequest(kind.Value, source, decided.OrganizationId, decided.ApplicantUserId, holder, decided.DecidedOn, null, fields, items), cancellationToken);

        // The certificate (登记证书) follows an approved establishment or change; a deregistration leaves it to show as no longer valid.
        if (kind == DocumentKind.RegistrationApproval && decided.Kind is "Establishment" or "Change" or "CommunityFiling" && listing is not null)
        {
            await documents.IssueOrReplaceAsync(new IssueRequest(DocumentKind.RegistrationCertificate, $"Organizations/certificate/{listing.Id}", listing.Id, null, listing.Name,
                decided.DecidedOn, null, new Dictionary<string, string>
                {
                    ["certificate_title"] = Text($"Documents.CertificateTitle.{listing.TypeCode}") ?? "",
                    ["credit_code"] = listing.CreditCode ?? listing.FilingNumber ?? "",
                    ["address"] = CertificateAddress(listing),
                    ["legal_representative"] = listing.LegalRepresentative,
                    ["business_scope"] = listing.BusinessScope,
                }, []), Text("Documents.Reason.ChangeRegistered") ?? "", cancellationToken);
        }
    }

    private async Task InspectionAsync(InspectionResultRecorded result, CancellationToken cancellationToken)
    {
        var listing = await ListingAsync(result.OrganizationId, cancellationToken);
        if (listing is null)
        {
            return;
        }

        // One conclusion per organization and year: a corrected result supersedes the earlier notice.
        await documents.IssueOrReplaceAsync(new IssueRequest(DocumentKind.InspectionConclusion, $"Inspections/result/{result.OrganizationId}/{result.Year}", result.OrganizationId, null,
            listing.Name, ChinaTime.Today(TimeProvider.System), null, new Dictionary<string, string>
            {
                ["year"] = result.Year.ToString(CultureInfo.InvariantCulture),
                ["result"] = Text($"Documents.InspectionResult.{result.Result}") ?? result.Result,
                ["result_code"] = result.Result,
            }, []), Text("Documents.Reason.ResultCorrected") ?? "", cancellationToken);
    }

    /// <summary>
    /// 住所 as the register states it; a record with no address (older imports) falls back to its district, street and
    /// community so the line is never blank.
    /// </summary>
    internal static string CertificateAddress(OrganizationListing listing) =>
        listing.Address is { Length: > 0 } address
            ? address
            : string.Concat(listing.District, listing.Street == OrganizationCodes.NoStreet ? "" : listing.Street, listing.Community ?? "");

    private async Task<OrganizationListing?> ListingAsync(int organizationId, CancellationToken cancellationToken)
    {
        await foreach (var listing in register.ListingsAsync([organizationId], cancellationToken))
        {
            return listing;
        }

        return null;
    }

    private string? Text(string key) => catalog.Find(key, Zh);
}
