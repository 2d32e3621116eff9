using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Bench.Measuring;
using Registry.Bench.Support;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Organizations.Domain;

namespace Registry.Bench.Suites;

/// <summary>
/// The last minute of a venture-fund call on PostgreSQL: N applicant accounts (default 1,000), each acting for its own
/// organization with a complete draft, all press 提交 at once over HTTP against the published site while the round's
/// deadline is a minute away. Reported: throughput, p50/p99, the most requests in flight, every answer's status, and
/// afterwards the rows counted (each organization exactly one submitted application: none lost, none twice). Baseline:
/// the cheapest Razor page (<c>/Directory/Check</c>, an empty form) requested with the same number in flight, in the
/// same run. Arrangement (not measured): the database, accounts, organizations and drafts written in bulk through the
/// site's own composition, every account signed in over HTTP and its draft page loaded (the form's version and token).
/// Needs PostgreSQL: <c>./bench/run.sh rush</c> starts a throwaway cluster (as <c>build/test.sh</c> does) and passes it
/// in <c>REGISTRY_BENCH_POSTGRES</c>.
/// </summary>
internal sealed partial class RushSuite : IBenchSuite
{
    public const string PostgresVariable = "REGISTRY_BENCH_POSTGRES";
    private const string Password = "Rush-applicant-2026";
    private const string RoundName = "抢报基准";

    public string Name => "rush";

    public string Description => "1,000 venture-fund applications submitted at once over HTTP on PostgreSQL in the call's last minute vs the cheapest Razor page (needs PostgreSQL)";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var size = context.Size ?? context.Choose(200, 1_000);
        var admin = await AdminConnectionAsync(cancellationToken);
        var database = "registry_rush_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"", cancellationToken);
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
            await RunOnAsync(context, size, connectionString, cancellationToken);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", CancellationToken.None);
        }
    }

    private static async Task RunOnAsync(BenchContext context, int size, string connectionString, CancellationToken cancellationToken)
    {
        var dataDirectory = context.CreateScratchDirectory("rush");
        var settings = new Dictionary<string, string?>
        {
            ["Registry:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Registry"] = connectionString,
        };
        await using var host = await InProcessRegistry.StartAsync(dataDirectory, settings, cancellationToken);
        var arranging = Stopwatch.StartNew();
        var (roundId, drafts) = await ArrangeAsync(host, size, cancellationToken);
        context.Out.WriteLine(Invariant($"rush: {size:#,0} accounts, organizations and complete drafts written in {arranging.Elapsed.TotalSeconds:0.0} s"));

        var appDirectory = await AppPublisher.PublishAsync(context, cancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["Registry__Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Registry"] = connectionString,
            // The bench signs every account in from one address: the per-address limit on public POSTs would stop it at 20.
            ["Registry__RateLimit__AuthPermitsPerMinute"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        await using var app = await RegistryAppProcess.StartAsync(appDirectory, dataDirectory, TimeSpan.FromSeconds(120), environment, cancellationToken);
        using var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(60),
        };
        using var client = new HttpClient(handler) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };

        var signingIn = Stopwatch.StartNew();
        var applicants = await SignInAllAsync(client, drafts, app, cancellationToken);
        context.Out.WriteLine(Invariant($"rush: {size:#,0} accounts signed in over HTTP and their drafts loaded in {signingIn.Elapsed.TotalSeconds:0.0} s (arrangement, not measured)"));

        // The cheapest Razor page with as many in flight: once to warm up, once measured.
        var baselinePath = "/Directory/Check";
        await WaveAsync(client, size, _ => Get(baselinePath), cancellationToken);
        var baseline = await WaveAsync(client, size, _ => Get(baselinePath), cancellationToken);

        // The call now closes a minute from now (server time), as in its last minute.
        var closesAt = DateTime.UtcNow.AddMinutes(1);
        await InScopeAsync(host, db => db.Set<GrantRound>().Where(r => r.Id == roundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosesAt, closesAt), cancellationToken));
        var rush = await WaveAsync(client, size, i => Submit(applicants[i]), cancellationToken);
        var left = closesAt - DateTime.UtcNow;

        var counts = await InScopeAsync(host, async db =>
        {
            var rows = await db.Set<GrantApplication>().AsNoTracking().Where(a => a.RoundId == roundId)
                .GroupBy(a => a.OrganizationId).Select(g => new { Total = g.Count(), Submitted = g.Sum(a => a.State == GrantState.Submitted ? 1 : 0) }).ToListAsync(cancellationToken);
            return (Organizations: rows.Count, Rows: rows.Sum(r => r.Total), Submitted: rows.Sum(r => r.Submitted), Twice: rows.Count(r => r.Total > 1), WithSubmission: rows.Count(r => r.Submitted > 0));
        });

        // Lost: an organization whose application did not go in; duplicated: any row beyond one per organization.
        var lost = size - counts.WithSubmission;
        var duplicated = counts.Rows - size;
        var appLog = app.LogTail();

        var table = new ResultTable(
            Invariant($"rush: {size:#,0} requests at once over HTTP (PostgreSQL), the call closing {closesAt:HH:mm:ss} UTC"),
            "target", "requests", "wall", "req/s", "p50", "p99", "max", "peak in flight", "answers", "req/s vs baseline");
        table.AddRow(Invariant($"GET {baselinePath} (baseline)"), Units.Count(size), Units.Duration(baseline.Wall), Units.Rate(size / baseline.Wall), Units.Duration(baseline.P(0.50)), Units.Duration(baseline.P(0.99)), Units.Duration(baseline.P(1)), Units.Count(baseline.PeakInFlight), baseline.Answers(), "1.00x");
        table.AddRow("POST /Grants/Application/{id}?handler=Submit", Units.Count(size), Units.Duration(rush.Wall), Units.Rate(size / rush.Wall), Units.Duration(rush.P(0.50)), Units.Duration(rush.P(0.99)), Units.Duration(rush.P(1)), Units.Count(rush.PeakInFlight), rush.Answers(), Invariant($"{size / rush.Wall / (size / baseline.Wall) * 100:0.0}%"));
        table.AddNote(Invariant($"rows afterwards: {counts.Rows:#,0} applications of {counts.Organizations:#,0} organizations in the round, {counts.Submitted:#,0} submitted; lost {lost}, duplicated {duplicated}; the last answer came {left.TotalSeconds:0} s before the deadline"));
        table.AddNote("a submission is one POST of the whole form (saves the draft, then submits it): the eligibility check, the receipt, the organization's and the street's notifications, the audit entry, all committed before the answer");
        table.AddNote(Invariant($"app: published {BenchContext.BuildConfiguration}, Production, PostgreSQL; arrangement (accounts, organizations, drafts in bulk; {size:#,0} sign-ins over HTTP) not measured"));
        table.Write(context.Out);

        var failures = new List<string>();
        if (rush.Failed > 0)
        {
            failures.Add(Invariant($"{rush.Failed} submissions were not answered with the redirect to the receipt ({rush.Answers()}); first: {rush.FirstFailure}"));
        }

        if (baseline.Failed > 0)
        {
            failures.Add(Invariant($"{baseline.Failed} baseline requests failed ({baseline.Answers()}); first: {baseline.FirstFailure}"));
        }

        if (lost != 0 || duplicated != 0 || counts.Twice != 0)
        {
            failures.Add(Invariant($"{lost} submissions lost and {duplicated} rows too many ({counts.Twice} organizations with more than one)"));
        }

        if (failures.Count > 0)
        {
            throw new InvalidOperationException("rush: " + string.Join("; ", failures) + ". The app's log:\n" + appLog);
        }

        HttpRequestMessage Get(string path) => new(HttpMethod.Get, new Uri(path, UriKind.Relative));
    }

    /// <summary>The PostgreSQL server the bench may use, or a clear refusal: this suite measures PostgreSQL and nothing else.</summary>
    private static async Task<string> AdminConnectionAsync(CancellationToken cancellationToken)
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable) ?? Environment.GetEnvironmentVariable("REGISTRY_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"rush: no PostgreSQL server. Run it as ./bench/run.sh rush (which starts a throwaway cluster) or set {PostgresVariable} to an Npgsql admin connection string (Host=…;Port=…;Username=…;Password=…).");
        }

        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(cancellationToken);
            return admin;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or TimeoutException)
        {
            throw new InvalidOperationException($"rush: PostgreSQL is not available at {PostgresVariable} ({new NpgsqlConnectionStringBuilder(admin) { Password = null }}): {ex.Message}", ex);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The round (through <see cref="RoundService"/>, open for a day), and in bulk: the accounts (one password hash computed
    /// once), the applicant role, the organizations, memberships and each organization's complete draft.
    /// </summary>
    private static async Task<(int RoundId, List<Draft> Drafts)> ArrangeAsync(InProcessRegistry host, int size, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        int roundId;
        await using (var scope = host.CreateScope())
        {
            var round = new GrantRound
            {
                Name = RoundName,
                Year = now.Year + 1,
                BudgetFen = 100_000_000_00,
                Categories = [new RoundCategory("为老服务")],
                ProjectCapFen = 50_000_00,
                MaxGrantShareBasisPoints = 6_000,
                MinMonths = 6,
                MaxMonths = 12,
                OpensAt = now.AddHours(-1),
                ClosesAt = now.AddDays(1),
                Rubric = [new RubricCriterion("A", "公益性", 100)],
                ReviewersPerApplication = 3,
                TranchePlan = [50, 30, 20],
                Eligibility = new EligibilityRules(MinimumGrade: 0),
            };
            var created = await scope.ServiceProvider.GetRequiredService<RoundService>().CreateAsync(round, cancellationToken);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("rush: the round was refused: " + string.Join(", ", created.Errors.Select(e => e.Field + " " + e.Key)));
            }

            roundId = round.Id;
        }

        string hash;
        string roleId;
        await using (var scope = host.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
            hash = users.PasswordHasher.HashPassword(new RegistryUser(), Password);
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            roleId = await db.Set<RegistryRole>().Where(r => r.Name == RegistryRoles.Applicant).Select(r => r.Id).SingleAsync(cancellationToken);
        }

        var start = new DateOnly(now.Year + 1, 1, 1);
        var drafts = new List<Draft>(size);
        const int Batch = 500;
        for (var first = 0; first < size; first += Batch)
        {
            var chunk = Enumerable.Range(first, Math.Min(Batch, size - first)).ToList();
            var organizations = new List<Organization>();
            var accounts = new List<RegistryUser>();
            await InBatchAsync(host, db =>
            {
                foreach (var i in chunk)
                {
                    var name = Invariant($"宁波市海曙区抢报基准第{i:0000}号社会组织");
                    var organization = new Organization
                    {
                        Name = name,
                        NormalizedName = name,
                        Type = OrganizationType.PrivateNonEnterprise,
                        RegisteringAuthority = "宁波市海曙区民政局",
                        LegalRepresentative = "基准",
                        District = "海曙区",
                        Street = SyntheticRegister.Streets[i % SyntheticRegister.Streets.Count],
                        FoundedOn = new DateOnly(2015, 1, 1),
                        Status = OrganizationStatus.Active,
                        CreatedAt = now,
                        UpdatedAt = now,
                    };
                    var email = Invariant($"rush{i:0000}@bench.invalid");
                    var account = new RegistryUser
                    {
                        UserName = email,
                        NormalizedUserName = email.ToUpperInvariant(),
                        Email = email,
                        NormalizedEmail = email.ToUpperInvariant(),
                        EmailConfirmed = true,
                        PasswordHash = hash,
                        SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                        ConcurrencyStamp = Guid.NewGuid().ToString(),
                        DisplayName = name,
                        CreatedAt = now,
                    };
                    organizations.Add(organization);
                    accounts.Add(account);
                    db.Add(organization);
                    db.Add(account);
                    db.Add(new IdentityUserRole<string> { UserId = account.Id, RoleId = roleId });
                }
            }, cancellationToken);

            var applications = new List<GrantApplication>();
            await InBatchAsync(host, db =>
            {
                for (var k = 0; k < chunk.Count; k++)
                {
                    var (organization, account) = (organizations[k], accounts[k]);
                    db.Add(new OrganizationMember { OrganizationId = organization.Id, UserId = account.Id, IsOrgAdmin = true, Since = now });
                    var application = new GrantApplication
                    {
                        RoundId = roundId,
                        OrganizationId = organization.Id,
                        OrganizationName = organization.Name,
                        Street = organization.Street,
                        ApplicantUserId = account.Id,
                        State = GrantState.Draft,
                        Title = Invariant($"社区长者助餐{chunk[k]:0000}"),
                        Summary = "为辖区高龄独居老人提供助餐与探访服务。",
                        Category = "为老服务",
                        Beneficiaries = "高龄独居老人",
                        BeneficiaryCount = 120,
                        Location = organization.Street,
                        StartOn = start,
                        EndOn = start.AddMonths(9).AddDays(-1),
                        Need = "独居老人用餐难。",
                        Objectives = "每周助餐五次。",
                        IndicatorsJson = """[{"Kind":"Output","Name":"助餐人次","Target":"5000"}]""",
                        ActivityPlan = "招募志愿者，配送午餐。",
                        Team = "社工两名，志愿者二十名。",
                        NoOtherGovernmentFunding = true,
                        NoMajorViolation = true,
                        BudgetLines = [new BudgetLine { Position = 0, Category = BudgetCategory.Activities, Item = "助餐配送", RequestedFen = 30_000_00, MatchingFen = 20_000_00 }],
                        RequestedFen = 30_000_00,
                        MatchingFen = 20_000_00,
                        CreatedAt = now,
                        UpdatedAt = now,
                    };
                    applications.Add(application);
                    db.Add(application);
                }
            }, cancellationToken);
            drafts.AddRange(applications.Select((a, k) => new Draft(accounts[k].Email!, a.Id, a.Title)));
        }

        return (roundId, drafts);
    }

    /// <summary>Signs every account in (the login form and its token) and loads its draft page for the form's version and token; 32 at a time.</summary>
    private static async Task<Applicant[]> SignInAllAsync(HttpClient client, List<Draft> drafts, RegistryAppProcess app, CancellationToken cancellationToken)
    {
        var applicants = new Applicant[drafts.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, drafts.Count), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var draft = drafts[i];
            var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
            var (status, html) = await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, new Uri("/Account/Login", UriKind.Relative)), cookies, ct);
            Expect(status == HttpStatusCode.OK, $"GET /Account/Login answered {(int)status}", app);
            using (var login = Form(new Uri("/Account/Login", UriKind.Relative), cookies, Token(html, app),
                [("Input.Email", draft.Email), ("Input.Password", Password)]))
            {
                (status, _) = await SendAsync(client, login, cookies, ct);
            }

            Expect(status == HttpStatusCode.Redirect, $"signing in {draft.Email} answered {(int)status} (expected the redirect)", app);
            var page = new Uri(Invariant($"/Grants/Application/{draft.ApplicationId}"), UriKind.Relative);
            (status, html) = await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, page), cookies, ct);
            Expect(status == HttpStatusCode.OK, $"GET {page} as {draft.Email} answered {(int)status}", app);
            var version = InputValue(html, "Form.Version") ?? throw new InvalidOperationException($"{page}: no Form.Version in the page");
            applicants[i] = new Applicant(draft, cookies, Token(html, app), version);
        });
        return applicants;
    }

    private static HttpRequestMessage Submit(Applicant a)
    {
        var d = a.Draft;
        return Form(new Uri(Invariant($"/Grants/Application/{d.ApplicationId}?handler=Submit"), UriKind.Relative), a.Cookies, a.Token,
        [
            ("Form.Version", a.Version),
            ("Form.Title", d.Title),
            ("Form.Summary", "为辖区高龄独居老人提供助餐与探访服务。"),
            ("Form.Category", "为老服务"),
            ("Form.Beneficiaries", "高龄独居老人"),
            ("Form.BeneficiaryCount", "120"),
            ("Form.Location", "鼓楼街道"),
            ("Form.StartOn", Invariant($"{DateTime.UtcNow.Year + 1}-01-01")),
            ("Form.EndOn", Invariant($"{DateTime.UtcNow.Year + 1}-09-30")),
            ("Form.Need", "独居老人用餐难。"),
            ("Form.Objectives", "每周助餐五次。"),
            ("Form.Indicators[0].Kind", "Output"),
            ("Form.Indicators[0].Name", "助餐人次"),
            ("Form.Indicators[0].Target", "5000"),
            ("Form.ActivityPlan", "招募志愿者，配送午餐。"),
            ("Form.Team", "社工两名，志愿者二十名。"),
            ("Form.Partners", ""),
            ("Form.NoOtherFunding", "true"),
            ("Form.NoMajorViolation", "true"),
            ("Form.Lines[0].Category", "Activities"),
            ("Form.Lines[0].Item", "助餐配送"),
            ("Form.Lines[0].Requested", "30000.00"),
            ("Form.Lines[0].Matching", "20000.00"),
        ]);
    }

    /// <summary>Sends <paramref name="count"/> requests at once (each built beforehand) and times each and the whole.</summary>
    private static async Task<Wave> WaveAsync(HttpClient client, int count, Func<int, HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var requests = Enumerable.Range(0, count).Select(build).ToArray();
        var latencies = new double[count];
        var statuses = new ConcurrentDictionary<string, int>();
        string? firstFailure = null;
        var inFlight = 0;
        var peak = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = requests.Select(async (request, i) =>
        {
            await start.Task;
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            var t0 = Stopwatch.GetTimestamp();
            string outcome;
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                var ok = request.Method == HttpMethod.Get ? response.StatusCode == HttpStatusCode.OK : response.StatusCode == HttpStatusCode.Redirect;
                outcome = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                if (!ok)
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    Interlocked.CompareExchange(ref firstFailure, Invariant($"{request.RequestUri} {(int)response.StatusCode}: {Summary(body)}"), null);
                    outcome += " (failed)";
                }
            }
            catch (HttpRequestException ex)
            {
                outcome = "socket error (failed)";
                Interlocked.CompareExchange(ref firstFailure, $"{request.RequestUri}: {ex.Message}", null);
            }
            finally
            {
                request.Dispose();
            }

            latencies[i] = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            Interlocked.Decrement(ref inFlight);
            statuses.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        }).ToArray();
        var started = Stopwatch.GetTimestamp();
        start.SetResult();
        await Task.WhenAll(tasks);
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Array.Sort(latencies);
        return new Wave(latencies, wall, peak, statuses.ToDictionary(), firstFailure);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, HttpRequestMessage request, Dictionary<string, string> cookies, CancellationToken cancellationToken)
    {
        using (request)
        {
            AddCookies(request, cookies);
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                foreach (var cookie in set)
                {
                    var pair = cookie.Split(';', 2)[0];
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0)
                    {
                        cookies[pair[..equals]] = pair[(equals + 1)..];
                    }
                }
            }

            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    private static void AddCookies(HttpRequestMessage request, Dictionary<string, string> cookies)
    {
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)));
        }
    }

    private static HttpRequestMessage Form(Uri uri, Dictionary<string, string> cookies, string token, IEnumerable<(string Name, string Value)> fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new KeyValuePair<string, string>("__RequestVerificationToken", token)]),
        };
        AddCookies(request, cookies);
        return request;
    }

    private static string Token(string html, RegistryAppProcess app) =>
        InputValue(html, "__RequestVerificationToken") ?? throw new InvalidOperationException("rush: no anti-forgery token in the page. The app's log:\n" + app.LogTail());

    /// <summary>The value of the first input named <paramref name="name"/> (as the tag helpers render it: one attribute each, double quotes).</summary>
    private static string? InputValue(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            if (input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal) && ValueAttribute().Match(input.Value) is { Success: true } value)
            {
                return WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }

        return null;
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex InputTag();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ValueAttribute();

    /// <summary>The page's error messages, for a failure's message (or its first characters).</summary>
    private static string Summary(string body)
    {
        var errors = ValidationText().Matches(body).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim())).Where(t => t.Length > 0).ToList();
        return errors.Count > 0 ? string.Join(" | ", errors) : body[..Math.Min(300, body.Length)];
    }

    [GeneratedRegex("<li[^>]*>([^<]+)</li>", RegexOptions.CultureInvariant)]
    private static partial Regex ValidationText();

    private static void Expect(bool ok, string what, RegistryAppProcess app)
    {
        if (!ok)
        {
            throw new InvalidOperationException("rush: " + what + ". The app's log:\n" + app.LogTail());
        }
    }

    private static async Task InBatchAsync(InProcessRegistry host, Action<DbContext> add, CancellationToken cancellationToken)
    {
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        add(db);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<T> InScopeAsync<T>(InProcessRegistry host, Func<DbContext, Task<T>> query)
    {
        await using var scope = host.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DbContext>());
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Draft(string Email, int ApplicationId, string Title);

    private sealed record Applicant(Draft Draft, Dictionary<string, string> Cookies, string Token, string Version);

    private sealed record Wave(double[] Latencies, double Wall, int PeakInFlight, Dictionary<string, int> Statuses, string? FirstFailure)
    {
        public int Failed => Statuses.Where(s => s.Key.EndsWith("(failed)", StringComparison.Ordinal)).Sum(s => s.Value);

        /// <summary>The latency at quantile <paramref name="q"/> (nearest rank; 1 is the slowest).</summary>
        public double P(double q) => Latencies[Math.Clamp((int)Math.Ceiling(q * Latencies.Length) - 1, 0, Latencies.Length - 1)];

        public string Answers() => string.Join(", ", Statuses.OrderByDescending(s => s.Value).Select(s => s.Key + " ×" + s.Value.ToString(CultureInfo.InvariantCulture)));
    }
}
