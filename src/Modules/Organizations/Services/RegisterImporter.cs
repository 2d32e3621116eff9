using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;
using Registry.Core.Finance;
using Registry.Core.Identification;
using Registry.Core.Tabular;
using Registry.Organizations.Domain;
using Registry.Core.Forms;

namespace Registry.Organizations.Services;

/// <summary>
/// How far an import is: the file's rows (its lines while it is still being read: exact for the usual file), rows
/// validated, rows written (all-or-nothing: written rows commit at the end).
/// </summary>
public sealed record ImportProgress(int Rows, int Validated, int Written);

/// <summary>
/// Bulk import of the paper register from CSV or XLSX (header row with Chinese or English column names).
/// Every row is validated and checked for clashes; if any is bad nothing is committed and every bad row is reported.
/// </summary>
public sealed class RegisterImporter(DbContext db, IServiceScopeFactory scopes, RegisterWriter writer, IRegistrationRulesProvider rulesProvider, IMoneyLimits moneyLimits, TimeProvider clock)
{
    public const int MaxRows = 20_000;

    /// <summary>
    /// Rows per chunk: read on one thread, parsed on another, then checked and written by
    /// <see cref="RegisterWriter.AddPreparedAsync"/> on the third (an import has up to <see cref="MaxRows"/>); progress
    /// is reported per chunk.
    /// </summary>
    private const int ChunkSize = 2_000;

    /// <summary>
    /// Chunks a stage may be ahead of the next: bounds what waits in memory, and so what outlives the GC's youngest
    /// generation only to be promoted (every row's strings wait in a chunk).
    /// </summary>
    private const int ChunksAhead = 2;

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

    /// <summary>The columns read, by position: a row's cells come in this order (<see cref="TabularRows.Read"/>).</summary>
    private static readonly string[] Fields =
    [
        "Name", "Type", "CreditCode", "FilingNumber", "SupervisingUnit", "LegalRepresentative", "Street", "Community",
        "Address", "ServiceFields", "BusinessScope", "ActivityFunds", "IndividualMembers", "UnitMembers", "FoundedOn", "Status",
    ];

    private const int NameCell = 0, TypeCell = 1, CreditCodeCell = 2, FilingNumberCell = 3, SupervisingUnitCell = 4, LegalRepresentativeCell = 5,
        StreetCell = 6, CommunityCell = 7, AddressCell = 8, ServiceFieldsCell = 9, BusinessScopeCell = 10, ActivityFundsCell = 11,
        IndividualMembersCell = 12, UnitMembersCell = 13, FoundedOnCell = 14, StatusCell = 15;

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
    /// Three stages: one thread reads the file's rows (a CSV is split as it is read, not before); one parses and validates
    /// them chunk by chunk, prepares what each organization's revision and audit entry say, and looks up which of the
    /// chunk's codes and names the register already holds, on a connection of its own; this one checks each chunk's
    /// clashes (with the register and the file's earlier rows) and writes it, inside the file's one transaction (SQLite
    /// writes on one thread only). A bad row stops the writing, not the checking: every bad row of the file is still
    /// reported, and the transaction rolls back; a file refused while read (too many rows, unreadable) is refused whole.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Stream content, string fileName, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var (file, refusal) = await TabularFile.OpenAsync(content, fileName, Columns, Fields, MaxRows, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        using var rows = file!;
        var rules = await rulesProvider.GetAsync(cancellationToken);
        // Rows: the file's lines until it has been read (exact for the usual file), then its rows.
        var counter = new ProgressCounter(rows.RowsAtMost, progress);
        await using var bulk = await db.SqliteBulkWriteAsync(ImportCacheMebibytes, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Keys for every row up front (as many as the file can have rows), so the parser builds each organization's
        // revision, audit entry and event too.
        var addition = await writer.StartBulkAdditionAsync(rows.RowsAtMost, "Org.Cause.Import", cancellationToken);
        var read = Channel.CreateBounded<RowChunk>(new BoundedChannelOptions(ChunksAhead) { SingleReader = true, SingleWriter = true });
        var parsed = Channel.CreateBounded<ParsedChunk>(new BoundedChannelOptions(ChunksAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAsync(rows, counter, read.Writer, stop.Token), CancellationToken.None);
        // The register as committed: the file's transaction has begun (on SQLite it holds the one write lock from its
        // BEGIN IMMEDIATE, so nothing else commits until it ends), and its own rows are checked from the writer's sets.
        await using var lookupScope = scopes.CreateAsyncScope();
        var register = lookupScope.ServiceProvider.GetRequiredService<DbContext>();
        var parsing = Task.Run(() => ParseAsync(read.Reader, rules, addition, register, counter, parsed.Writer, stop.Token), CancellationToken.None);
        ImportResult result;
        try
        {
            result = await WriteAsync(parsed.Reader, counter, cancellationToken);
        }
        finally
        {
            // Out of a failure the other stages stop too (a failure of their own reached this thread through the channels).
            await stop.CancelAsync();
            await parsing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // A file refused while read is refused whole (what was written of it rolls back with the transaction).
        if (rows.Refusal is { } late)
        {
            return late;
        }

        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        // Otherwise rolled back when the transaction is disposed.
        return result;
    }

    /// <summary>Rows of the file as read (cells by <see cref="Fields"/>), numbered from <c>FirstRow</c>.</summary>
    private sealed record RowChunk(int FirstRow, List<string[]> Rows);

    /// <summary>
    /// The rows of one chunk that passed parsing and validation, with the errors of those that did not, and which of
    /// their credit codes, filing numbers and (active) clash keys of names the register holds.
    /// </summary>
    /// <remarks><c>Addition</c> is null once the file has a bad row (nothing of it will be written).</remarks>
    private sealed record ParsedChunk(List<(int Row, Organization Organization, PreparedAddition? Addition)> Valid, List<ImportError> Errors, TakenKeys Taken);

    /// <summary>Which of a chunk's credit codes, filing numbers and active organizations' name keys the register holds.</summary>
    private sealed record TakenKeys(HashSet<string> Codes, HashSet<string> Filings, HashSet<string> Names);

    /// <summary>Reads the file's rows in chunks; at its end (or refusal) the progress learns how many rows it has.</summary>
    private static async Task ReadAsync(TabularRows rows, ProgressCounter counter, ChannelWriter<RowChunk> output, CancellationToken cancellationToken)
    {
        try
        {
            var more = true;
            while (more)
            {
                var chunk = new RowChunk(rows.RowsRead + 1, new List<string[]>(ChunkSize));
                while (chunk.Rows.Count < ChunkSize)
                {
                    var cells = new string[Fields.Length];
                    if (!rows.Read(cells))
                    {
                        more = false;
                        break;
                    }

                    chunk.Rows.Add(cells);
                }

                if (!more)
                {
                    counter.Read(rows.RowsRead);
                }

                // A refused file is not parsed further: its refusal is the whole answer.
                if (chunk.Rows.Count > 0 && rows.Refusal is null)
                {
                    await output.WriteAsync(chunk, cancellationToken);
                }
            }

            output.Complete();
        }
        catch (Exception exception)
        {
            output.Complete(exception);
            throw;
        }
    }

    private async Task ParseAsync(ChannelReader<RowChunk> input, RegistrationRules rules, RegisterBulkAddition addition, DbContext register, ProgressCounter counter, ChannelWriter<ParsedChunk> output, CancellationToken cancellationToken)
    {
        try
        {
            var today = Core.Localization.ChinaTime.Today(clock);
            var nameRules = RegisterWriter.NameRulesOf(rules);
            var clean = true;
            await foreach (var rows in input.ReadAllAsync(cancellationToken))
            {
                var valid = new List<(int Row, Organization Organization, PreparedAddition? Addition)>(rows.Rows.Count);
                var errors = new List<ImportError>();
                for (var i = 0; i < rows.Rows.Count; i++)
                {
                    var rowNumber = rows.FirstRow + i;
                    var organization = ParseRow(rows.Rows[i], rowNumber, rules, errors);
                    if (organization is null)
                    {
                        continue;
                    }

                    // The rules every entry path shares (a company's 91… code or a code of another type is refused here too).
                    RegisterWriter.Normalize(organization, rules, nameRules);
                    var refused = RegisterValidator.Validate(organization, today);
                    if (refused.Count > 0)
                    {
                        foreach (var error in refused)
                        {
                            errors.Add(new ImportError(rowNumber, ColumnOf(error.Field), error.Key, error.Args));
                        }

                        continue;
                    }

                    // Once a row is bad nothing is written: the rest is only checked, not prepared for writing.
                    clean &= errors.Count == 0;
                    valid.Add((rowNumber, organization, clean ? addition.Prepare(organization) : null));
                }

                clean &= errors.Count == 0;
                var organizations = valid.Select(v => v.Organization).ToList();
                var taken = new TakenKeys(
                    await TakenAsync(organizations.Select(o => o.CreditCode), values => register.Set<Organization>().Where(o => EF.Parameter(values).Contains(o.CreditCode!)).Select(o => o.CreditCode!), cancellationToken),
                    await TakenAsync(organizations.Select(o => o.FilingNumber), values => register.Set<Organization>().Where(o => EF.Parameter(values).Contains(o.FilingNumber!)).Select(o => o.FilingNumber!), cancellationToken),
                    await TakenAsync(
                        organizations.Where(o => o.Status == OrganizationStatus.Active).Select(o => (string?)o.NormalizedName),
                        values => register.Set<Organization>().Where(o => o.Status == OrganizationStatus.Active && EF.Parameter(values).Contains(o.NormalizedName)).Select(o => o.NormalizedName),
                        cancellationToken));
                counter.Validated(rows.Rows.Count);
                await output.WriteAsync(new ParsedChunk(valid, errors, taken), cancellationToken);
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
    /// Checks each parsed chunk against the register (what the parser found taken) and the file's earlier rows (in the
    /// sets: not yet committed, so not in the register the parser reads), and writes it while the file is clean.
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
            codes.UnionWith(parsed.Taken.Codes);
            filings.UnionWith(parsed.Taken.Filings);
            names.UnionWith(parsed.Taken.Names);
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

    /// <summary>Rows, rows validated and rows written, reported together and in order from the three threads.</summary>
    private sealed class ProgressCounter(int rows, IProgress<ImportProgress>? progress)
    {
        private readonly Lock _lock = new();
        private int _rows = rows;
        private int _validated;
        private int _written;

        /// <summary>The file has been read: it has <paramref name="total"/> rows.</summary>
        public void Read(int total)
        {
            lock (_lock)
            {
                _rows = total;
                progress?.Report(new ImportProgress(_rows, _validated, _written));
            }
        }

        public void Validated(int count)
        {
            lock (_lock)
            {
                _validated += count;
                progress?.Report(new ImportProgress(_rows, _validated, _written));
            }
        }

        public void Written(int count)
        {
            lock (_lock)
            {
                _written += count;
                progress?.Report(new ImportProgress(_rows, _validated, _written));
            }
        }
    }

    private Organization? ParseRow(string[] row, int rowNumber, RegistrationRules rules, List<ImportError> errors)
    {
        var before = errors.Count;
        string Get(int cell) => row[cell];
        void Fail(string column, string key, params object[] args) => errors.Add(new ImportError(rowNumber, column, key, args));

        var name = Get(NameCell);
        if (!Types.TryGetValue(Get(TypeCell), out var type))
        {
            Fail("Type", "Org.Import.BadType", Get(TypeCell));
        }

        if (!DateOnly.TryParse(Get(FoundedOnCell), CultureInfo.InvariantCulture, out var founded) || !InputLimits.IsSaneDate(founded))
        {
            Fail("FoundedOn", "Org.Import.BadDate", Get(FoundedOnCell));
        }

        var funds = Money.Zero;
        if (Get(ActivityFundsCell).Length > 0 && !moneyLimits.TryParse(Get(ActivityFundsCell), MoneyField.ActivityFunds, out funds, out var moneyError))
        {
            Fail("ActivityFunds", moneyError!);
        }

        var individual = Count(Get(IndividualMembersCell), "IndividualMembers", Fail);
        var unit = Count(Get(UnitMembersCell), "UnitMembers", Fail);
        var status = OrganizationStatus.Active;
        if (Get(StatusCell).Length > 0 && !Statuses.TryGetValue(Get(StatusCell), out status))
        {
            Fail("Status", "Org.Import.BadStatus", Get(StatusCell));
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new Organization
        {
            Name = name,
            Type = type,
            CreditCode = NullIfEmpty(Get(CreditCodeCell)),
            FilingNumber = NullIfEmpty(Get(FilingNumberCell)),
            SupervisingUnit = NullIfEmpty(Get(SupervisingUnitCell)),
            LegalRepresentative = Get(LegalRepresentativeCell),
            District = rules.DistrictName,
            Street = Get(StreetCell),
            Community = NullIfEmpty(Get(CommunityCell)),
            Address = Get(AddressCell),
            ServiceFields = string.Join(',', Get(ServiceFieldsCell).Split(ServiceFieldSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            BusinessScope = Get(BusinessScopeCell),
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
