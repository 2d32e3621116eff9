using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;
using Registry.Bench.Measuring;
using Registry.Bench.Support;
using Registry.Content.Services.Search;
using Registry.Directory.Contracts;
using Registry.Directory.Search;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Bench.Suites;

/// <summary>
/// Site search at scale: N synthetic site documents (news, policies and notices with Chinese titles and bodies, a fifth of
/// the news with an English variant, fixed seed) built into the site index with <see cref="SiteIndex.RebuildAsync"/>, and
/// N synthetic organizations built into the directory's index with <see cref="DirectoryIndex.RebuildAsync"/> (the same
/// generator as the directory suite, without the import: that suite measures it). Then in the same run: the latency of
/// <see cref="SiteSearch.Search"/> (every kind: content, notices and the directory's organizations, counts per kind, a
/// page of 20 merged hits with snippets) per query kind and language, against a TermQuery on the key field through the
/// same searcher. Target (2 cores, N = 100,000): p95 ≤ 10 ms for every kind.
/// </summary>
internal sealed class SiteSearchSuite : IBenchSuite
{
    private const int TargetSize = 100_000;
    private const double TargetP95Seconds = 0.010;
    private const int Seed = 1_717;

    private static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public string Name => "site-search";

    public string Description => "site search on N synthetic site documents and N organizations (--n, default 100,000): index builds, SiteSearch.Search per query kind vs a TermQuery";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var size = context.Size ?? context.Choose(20_000, TargetSize);
        var dataDirectory = context.CreateScratchDirectory("site-search-data");
        var settings = new Dictionary<string, string?>
        {
            ["Registry:Directory:IndexPath"] = Path.Combine(context.ScratchRoot, "site-search-directory-index"),
            ["Registry:Content:Search:IndexPath"] = Path.Combine(context.ScratchRoot, "site-search-index"),
        };
        await using var host = await InProcessRegistry.StartAsync(dataDirectory, settings, cancellationToken);
        RegistrationRules rules;
        await using (var scope = host.CreateScope())
        {
            rules = await scope.ServiceProvider.GetRequiredService<IRegistrationRulesProvider>().GetAsync(cancellationToken);
        }

        var generator = new SyntheticRegister(rules.NamePrefixes);
        var siteIndex = host.Services.GetRequiredService<SiteIndex>();
        var directoryIndex = host.Services.GetRequiredService<DirectoryIndex>();
        var build = new ResultTable(Invariant($"site-search: building the indexes, N = {size:#,0}"), "step", "documents", "time", "documents/s", "time / baseline");
        var baseline = Stopwatch.StartNew();
        var generated = 0;
        foreach (var document in Documents(size))
        {
            generated += document.Title.Length > 0 ? 1 : 0;
        }

        baseline.Stop();
        var siteBuild = Stopwatch.StartNew();
        await siteIndex.RebuildAsync(ToAsync(Documents(size)), 0, cancellationToken);
        siteBuild.Stop();
        var directoryBuild = Stopwatch.StartNew();
        await directoryIndex.RebuildAsync(ToAsync(generator.Generate(size).Select((o, i) => Listing(o, i + 1))), 0, cancellationToken);
        directoryBuild.Stop();
        build.AddRow("baseline: generate the site documents (no indexing)", Units.Count(generated), Units.Duration(baseline.Elapsed.TotalSeconds), Units.Rate(generated / baseline.Elapsed.TotalSeconds), Units.Ratio(1));
        build.AddRow("SiteIndex.RebuildAsync (generation included)", Units.Count(generated), Units.Duration(siteBuild.Elapsed.TotalSeconds), Units.Rate(generated / siteBuild.Elapsed.TotalSeconds), Units.Ratio(siteBuild.Elapsed / baseline.Elapsed));
        build.AddRow("DirectoryIndex.RebuildAsync (synthetic register, no import)", Units.Count(size), Units.Duration(directoryBuild.Elapsed.TotalSeconds), Units.Rate(size / directoryBuild.Elapsed.TotalSeconds), Units.Ratio(directoryBuild.Elapsed / baseline.Elapsed));
        build.Write(context.Out);

        var search = host.Services.GetRequiredService<SiteSearch>();
        var organizations = host.Services.GetRequiredService<IOrganizationSearch>();
        var perKind = context.Choose(200, 1_000);
        var random = new Random(Seed);
        var keys = Enumerable.Range(0, 4_096).Select(_ => random.Next(1, size + 1)).Select(id => SiteDocument.KeyOf(id % 10 == 0 ? SiteHitKind.Notice : SiteHitKind.Content, id)).ToArray();
        var table = ResultTable.ForStats(Invariant($"site-search: in-process latency per query (SiteSearch.Search: content, notices and organizations, counts per kind, a page of 20), N = {size:#,0} site documents + {size:#,0} organizations"), "queries/s");
        var targets = new ResultTable("site-search: targets (2 cores, N = 100,000)", "target", "limit", "measured", "verdict");
        var notes = new List<string>();
        foreach (var (label, culture, queries) in Kinds(perKind))
        {
            var b = 0;
            var q = 0;
            var totals = new List<int>();
            var comparison = await Sampler.CompareAsync(
                _ =>
                {
                    var key = keys[b++ % keys.Length];
                    var hits = siteIndex.Search(s => s.Search(new TermQuery(new Term(SiteFields.Key, key)), 1).TotalHits);
                    return hits == 1 ? ValueTask.FromResult(1) : throw new InvalidOperationException($"key {key}: {hits} documents");
                },
                _ =>
                {
                    var text = queries[q++ % queries.Count];
                    var result = search.Search(new SiteSearchQuery(text, culture));
                    if (!result.IndexReady)
                    {
                        throw new InvalidOperationException("An index is not ready.");
                    }

                    if (totals.Count < queries.Count)
                    {
                        totals.Add(result.Total);
                    }

                    return ValueTask.FromResult(1);
                },
                new Warmup(MinRounds: 20, MinTime: context.Choose(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1)), MaxTime: context.Choose(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10))),
                samples: queries.Count,
                cancellationToken);
            table.AddComparison("TermQuery on key, same searcher", label, comparison);

            // Where the time goes: the directory's part of the same queries alone (the rest is the site index's).
            var o = 0;
            var directoryPart = await Sampler.CompareAsync(
                _ =>
                {
                    var key = keys[b++ % keys.Length];
                    return ValueTask.FromResult(siteIndex.Search(s => s.Search(new TermQuery(new Term(SiteFields.Key, key)), 1).TotalHits));
                },
                _ => ValueTask.FromResult(organizations.Search(queries[o++ % queries.Count], SiteSearchQuery.PageSize).IndexReady ? 1 : throw new InvalidOperationException("The directory's index is not ready.")),
                new Warmup(MinRounds: 20, MinTime: context.Choose(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1)), MaxTime: context.Choose(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10))),
                samples: queries.Count,
                cancellationToken);
            table.AddComparison("TermQuery on key, same searcher", label + ": of which the directory's part", directoryPart);
            var ordered = totals.Order().ToArray();
            notes.Add(Invariant($"{label}: total hits per query median {ordered[ordered.Length / 2]:#,0}, max {ordered[^1]:#,0}, none found {ordered.Count(t => t == 0)} of {ordered.Length}"));
            targets.AddRow(
                Invariant($"in-process p95 {label}"),
                Invariant($"≤ {TargetP95Seconds * 1e3:0} ms"),
                Units.Duration(comparison.Subject.P95),
                comparison.Subject.P95 <= TargetP95Seconds ? "met" : Invariant($"MISSED ({comparison.Subject.P95 / TargetP95Seconds:0.00}x the limit)"));
        }

        foreach (var note in notes)
        {
            table.AddNote(note);
        }

        table.AddNote("each query runs on both indexes: the site index (every word as a phrase of its bigrams in title or text, visible now in the language, counts per kind, top 20 by tier and date) and the directory's (its relevance tiers, top 20); the page merges them");
        table.AddNote(Invariant($"site index on disk {Units.Bytes(DirectorySize(siteIndex.IndexPath))} (SimpleFSDirectory); {size / 10:#,0} of the documents are notices; a fifth of the news is marked as having an English variant, so the English site skips those Chinese documents (the variants themselves are not generated)"));
        table.Write(context.Out);
        targets.Write(context.Out);
    }

    /// <summary>Query kinds: 2-character words, longer words, two words, one character; the English site for one of them.</summary>
    private static IEnumerable<(string Label, string Culture, IReadOnlyList<string> Queries)> Kinds(int perKind)
    {
        var random = new Random(Seed + 1);
        var two = DirectoryQueries.TwoCharacterWords;
        var longer = DirectoryQueries.LongerWords;
        IReadOnlyList<string> Pick(Func<string> next) => [.. Enumerable.Range(0, perKind).Select(_ => next())];
        yield return ("(a) 2-character word, zh-CN", "zh-CN", Pick(() => two[random.Next(two.Count)]));
        yield return ("(b) 3-4 character word, zh-CN", "zh-CN", Pick(() => longer[random.Next(longer.Count)]));
        yield return ("(c) two words, zh-CN", "zh-CN", Pick(() => two[random.Next(two.Count)] + " " + Topics[random.Next(Topics.Length)]));
        yield return ("(d) 1 character, zh-CN", "zh-CN", Pick(() => DirectoryQueries.OneCharacterWords[random.Next(DirectoryQueries.OneCharacterWords.Count)]));
        yield return ("(e) 2-character word, en (fallback to Chinese)", "en", Pick(() => two[random.Next(two.Count)]));
    }

    private static readonly string[] Topics = ["年检", "评估", "公益创投", "登记", "培训", "公示", "通知", "社区", "志愿服务", "慈善", "党建", "养老", "助残", "救助", "政策"];

    private static readonly string[] Openings = ["区民政局召开", "关于开展", "关于做好", "我区举办", "街道组织", "关于公布", "市民政局印发", "区社会组织服务中心开展"];

    private static readonly string[] Endings = ["工作会议", "专项行动的通知", "培训班", "结果的公示", "工作的通知", "主题活动", "实施办法", "经验交流会"];

    /// <summary>Site documents 1..n in a fixed order: a tenth notices, policies every seventh, the rest news; ids are keys.</summary>
    private static IEnumerable<SiteDocument> Documents(int count)
    {
        var random = new Random(Seed);
        var fields = SyntheticRegister.FieldPhrases.ToArray();
        var words = SyntheticRegister.FieldNameWords.ToArray();
        for (var i = 1; i <= count; i++)
        {
            var topic = Topics[random.Next(Topics.Length)];
            var title = Openings[random.Next(Openings.Length)] + words[random.Next(words.Length)] + topic + Endings[random.Next(Endings.Length)];
            var body = string.Join("，", Enumerable.Range(0, 6).Select(_ => fields[random.Next(fields.Length)] + words[random.Next(words.Length)])) + "。";
            var publishAt = Epoch.AddMinutes(i * 3);
            if (i % 10 == 0)
            {
                yield return new SiteDocument(SiteHitKind.Notice, i, "zh-CN", "Announcement", null, title, body, Invariant($"/Notices/Detail/{i}"), publishAt, null);
                continue;
            }

            var policy = i % 7 == 0;
            var english = !policy && i % 5 == 1;
            yield return new SiteDocument(SiteHitKind.Content, i, "zh-CN", policy ? "Policy" : "Article", policy ? null : "News", title, body, Invariant($"/news/2024/n{i}"), publishAt, english ? publishAt : null);
        }
    }

    private static OrganizationListing Listing(SyntheticOrganization o, int id) => new(
        id, o.Name, [], null, o.Type.ToString(), o.CreditCode, o.FilingNumber, "Active", o.FoundedOn, SyntheticRegister.DivisionCode, o.Street, o.Community,
        o.ServiceFields, o.BusinessScope, o.LegalRepresentative, null, false, CreditStanding.Good, id % 10, o.Address);

    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            yield return item;
        }

        await Task.CompletedTask;
    }

    private static long DirectorySize(string path) => new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
