using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Registry.Core.Finance;
using Registry.Core.Identification;
using Registry.Core.Tabular;
using Registry.Grants.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Grants.Services;

/// <summary>The fund's open data settings (section <c>Registry:Grants:OpenData</c>).</summary>
public sealed class GrantOpenDataOptions
{
    public const string Section = "Registry:Grants:OpenData";

    /// <summary>The publisher's 360Giving identifier prefix: every grant id is <c>{IdPrefix}-{application id}</c>.</summary>
    public string IdPrefix { get; set; } = "360G-haishu-mzj";

    /// <summary>The funder's org-id: a well-formed placeholder until set to the bureau's own <c>CN-USCI-</c> code.</summary>
    public string FunderId { get; set; } = "CN-USCI-" + UnifiedSocialCreditCode.Generate('1', '1', "330203", "MB000001").Value;

    public string FunderName { get; set; } = "宁波市海曙区民政局";

    public string Licence { get; set; } = "https://creativecommons.org/licenses/by/4.0/";
}

/// <summary>A published award as 360Giving describes a grant (amount in exact yuan).</summary>
public sealed record OpenGrant(
    string Id,
    string Title,
    string Description,
    string Currency,
    decimal AmountAwarded,
    DateOnly AwardDate,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string RecipientId,
    string RecipientName,
    string FundingId,
    string FundingName,
    string Programme);

/// <summary>
/// Every published award (an application awarded after the shortlist's 公示) as 360Giving JSON and CSV, with the licence.
/// Ids are the prefix and the application id, so they never change between exports; the planned dates are the agreed
/// period once an agreement exists. Recipients are identified by their 统一社会信用代码 (<c>CN-USCI-…</c>), else by the
/// publisher's prefix and the register's id.
/// </summary>
public sealed class GrantOpenData(DbContext db, IOrganizationRegister register, IOptions<GrantOpenDataOptions> options)
{
    public const string Currency = "CNY";

    /// <summary>The CSV columns (360Giving's spreadsheet titles).</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "Identifier", "Title", "Description", "Currency", "Amount Awarded", "Award Date", "Planned Dates:Start Date", "Planned Dates:End Date",
        "Recipient Org:Identifier", "Recipient Org:Name", "Funding Org:Identifier", "Funding Org:Name", "Grant Programme:Title",
    ];

    public GrantOpenDataOptions Settings => options.Value;

    public async Task<IReadOnlyList<OpenGrant>> GrantsAsync(CancellationToken cancellationToken)
    {
        var awards = await (from a in db.Set<GrantApplication>().AsNoTracking()
                            join r in db.Set<GrantRound>().AsNoTracking() on a.RoundId equals r.Id
                            join g in db.Set<GrantAgreement>().AsNoTracking() on a.Id equals g.ApplicationId into agreements
                            from g in agreements.DefaultIfEmpty()
                            where a.State == GrantState.Awarded && a.AwardedOn != null
                            orderby a.AwardedOn, a.Id
                            select new
                            {
                                a.Id, a.Title, a.Summary, a.OrganizationId, a.OrganizationName, Fen = a.AwardedFen ?? 0, AwardedOn = a.AwardedOn!.Value,
                                StartOn = g == null ? a.StartOn : g.StartOn, EndOn = g == null ? a.EndOn : g.EndOn, Programme = r.Programme + " " + r.Name,
                            }).ToListAsync(cancellationToken);
        var organizations = (await register.FindManyAsync([.. awards.Select(a => a.OrganizationId).Distinct()], cancellationToken)).ToDictionary(o => o.Id);
        var settings = Settings;
        return [.. awards.Select(a => new OpenGrant(
            $"{settings.IdPrefix}-{a.Id.ToString(CultureInfo.InvariantCulture)}", a.Title, a.Summary.Length > 0 ? a.Summary : a.Title, Currency, new Money(a.Fen).ToYuan(), a.AwardedOn,
            a.StartOn, a.EndOn, RecipientId(organizations.GetValueOrDefault(a.OrganizationId), a.OrganizationId, settings), organizations.GetValueOrDefault(a.OrganizationId)?.Name ?? a.OrganizationName,
            settings.FunderId, settings.FunderName, a.Programme))];
    }

    public async Task WriteJsonAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var grants = await GrantsAsync(cancellationToken);
        response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(response.Body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false });
        json.WriteStartObject();
        json.WriteString("license", Settings.Licence);
        json.WriteStartArray("grants");
        foreach (var g in grants)
        {
            json.WriteStartObject();
            json.WriteString("id", g.Id);
            json.WriteString("title", g.Title);
            json.WriteString("description", g.Description);
            json.WriteString("currency", g.Currency);
            json.WriteNumber("amountAwarded", g.AmountAwarded);
            json.WriteString("awardDate", Date(g.AwardDate));
            if (g.StartDate is not null || g.EndDate is not null)
            {
                json.WriteStartArray("plannedDates");
                json.WriteStartObject();
                WriteDate(json, "startDate", g.StartDate);
                WriteDate(json, "endDate", g.EndDate);
                json.WriteEndObject();
                json.WriteEndArray();
            }

            WriteOrganization(json, "recipientOrganization", g.RecipientId, g.RecipientName);
            WriteOrganization(json, "fundingOrganization", g.FundingId, g.FundingName);
            json.WriteStartArray("grantProgramme");
            json.WriteStartObject();
            json.WriteString("title", g.Programme);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    public async Task WriteCsvAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var grants = await GrantsAsync(cancellationToken);
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = "attachment; filename=\"360giving.csv\"";
        // BOM: spreadsheet programs then read the Chinese text as UTF-8.
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await writer.WriteLineAsync(string.Join(',', CsvColumns.Select(CsvText.Quote)));
        foreach (var g in grants)
        {
            string[] cells =
            [
                g.Id, g.Title, g.Description, g.Currency, g.AmountAwarded.ToString("0.00", CultureInfo.InvariantCulture), Date(g.AwardDate), g.StartDate is { } s ? Date(s) : "",
                g.EndDate is { } e ? Date(e) : "", g.RecipientId, g.RecipientName, g.FundingId, g.FundingName, g.Programme,
            ];
            await writer.WriteLineAsync(string.Join(',', cells.Select(CsvText.Quote)));
        }
    }

    private static string RecipientId(OrganizationSummary? organization, int organizationId, GrantOpenDataOptions settings) =>
        organization?.CreditCode is { Length: > 0 } code ? $"CN-USCI-{code}" : $"{settings.IdPrefix}-org-{organizationId.ToString(CultureInfo.InvariantCulture)}";

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? day)
    {
        if (day is { } d)
        {
            json.WriteString(name, Date(d));
        }
    }

    private static void WriteOrganization(Utf8JsonWriter json, string name, string id, string organizationName)
    {
        json.WriteStartArray(name);
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("name", organizationName);
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
