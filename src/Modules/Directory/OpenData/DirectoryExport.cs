using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Registry.Core.Finance;
using Registry.Core.Tabular;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;

namespace Registry.Directory.OpenData;

/// <summary>
/// The register as open data, CSV and JSON, written row by row as the database streams it (no whole-file buffer).
/// Contact details are not published; what is published is public register information, with the finances of the latest
/// accepted annual report (year, income, expenditure, net assets at year end, in yuan).
/// </summary>
public sealed class DirectoryExport(IOrganizationRegister register, IPublicFinances finances)
{
    public const string Licence = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)";

    /// <summary>Column names and their meaning, shown on the open-data page.</summary>
    public static readonly IReadOnlyList<(string Name, string DescriptionKey)> Fields =
    [
        ("id", "Directory.OpenData.Field.id"),
        ("name", "Directory.OpenData.Field.name"),
        ("former_names", "Directory.OpenData.Field.former_names"),
        ("type", "Directory.OpenData.Field.type"),
        ("credit_code", "Directory.OpenData.Field.credit_code"),
        ("filing_number", "Directory.OpenData.Field.filing_number"),
        ("status", "Directory.OpenData.Field.status"),
        ("founded_on", "Directory.OpenData.Field.founded_on"),
        ("district", "Directory.OpenData.Field.district"),
        ("street", "Directory.OpenData.Field.street"),
        ("service_fields", "Directory.OpenData.Field.service_fields"),
        ("business_scope", "Directory.OpenData.Field.business_scope"),
        ("legal_representative", "Directory.OpenData.Field.legal_representative"),
        ("grade", "Directory.OpenData.Field.grade"),
        ("credit_standing", "Directory.OpenData.Field.credit_standing"),
        ("finance_year", "Directory.OpenData.Field.finance_year"),
        ("income_yuan", "Directory.OpenData.Field.income_yuan"),
        ("expenditure_yuan", "Directory.OpenData.Field.expenditure_yuan"),
        ("net_assets_yuan", "Directory.OpenData.Field.net_assets_yuan"),
    ];

    public async Task WriteCsvAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = "attachment; filename=\"directory.csv\"";
        // BOM: spreadsheet programs then read the Chinese text as UTF-8.
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await writer.WriteLineAsync(string.Join(',', Fields.Select(f => f.Name)));
        var money = await finances.LatestAsync(cancellationToken);
        await foreach (var o in register.ListingsAsync(null, cancellationToken))
        {
            string[] cells =
            [
                o.Id.ToString(CultureInfo.InvariantCulture), o.Name, string.Join('、', o.FormerNames), o.TypeCode, o.CreditCode ?? "", o.FilingNumber ?? "", o.Status,
                o.FoundedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.District, o.Street, string.Join('、', o.ServiceFields), o.BusinessScope, o.LegalRepresentative,
                Grade(o.Grade) ?? "", o.Standing.ToString(),
                .. money.TryGetValue(o.Id, out var f)
                    ? new[] { f.Year.ToString(CultureInfo.InvariantCulture), new Money(f.IncomeFen).ToYuanString(), new Money(f.ExpenditureFen).ToYuanString(), new Money(f.NetAssetsFen).ToYuanString() }
                    : new[] { "", "", "", "" },
            ];
            await writer.WriteLineAsync(string.Join(',', cells.Select(CsvText.Quote)));
        }
    }

    public async Task WriteJsonAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(response.Body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("licence", Licence);
        json.WriteString("generated_at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        json.WriteStartArray("organizations");
        var money = await finances.LatestAsync(cancellationToken);
        var written = 0;
        await foreach (var o in register.ListingsAsync(null, cancellationToken))
        {
            json.WriteStartObject();
            json.WriteNumber("id", o.Id);
            json.WriteString("name", o.Name);
            json.WriteStartArray("former_names");
            foreach (var former in o.FormerNames)
            {
                json.WriteStringValue(former);
            }

            json.WriteEndArray();
            json.WriteString("type", o.TypeCode);
            json.WriteString("credit_code", o.CreditCode);
            json.WriteString("filing_number", o.FilingNumber);
            json.WriteString("status", o.Status);
            json.WriteString("founded_on", o.FoundedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("district", o.District);
            json.WriteString("street", o.Street);
            json.WriteStartArray("service_fields");
            foreach (var field in o.ServiceFields)
            {
                json.WriteStringValue(field);
            }

            json.WriteEndArray();
            json.WriteString("business_scope", o.BusinessScope);
            json.WriteString("legal_representative", o.LegalRepresentative);
            json.WriteString("grade", Grade(o.Grade));
            json.WriteString("credit_standing", o.Standing.ToString());
            if (money.TryGetValue(o.Id, out var f))
            {
                json.WriteNumber("finance_year", f.Year);
                json.WriteNumber("income_yuan", new Money(f.IncomeFen).ToYuan());
                json.WriteNumber("expenditure_yuan", new Money(f.ExpenditureFen).ToYuan());
                json.WriteNumber("net_assets_yuan", new Money(f.NetAssetsFen).ToYuan());
            }
            else
            {
                json.WriteNull("finance_year");
                json.WriteNull("income_yuan");
                json.WriteNull("expenditure_yuan");
                json.WriteNull("net_assets_yuan");
            }

            json.WriteEndObject();
            if (++written % 500 == 0)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>The rating grade held (评估等级, "5A" … "1A"), or null for none.</summary>
    private static string? Grade(int grade) => grade is >= 1 and <= 5 ? string.Create(CultureInfo.InvariantCulture, $"{grade}A") : null;
}
