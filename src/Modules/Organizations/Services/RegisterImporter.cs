using System.Globalization;
using System.Threading.Channels;
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
/// Every row is validated and checked for clashes; if any is bad nothing is committed and every bad row is reported.
/// </summary>
public sealed class RegisterImporter(DbContext db, RegisterWriter writer, IRegistrationRulesProvider rulesProvider, IMoneyLimits moneyLimits, TimeProvider clock)
{
    public const int MaxRows = 20_000;

    /// <summary>
    /// Rows per chunk: parsed on one thread, then checked and written by <see cref="RegisterWriter.AddPreparedAsync"/>
    /// on the other (an import has up to <see cref="MaxRows"/>); progress is reported per chunk.
    /// </summary>
    private const int ChunkSize = 2_000;

    /// <summary>Chunks the parser may be ahead of the writer (bounds what waits in memory).</summary>
    private const int ChunksAhead = 4;

    /// <summary>
    /// SQLite page cache while a file is written: the register's indexes are updated at random places, and at a million
    /// organizations they outgrow 64 MiB (a miss is a read from the OS, a full cache spills dirty pages mid-transaction).
    /// </summary>
    private const int ImportCacheMebibytes = 256;

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

    private static readonly char[] ServiceFieldSeparators = ['、', ',', '，', ';'];

    private static readonly Dictionary<string, OrganizationStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["正常"] = OrganizationStatus.Active, ["Active"] = OrganizationStatus.Active,
        ["已注销"] = OrganizationStatus.Deregistered, ["Deregistered"] = OrganizationStatus.Deregistered,
        ["已撤销"] = OrganizationStatus.Revoked, ["Revoked"] = OrganizationStatus.Revoked,
    };

    public Task<ImportResult> ImportAsync(Stream content, string fileName, CancellationToken cancellationToken) =>
        ImportAsync(content, fileName, null, cancellationToken);

    /// <summary>
    /// Imports one file; <paramref name="progress"/> hears of rows validated and rows written as they advance.
    /// Two stages on two cores: one thread parses and validates the rows chunk by chunk and prepares what each
    /// organization's revision and audit entry say; this one looks up each chunk's clashes with the register and writes
    /// it, inside the file's one transaction, while the next chunk is parsed (SQLite writes on one thread only). A bad row
    /// stops the writing, not the checking: every bad row of the file is still reported, and the transaction rolls back.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Stream content, string fileName, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var (rows, refusal) = await TabularFile.ReadAsync(content, fileName, Columns, MaxRows, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var rules = await rulesProvider.GetAsync(cancellationToken);
        var counter = new ProgressCounter(rows.Count, progress);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var cache = await db.WidenSqliteCacheAsync(ImportCacheMebibytes, cancellationToken);
        // Keys for every row up front, so the parser builds each organization's revision, audit entry and event too.
        var addition = await writer.StartBulkAdditionAsync(rows.Count, "Org.Cause.Import", cancellationToken);
        var chunks = Channel.CreateBounded<ParsedChunk>(new BoundedChannelOptions(ChunksAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parsing = Task.Run(() => ParseAsync(rows, rules, addition, counter, chunks.Writer, stop.Token), CancellationToken.None);
        ImportResult result;
        try
        {
            result = await WriteAsync(chunks.Reader, counter, cancellationToken);
        }
        finally
        {
            // Out of a failure the parser stops too (a failure of its own reached this thread through the channel).
            await stop.CancelAsync();
            await parsing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (result.Succeeded)
        {
            await cache.DisposeAsync();
            await transaction.CommitAsync(cancellationToken);
        }

        // Otherwise rolled back when the transaction is disposed.
        return result;
    }

    /// <summary>The rows of one chunk that passed parsing and validation, with the errors of those that did not.</summary>
    /// <remarks><c>Addition</c> is null once the file has a bad row (nothing of it will be written).</remarks>
    private sealed record ParsedChunk(List<(int Row, Organization Organization, PreparedAddition? Addition)> Valid, List<ImportError> Errors);

    private async Task ParseAsync(IReadOnlyList<Dictionary<string, string>> rows, RegistrationRules rules, RegisterBulkAddition addition, ProgressCounter counter, ChannelWriter<ParsedChunk> output, CancellationToken cancellationToken)
    {
        try
        {
            var today = Core.Localization.ChinaTime.Today(clock);
            var nameRules = RegisterWriter.NameRulesOf(rules);
            var clean = true;
            for (var start = 0; start < rows.Count; start += ChunkSize)
            {
                var end = Math.Min(rows.Count, start + ChunkSize);
                var chunk = new ParsedChunk(new List<(int, Organization, PreparedAddition?)>(end - start), []);
                for (var i = start; i < end; i++)
                {
                    var rowNumber = i + 1;
                    var organization = ParseRow(rows[i], rowNumber, rules, chunk.Errors);
                    if (organization is null)
                    {
                        continue;
                    }

                    // The rules every entry path shares (a company's 91… code or a code of another type is refused here too).
                    RegisterWriter.Normalize(organization, rules, nameRules);
                    var refused = RegisterValidator.Validate(organization, today);
                    if (refused.Count > 0)
                    {
                        chunk.Errors.AddRange(refused.Select(e => new ImportError(rowNumber, ColumnOf(e.Field), e.Key, e.Args)));
                        continue;
                    }

                    // Once a row is bad nothing is written: the rest is only checked, not prepared for writing.
                    clean &= chunk.Errors.Count == 0;
                    chunk.Valid.Add((rowNumber, organization, clean ? addition.Prepare(organization) : null));
                }

                clean &= chunk.Errors.Count == 0;
                counter.Validated(end - start);
                await output.WriteAsync(chunk, cancellationToken);
            }

            output.Complete();
        }
        catch (Exception exception)
        {
            output.Complete(exception);
            throw;
        }
    }

    /// <summary>
    /// Checks each parsed chunk against the register and the file's earlier rows, and writes it while the file is clean.
    /// Clashes: only this file's codes and names are looked up (indexed), each chunk's as
    /// one array parameter (EF.Parameter), inside the transaction (which holds the earlier chunks, already in the sets).
    /// </summary>
    private async Task<ImportResult> WriteAsync(ChannelReader<ParsedChunk> chunks, ProgressCounter counter, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        // Codes and names the register holds or an earlier row of the file has taken.
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var filings = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var imported = 0;
        await foreach (var parsed in chunks.ReadAllAsync(cancellationToken))
        {
            errors.AddRange(parsed.Errors);
            var valid = parsed.Valid;
            codes.UnionWith(await TakenAsync(valid.Select(v => v.Organization.CreditCode).Where(c => c is not null && !codes.Contains(c)), chunk => db.Set<Organization>().Where(o => EF.Parameter(chunk).Contains(o.CreditCode!)).Select(o => o.CreditCode!), cancellationToken));
            filings.UnionWith(await TakenAsync(valid.Select(v => v.Organization.FilingNumber).Where(f => f is not null && !filings.Contains(f)), chunk => db.Set<Organization>().Where(o => EF.Parameter(chunk).Contains(o.FilingNumber!)).Select(o => o.FilingNumber!), cancellationToken));
            names.UnionWith(await TakenAsync(
                valid.Where(v => v.Organization.Status == OrganizationStatus.Active && !names.Contains(v.Organization.NormalizedName)).Select(v => (string?)v.Organization.NormalizedName),
                chunk => db.Set<Organization>().Where(o => o.Status == OrganizationStatus.Active && EF.Parameter(chunk).Contains(o.NormalizedName)).Select(o => o.NormalizedName),
                cancellationToken));
            foreach (var (rowNumber, organization, _) in valid)
            {
                if (organization.CreditCode is { } code && !codes.Add(code))
                {
                    errors.Add(new ImportError(rowNumber, "CreditCode", "Org.Import.DuplicateCode", code));
                }

                if (organization.FilingNumber is { } filing && !filings.Add(filing))
                {
                    errors.Add(new ImportError(rowNumber, "FilingNumber", "Org.Import.DuplicateCode", filing));
                }

                if (organization.Status == OrganizationStatus.Active && !names.Add(organization.NormalizedName))
                {
                    errors.Add(new ImportError(rowNumber, "Name", "Org.Import.DuplicateName", organization.Name));
                }
            }

            if (errors.Count == 0)
            {
                // Bulk statements for the rows, their revisions, audit entries and events: no SaveChanges, nothing tracked.
                // No bad row so far, so the parser prepared every one of this chunk.
                await writer.AddPreparedAsync([.. valid.Select(v => v.Addition!)], cancellationToken);
                imported += valid.Count;
                counter.Written(valid.Count);
            }
        }

        // Errors in row order, as the clerk reads the file (a row's format errors and its clashes never come together).
        return errors.Count > 0 ? new ImportResult(0, [.. errors.OrderBy(e => e.Row)]) : new ImportResult(imported, []);
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

    /// <summary>Rows validated and written, reported together and in order from both threads.</summary>
    private sealed class ProgressCounter(int rows, IProgress<ImportProgress>? progress)
    {
        private readonly Lock _lock = new();
        private int _validated;
        private int _written;

        public void Validated(int count)
        {
            lock (_lock)
            {
                _validated += count;
                progress?.Report(new ImportProgress(rows, _validated, _written));
            }
        }

        public void Written(int count)
        {
            lock (_lock)
            {
                _written += count;
                progress?.Report(new ImportProgress(rows, _validated, _written));
            }
        }
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
            ServiceFields = string.Join(',', Get("ServiceFields").Split(ServiceFieldSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
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
