using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Finance;
using Registry.Core.Identification;
using Registry.Core.Tabular;
using Registry.Organizations.Domain;
using Registry.Core.Forms;

namespace Registry.Organizations.Services;

/// <summary>How far an import is: rows read, rows validated, rows written (all-or-nothing: written rows commit at the end).</summary>
public sealed record ImportProgress(int Rows, int Validated, int Written);

/// <summary>
/// Bulk import of the paper register from CSV or XLSX (header row with Chinese or English column names).
/// Every row is validated first; if any is bad nothing is written and every bad row is reported.
/// </summary>
public sealed class RegisterImporter(DbContext db, RegisterWriter writer, IRegistrationRulesProvider rulesProvider, IMoneyLimits moneyLimits, TimeProvider clock)
{
    public const int MaxRows = 20_000;

    /// <summary>Organizations written per round of <see cref="RegisterWriter.AddManyAsync"/> (an import has up to <see cref="MaxRows"/>).</summary>
    private const int WriteChunkSize = 2_000;

    /// <summary>SQLite page cache while a file is written (the register's indexes are updated at random places).</summary>
    private const int ImportCacheMebibytes = 64;

    /// <summary>Rows between two progress reports while validating.</summary>
    private const int ProgressEvery = 1_000;

    /// <summary>Codes or names per lookup of the ones the register already holds (one array parameter each).</summary>
    private const int LookupChunkSize = 5_000;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["名称"] = "Name", ["Name"] = "Name",
        ["类型"] = "Type", ["Type"] = "Type",
        ["统一社会信用代码"] = "CreditCode", ["CreditCode"] = "CreditCode",
        ["备案编号"] = "FilingNumber", ["FilingNumber"] = "FilingNumber",
        ["业务主管单位"] = "SupervisingUnit", ["SupervisingUnit"] = "SupervisingUnit",
        ["法定代表人"] = "LegalRepresentative", ["LegalRepresentative"] = "LegalRepresentative",
        ["街道"] = "Street", ["Street"] = "Street",
        ["社区"] = "Community", ["Community"] = "Community",
        ["住所"] = "Address", ["Address"] = "Address",
        ["服务领域"] = "ServiceFields", ["ServiceFields"] = "ServiceFields",
        ["业务范围"] = "BusinessScope", ["BusinessScope"] = "BusinessScope",
        ["活动资金"] = "ActivityFunds", ["ActivityFunds"] = "ActivityFunds",
        ["个人会员数"] = "IndividualMembers", ["IndividualMembers"] = "IndividualMembers",
        ["单位会员数"] = "UnitMembers", ["UnitMembers"] = "UnitMembers",
        ["成立日期"] = "FoundedOn", ["FoundedOn"] = "FoundedOn",
        ["状态"] = "Status", ["Status"] = "Status",
    };

    private static readonly Dictionary<string, OrganizationType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["社会团体"] = OrganizationType.SocialGroup, ["SocialGroup"] = OrganizationType.SocialGroup,
        ["民办非企业单位"] = OrganizationType.PrivateNonEnterprise, ["社会服务机构"] = OrganizationType.PrivateNonEnterprise, ["PrivateNonEnterprise"] = OrganizationType.PrivateNonEnterprise,
        ["基金会"] = OrganizationType.Foundation, ["Foundation"] = OrganizationType.Foundation,
        ["社区社会组织"] = OrganizationType.Community, ["Community"] = OrganizationType.Community,
    };

    private static readonly Dictionary<string, OrganizationStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["正常"] = OrganizationStatus.Active, ["Active"] = OrganizationStatus.Active,
        ["已注销"] = OrganizationStatus.Deregistered, ["Deregistered"] = OrganizationStatus.Deregistered,
        ["已撤销"] = OrganizationStatus.Revoked, ["Revoked"] = OrganizationStatus.Revoked,
    };

    public Task<ImportResult> ImportAsync(Stream content, string fileName, CancellationToken cancellationToken) =>
        ImportAsync(content, fileName, null, cancellationToken);

    /// <summary>Imports one file; <paramref name="progress"/> hears of rows validated and rows written as they advance.</summary>
    public async Task<ImportResult> ImportAsync(Stream content, string fileName, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var (rows, refusal) = await TabularFile.ReadAsync(content, fileName, Columns, MaxRows, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var rules = await rulesProvider.GetAsync(cancellationToken);
        var today = Core.Localization.ChinaTime.Today(clock);
        var nameRules = RegisterWriter.NameRulesOf(rules);
        var errors = new List<ImportError>();
        var valid = new List<(int Row, Organization Organization)>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var rowNumber = i + 1;
            var organization = ParseRow(rows[i], rowNumber, rules, errors);
            if (organization is null)
            {
                continue;
            }

            // The rules every entry path shares (a company's 91… code or a code of another type is refused here too).
            RegisterWriter.Normalize(organization, rules, nameRules);
            var refused = RegisterValidator.Validate(organization, today);
            if (refused.Count > 0)
            {
                errors.AddRange(refused.Select(e => new ImportError(rowNumber, ColumnOf(e.Field), e.Key, e.Args)));
                continue;
            }

            valid.Add((rowNumber, organization));
            if (rowNumber % ProgressEvery == 0)
            {
                progress?.Report(new ImportProgress(rows.Count, rowNumber, 0));
            }
        }

        progress?.Report(new ImportProgress(rows.Count, rows.Count, 0));

        // Clashes with the register: only this file's codes and names are looked up (indexed), not the whole register.
        // Each chunk goes as one array parameter (EF.Parameter): a thousand named parameters cost more to bind than the lookup.
        var existingCodes = await TakenAsync(valid.Select(v => v.Organization.CreditCode), chunk => db.Set<Organization>().Where(o => EF.Parameter(chunk).Contains(o.CreditCode!)).Select(o => o.CreditCode!), cancellationToken);
        var existingFilings = await TakenAsync(valid.Select(v => v.Organization.FilingNumber), chunk => db.Set<Organization>().Where(o => EF.Parameter(chunk).Contains(o.FilingNumber!)).Select(o => o.FilingNumber!), cancellationToken);
        var existingNames = await TakenAsync(
            valid.Where(v => v.Organization.Status == OrganizationStatus.Active).Select(v => (string?)v.Organization.NormalizedName),
            chunk => db.Set<Organization>().Where(o => o.Status == OrganizationStatus.Active && EF.Parameter(chunk).Contains(o.NormalizedName)).Select(o => o.NormalizedName),
            cancellationToken);
        var parsed = new List<Organization>(valid.Count);
        foreach (var (rowNumber, organization) in valid)
        {
            if (organization.CreditCode is { } code && !existingCodes.Add(code))
            {
                errors.Add(new ImportError(rowNumber, "CreditCode", "Org.Import.DuplicateCode", code));
            }

            if (organization.FilingNumber is { } filing && !existingFilings.Add(filing))
            {
                errors.Add(new ImportError(rowNumber, "FilingNumber", "Org.Import.DuplicateCode", filing));
            }

            if (organization.Status == OrganizationStatus.Active && !existingNames.Add(organization.NormalizedName))
            {
                errors.Add(new ImportError(rowNumber, "Name", "Org.Import.DuplicateName", organization.Name));
            }

            parsed.Add(organization);
        }

        if (errors.Count > 0)
        {
            // In row order, as the clerk reads the file (a row's format errors and its clashes never come together).
            return new ImportResult(0, [.. errors.OrderBy(e => e.Row)]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var cache = await db.WidenSqliteCacheAsync(ImportCacheMebibytes, cancellationToken);
        var written = 0;
        foreach (var chunk in parsed.Chunk(WriteChunkSize))
        {
            // Bulk statements for the rows, their revisions, audit entries and events: no SaveChanges, nothing tracked.
            await writer.AddManyAsync(chunk, "Org.Cause.Import", cancellationToken);
            written += chunk.Length;
            progress?.Report(new ImportProgress(rows.Count, rows.Count, written));
        }

        await cache.DisposeAsync();
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(parsed.Count, []);
    }

    /// <summary>Which of <paramref name="values"/> the register already holds, looked up in chunks (a bounded parameter list each).</summary>
    private static async Task<HashSet<string>> TakenAsync(IEnumerable<string?> values, Func<string[], IQueryable<string>> query, CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in values.OfType<string>().Distinct(StringComparer.Ordinal).Chunk(LookupChunkSize))
        {
            taken.UnionWith(await query(chunk).ToListAsync(cancellationToken));
        }

        return taken;
    }

    private Organization? ParseRow(Dictionary<string, string> row, int rowNumber, RegistrationRules rules, List<ImportError> errors)
    {
        var before = errors.Count;
        string Get(string column) => row.TryGetValue(column, out var value) ? value : "";
        void Fail(string column, string key, params object[] args) => errors.Add(new ImportError(rowNumber, column, key, args));

        var name = Get("Name");
        if (!Types.TryGetValue(Get("Type"), out var type))
        {
            Fail("Type", "Org.Import.BadType", Get("Type"));
        }

        if (!DateOnly.TryParse(Get("FoundedOn"), CultureInfo.InvariantCulture, out var founded) || !InputLimits.IsSaneDate(founded))
        {
            Fail("FoundedOn", "Org.Import.BadDate", Get("FoundedOn"));
        }

        var funds = Money.Zero;
        if (Get("ActivityFunds").Length > 0 && !moneyLimits.TryParse(Get("ActivityFunds"), MoneyField.ActivityFunds, out funds, out var moneyError))
        {
            Fail("ActivityFunds", moneyError!);
        }

        var individual = Count(Get("IndividualMembers"), "IndividualMembers", Fail);
        var unit = Count(Get("UnitMembers"), "UnitMembers", Fail);
        var status = OrganizationStatus.Active;
        if (Get("Status").Length > 0 && !Statuses.TryGetValue(Get("Status"), out status))
        {
            Fail("Status", "Org.Import.BadStatus", Get("Status"));
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new Organization
        {
            Name = name,
            Type = type,
            CreditCode = NullIfEmpty(Get("CreditCode")),
            FilingNumber = NullIfEmpty(Get("FilingNumber")),
            SupervisingUnit = NullIfEmpty(Get("SupervisingUnit")),
            LegalRepresentative = Get("LegalRepresentative"),
            District = rules.DistrictName,
            Street = Get("Street"),
            Community = NullIfEmpty(Get("Community")),
            Address = Get("Address"),
            ServiceFields = string.Join(',', Get("ServiceFields").Split(['、', ',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            BusinessScope = Get("BusinessScope"),
            ActivityFundsFen = funds.Fen,
            IndividualMembers = individual,
            UnitMembers = unit,
            FoundedOn = founded,
            Status = status,
            StatusChangedOn = status == OrganizationStatus.Active ? null : founded,
            RegisteringAuthority = rules.RegisteringAuthority,
        };
    }

    /// <summary>The file's column for a register field (they share names; the validator calls the funds' column ActivityFunds too).</summary>
    private static string ColumnOf(string field) => field;

    private static int Count(string text, string column, Action<string, string, object[]> fail)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            fail(column, "Org.Import.BadCount", [text]);
        }

        return value;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
