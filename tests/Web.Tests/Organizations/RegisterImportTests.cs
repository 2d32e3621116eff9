using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Outbox;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Organizations;

/// <summary>
/// The register import's bulk path on each provider: a file larger than one write batch lands whole with one revision,
/// one audit entry (sealed onto an intact chain) and one change-feed event per organization; every bad row is reported
/// and nothing written; the progress of a form's import can be polled, and the same form sent twice imports once.
/// </summary>
public abstract partial class RegisterImportTests<TApp>(TApp app)
    where TApp : AppFixture
{
    private const string ImportPage = "/Organizations/Admin/Register/Import";
    private const string FormSelector = "main form[enctype='multipart/form-data']";

    /// <summary>More rows than one batch of the writer (2,000), so the batches and the key read-back are exercised.</summary>
    private const int LargeFile = 2_345;

    [Fact]
    public async Task Import_LargerThanABatch_EveryOrganizationWithOneRevisionAuditEntryAndEvent()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        long lastEvent;
        int before;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            lastEvent = await db.Set<OutboxMessage>().MaxAsync(m => (long?)m.Id) ?? 0;
            before = await db.Set<Organization>().CountAsync();
        }

        var rows = Enumerable.Range(0, LargeFile).Select(i => Row($"宁波市海曙区批量导入{i:0000}号协会", "社会团体", Code('1', 300_000 + i))).ToArray();
        var form = await officer.ReadFormAsync(ImportPage, FormSelector);
        using var response = await officer.PostFormAsync(form, new Dictionary<string, string>(), files: File(Csv(rows)));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, RegistrationClient.ErrorsOf(await response.Content.ReadAsStringAsync()));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var imported = await db.Set<Organization>().Where(o => o.Name.StartsWith("宁波市海曙区批量导入")).ToListAsync();
            imported.Count.ShouldBe(LargeFile);
            (await db.Set<Organization>().CountAsync()).ShouldBe(before + LargeFile);
            var sample = imported.Single(o => o.Name == "宁波市海曙区批量导入2344号协会");
            (sample.CreditCode, sample.Street, sample.ActivityFundsFen, sample.IndividualMembers, sample.FoundedOn, sample.Status)
                .ShouldBe((Code('1', 302_344), "鼓楼街道", 3_000_000L, 60, new DateOnly(2015, 3, 1), OrganizationStatus.Active));
            var ids = imported.Select(o => o.Id).ToHashSet();
            var revisions = await db.Set<OrganizationRevision>().Where(r => r.Cause == "Org.Cause.Import" && r.Number == 1).Select(r => r.OrganizationId).ToListAsync();
            revisions.Where(ids.Contains).Order().ShouldBe(ids.Order());
            var audited = await db.Set<AuditEntry>().Where(a => a.Action == "organization.import").Select(a => a.EntityId).ToListAsync();
            audited.Where(id => ids.Contains(int.Parse(id, CultureInfo.InvariantCulture))).Count().ShouldBe(LargeFile);
            var events = await db.Set<OutboxMessage>().Where(m => m.Id > lastEvent && m.Topic == OrganizationEvents.Changed).Select(m => m.Payload).ToListAsync();
            events.Select(p => JsonSerializer.Deserialize<OrganizationChanged>(p)!.OrganizationId).Order().ShouldBe(ids.Order());

            var key = scope.ServiceProvider.GetRequiredService<AuditKey>();
            await AuditChain.SealPendingAsync(db, key, CancellationToken.None);
            (await AuditChain.VerifyAsync(db, key, CancellationToken.None)).IsIntact.ShouldBeTrue();
        }

        var progress = await ProgressAsync(officer, form);
        (progress.Rows, progress.Validated, progress.Written).ShouldBe((LargeFile, LargeFile, LargeFile));
    }

    [Fact]
    public async Task Import_ClashesWithTheRegisterAndWithinTheFile_EveryBadRowReportedNothingWritten()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var taken = Code('1', 310_001);
        using (var first = await UploadAsync(officer, Csv(Row("宁波市海曙区已登记冲突测试协会", "社会团体", taken))))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect, RegistrationClient.ErrorsOf(await first.Content.ReadAsStringAsync()));
        }

        var before = await CountAsync();
        var repeated = Code('1', 310_002);
        var csv = Csv(
            Row("宁波市海曙区冲突测试甲协会", "社会团体", repeated),
            Row("宁波市海曙区冲突测试乙协会", "社会团体", taken),
            Row("宁波市海曙区冲突测试丙协会", "社会团体", repeated),
            Row("宁波市海曙区已登记冲突测试协会", "社会团体", Code('1', 310_003)),
            Row("宁波市海曙区冲突测试丁协会", "社会团体", Code('1', 310_004)).Replace("2015-03-01", "2015-13-01", StringComparison.Ordinal));

        using var response = await UploadAsync(officer, csv);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var reported = ErrorRow().Matches(html).Select(m => (Row: m.Groups[1].Value, Column: m.Groups[2].Value)).ToList();
        reported.Select(r => r.Row).ShouldBe(["2", "3", "4", "5"], html);
        reported.Select(r => r.Column).ShouldBe(["统一社会信用代码", "统一社会信用代码", "名称", "成立日期"], html);
        (await CountAsync()).ShouldBe(before);
    }

    /// <summary>
    /// The file is checked and written chunk by chunk (2,000 rows; the next chunk is parsed while one is written): a clash
    /// with a row of an earlier, already written chunk and a bad row in the last chunk are all reported, and nothing of the
    /// file stays (no organization, revision, audit entry or event).
    /// </summary>
    [Fact]
    public async Task Import_BadRowsAfterAWrittenChunk_EveryBadRowReportedNothingKept()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var before = await TotalsAsync();
        var rows = Enumerable.Range(0, LargeFile).Select(i => Row($"宁波市海曙区分块回滚测试{i:0000}号协会", "社会团体", Code('1', 350_000 + i))).ToArray();
        // The code of row 8, the name of row 4, an impossible date.
        rows[2_100] = Row("宁波市海曙区分块回滚测试重复代码协会", "社会团体", Code('1', 350_007));
        rows[2_200] = Row("宁波市海曙区分块回滚测试0003号协会", "社会团体", Code('1', 359_999));
        rows[LargeFile - 1] = rows[LargeFile - 1].Replace("2015-03-01", "2015-13-01", StringComparison.Ordinal);

        using var response = await UploadAsync(officer, Csv(rows));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var reported = ErrorRow().Matches(html).Select(m => (Row: m.Groups[1].Value, Column: m.Groups[2].Value)).ToList();
        reported.ShouldBe([("2101", "统一社会信用代码"), ("2201", "名称"), ("2345", "成立日期")], html);
        (await TotalsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Import_SameFormSentTwice_ImportsOnceAndRefusesTheSecond()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var before = await CountAsync();
        var form = await officer.ReadFormAsync(ImportPage, FormSelector);
        var csv = Csv(Row("宁波市海曙区重复提交甲协会", "社会团体", Code('1', 320_001)), Row("宁波市海曙区重复提交乙服务中心", "民办非企业单位", Code('2', 320_002)));

        using var first = await officer.PostFormAsync(form, new Dictionary<string, string>(), files: File(csv));
        using var second = await officer.PostFormAsync(form, new Dictionary<string, string>(), files: File(csv));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect, RegistrationClient.ErrorsOf(await first.Content.ReadAsStringAsync()));
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).ShouldContain("已经提交过");
        (await CountAsync()).ShouldBe(before + 2);

        // The page the refusal shows carries a new form id, so a corrected file can still be sent.
        (await officer.ReadFormAsync(ImportPage, FormSelector)).Values["importId"].ShouldNotBe(form.Values["importId"]);
    }

    [Fact]
    public async Task Progress_OfAnotherUsersOrAnUnknownImport_IsNotFound()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var form = await officer.ReadFormAsync(ImportPage, FormSelector);
        using (var response = await officer.PostFormAsync(form, new Dictionary<string, string>(), files: File(Csv(Row("宁波市海曙区进度查询测试协会", "社会团体", Code('1', 330_001))))))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, RegistrationClient.ErrorsOf(await response.Content.ReadAsStringAsync()));
        }

        var colleague = await app.SignedInClientAsync(TestAccounts.Officer2);
        using var otherUser = await colleague.GetAsync(ProgressUri(form));
        otherUser.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var unknown = await officer.GetAsync(new Uri($"{ImportPage}?handler=Progress&id={Guid.NewGuid():N}", UriKind.Relative));
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var malformed = await officer.GetAsync(new Uri($"{ImportPage}?handler=Progress&id=..%2F", UriKind.Relative));
        malformed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// The bulk path binds values itself (by position, straight through SQLitePCL on SQLite): every column of the
    /// organization, its revision, audit entry and event must be stored exactly as SaveChanges stores them.
    /// </summary>
    [Fact]
    public async Task BulkWrite_StoresEveryColumnAsSaveChangesDoes()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<RegisterWriter>();
        var tracked = Sample("宁波市海曙区逐条写入对照协会", Code('1', 340_001));
        var bulk = Sample("宁波市海曙区批量写入对照协会", Code('1', 340_002));
        await writer.AddAsync(tracked, "Org.Cause.Import", null, CancellationToken.None);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await writer.AddManyAsync([bulk], "Org.Cause.Import", CancellationToken.None);
            await transaction.CommitAsync();
        }

        // Same values but for the name and code (and what is derived from them or the key). The one-by-one path saves
        // twice (its version is 1) at other instants: times are compared by their stored form (type and shape) only.
        string Same(string text) => text.Replace(tracked.Name, bulk.Name, StringComparison.Ordinal).Replace(tracked.CreditCode!, bulk.CreditCode!, StringComparison.Ordinal);
        var byTracked = await StoredAsync<Organization>(db, ("Id", tracked.Id));
        var byBulk = await StoredAsync<Organization>(db, ("Id", bulk.Id));
        Comparable(byBulk, "Id", "Version").ShouldBe(Comparable(byTracked, "Id", "Version").ToDictionary(p => p.Key, p => Same(p.Value)));
        byBulk["Version"].ShouldEndWith(":0");

        var revisionOfTracked = await StoredAsync<OrganizationRevision>(db, ("OrganizationId", tracked.Id));
        var revisionOfBulk = await StoredAsync<OrganizationRevision>(db, ("OrganizationId", bulk.Id));
        Comparable(revisionOfBulk, "Id", "OrganizationId").ShouldBe(Comparable(revisionOfTracked, "Id", "OrganizationId").ToDictionary(p => p.Key, p => Same(p.Value)));

        // (The sealer may link either entry meanwhile: the chain's columns are left out.)
        var entryOfTracked = await StoredAsync<AuditEntry>(db, ("EntityType", nameof(Organization)), ("EntityId", tracked.Id.ToString(CultureInfo.InvariantCulture)));
        var entryOfBulk = await StoredAsync<AuditEntry>(db, ("EntityType", nameof(Organization)), ("EntityId", bulk.Id.ToString(CultureInfo.InvariantCulture)));
        string[] own = ["Id", "EntityId", "Mac", "Sequence", "PreviousHash", "Hash"];
        Comparable(entryOfBulk, own).ShouldBe(Comparable(entryOfTracked, own).ToDictionary(p => p.Key, p => Same(p.Value)));
        entryOfBulk["Mac"].ShouldNotBe("null");

        var eventOfTracked = await StoredAsync<OutboxMessage>(db, ("Topic", OrganizationEvents.Changed), ("Payload", JsonSerializer.Serialize(new OrganizationChanged(tracked.Id))));
        var eventOfBulk = await StoredAsync<OutboxMessage>(db, ("Topic", OrganizationEvents.Changed), ("Payload", JsonSerializer.Serialize(new OrganizationChanged(bulk.Id))));
        Comparable(eventOfBulk, "Id", "Payload").ShouldBe(Comparable(eventOfTracked, "Id", "Payload"));
        long.Parse(eventOfBulk["Id"].Split(':')[1], CultureInfo.InvariantCulture).ShouldBeGreaterThan(long.Parse(eventOfTracked["Id"].Split(':')[1], CultureInfo.InvariantCulture));

        // What the bulk path wrote reads back as written.
        var read = await db.Set<Organization>().AsNoTracking().SingleAsync(o => o.Id == bulk.Id);
        // (PostgreSQL keeps microseconds.)
        static long Microseconds(DateTime at) => at.Ticks / 10;
        (Microseconds(read.CreatedAt), Microseconds(read.UpdatedAt), read.FoundedOn, read.StatusChangedOn, read.Status, read.IsHub)
            .ShouldBe((Microseconds(bulk.CreatedAt), Microseconds(bulk.UpdatedAt), bulk.FoundedOn, bulk.StatusChangedOn, bulk.Status, true));

        var key = scope.ServiceProvider.GetRequiredService<AuditKey>();
        await AuditChain.SealPendingAsync(db, key, CancellationToken.None);
        (await AuditChain.VerifyAsync(db, key, CancellationToken.None)).IsIntact.ShouldBeTrue();
    }

    /// <summary>Every column of the one row of <typeparamref name="T"/> with the values given: stored type and text.</summary>
    private static async Task<Dictionary<string, string>> StoredAsync<T>(RegistryDbContext db, params (string Column, object Value)[] where)
    {
        var entityType = db.Model.FindEntityType(typeof(T))!;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        var table = entityType.GetSchema() is { } schema ? $"\"{schema}\".\"{entityType.GetTableName()}\"" : $"\"{entityType.GetTableName()}\"";
        command.CommandText = $"SELECT * FROM {table} WHERE " + string.Join(" AND ", where.Select((w, i) => $"\"{w.Column}\" = @v{i}"));
        for (var i = 0; i < where.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@v{i}";
            parameter.Value = where[i].Value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue($"no {typeof(T).Name} with {string.Join(", ", where)}");
        var row = Enumerable.Range(0, reader.FieldCount).ToDictionary(
            reader.GetName,
            i => reader.IsDBNull(i) ? "null" : $"{reader.GetValue(i).GetType().Name}:{Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}",
            StringComparer.Ordinal);
        (await reader.ReadAsync()).ShouldBeFalse();
        return row;
    }

    /// <summary>The row without <paramref name="columns"/>; times by their stored form only (type, digits as 9, no fraction).</summary>
    private static Dictionary<string, string> Comparable(Dictionary<string, string> row, params string[] columns) =>
        row.Where(p => !columns.Contains(p.Key)).ToDictionary(
            p => p.Key,
            p => p.Key is "CreatedAt" or "UpdatedAt" or "ChangedAt" or "At" or "OccurredAt" ? Digits().Replace(Fraction().Replace(p.Value, ""), "9") : p.Value);

    [GeneratedRegex("\\d")]
    private static partial Regex Digits();

    [GeneratedRegex("\\.\\d+")]
    private static partial Regex Fraction();

    /// <summary>Every kind of column set: text, null text, enums, dates, a nullable date, numbers, a flag.</summary>
    private static Organization Sample(string name, string code) => new()
    {
        Name = name,
        NormalizedName = name,
        Type = OrganizationType.SocialGroup,
        CreditCode = code,
        RegisteringAuthority = "宁波市海曙区民政局",
        LegalRepresentative = "王五",
        District = "海曙区",
        Street = "鼓楼街道",
        Community = null,
        Address = "宁波市海曙区中山西路1号",
        ServiceFields = "养老,助残",
        BusinessScope = "开展为老服务",
        ActivityFundsFen = 3_000_012,
        IndividualMembers = 60,
        UnitMembers = 3,
        FoundedOn = new DateOnly(2015, 3, 1),
        Status = OrganizationStatus.Deregistered,
        StatusChangedOn = new DateOnly(2021, 11, 30),
        IsHub = true,
        ContactEmail = "a@example.org",
    };

    private static Uri ProgressUri(FormSnapshot form) => new($"{ImportPage}?handler=Progress&id={form.Values["importId"]}", UriKind.Relative);

    private static async Task<(int Rows, int Validated, int Written)> ProgressAsync(HttpClient client, FormSnapshot form)
    {
        using var response = await client.GetAsync(ProgressUri(form));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        return (root.GetProperty("rows").GetInt32(), root.GetProperty("validated").GetInt32(), root.GetProperty("written").GetInt32());
    }

    /// <summary>Organizations, revisions, import audit entries and the last change-feed event.</summary>
    private async Task<(int Organizations, int Revisions, int Imported, long LastEvent)> TotalsAsync()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return (
            await db.Set<Organization>().CountAsync(),
            await db.Set<OrganizationRevision>().CountAsync(),
            await db.Set<AuditEntry>().CountAsync(a => a.Action == "organization.import"),
            await db.Set<OutboxMessage>().MaxAsync(m => (long?)m.Id) ?? 0);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Organization>().CountAsync();
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient officer, string csv) =>
        officer.SubmitFormAsync(ImportPage, new Dictionary<string, string>(), FormSelector, files: File(csv));

    private static Dictionary<string, (string, byte[])> File(string csv) => new() { ["file"] = ("register.csv", Encoding.UTF8.GetBytes(csv)) };

    private static string Csv(params string[] rows) =>
        "名称,类型,统一社会信用代码,法定代表人,街道,住所,服务领域,业务范围,活动资金,个人会员数,单位会员数,成立日期,状态\n" + string.Join('\n', rows) + "\n";

    private static string Row(string name, string type, string code) =>
        $"{name},{type},{code},王五,鼓楼街道,宁波市海曙区中山西路1号,养老,开展为老服务,30000,60,0,2015-03-01,正常";

    /// <summary>A valid credit code of the given type, outside the sequence the bureau issues from.</summary>
    private static string Code(char type, int number) =>
        Core.Identification.UnifiedSocialCreditCode.Generate('5', type, "330203", $"QT{number:000000}").Value;

    [GeneratedRegex("<tr>\\s*<td>第 (\\d+) 条[^<]*</td>\\s*<td>([^<]*)</td>")]
    private static partial Regex ErrorRow();
}

public sealed class RegisterImportTestsOnSqlite(SqliteApp app) : RegisterImportTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class RegisterImportTestsOnPostgreSql(PostgreSqlApp app) : RegisterImportTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
