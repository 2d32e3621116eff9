using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Registry.Directory.Search;
using Registry.Organizations.Contracts;
using Registry.Testing;

namespace Registry.Web.Tests.Directory;

/// <summary>
/// The search against a plain scan of the register, on an index of several segments with deleted documents (each
/// revision applied is its own commit): totals, facet counts, every page of every order. Grades 0–5 and credit-list
/// standings are spread over the register through the register's contract, as the ratings and inspections modules set them.
/// </summary>
public sealed class DirectoryConsistencyApp : IAsyncLifetime
{
    public DirectoryApp App { get; } = new();

    public const string FormerName = "宁波市海曙区书法家协会", NewName = "宁波市海曙区翰墨书画研究会";

    public IReadOnlyList<OrganizationListing> Register { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        string[] revised = ["宁波市海曙区篮球协会", "宁波市海曙区书法家协会", "宁波市海曙区摄影家协会"];
        foreach (var name in revised)
        {
            await App.ReviseAsync(name, o => o.BusinessScope += "，开展养老服务志愿活动");
            await DirectoryApp.WaitForAsync(() => App.Search(new DirectoryQuery { Text = "养老服务志愿" }).Hits.Any(h => h.Name == name));
        }

        // A renamed organization, found by its former name in the tiers that count former names.
        await App.ReviseAsync(FormerName, o => o.Name = NewName);
        await DirectoryApp.WaitForAsync(() => App.Search(new DirectoryQuery { Text = NewName }).Hits.Any(h => h.Name == NewName && h.FormerNames.Contains(FormerName)));

        // A revoked registration goes on the serious list by itself (the inspections module reads the change feed): wait
        // for that before spreading standings, or it would land after the snapshot below and change what the tests expect.
        await Eventually.HoldsAsync(
            async () => (await ListingsAsync()).Where(l => l.Status == "Revoked").All(l => l.Standing == CreditStanding.Serious),
            "revoked registrations are on the serious list");
        var organizations = await ListingsAsync();
        for (var i = 0; i < organizations.Count; i++)
        {
            var (grade, standing) = (i % 6, (i % 5, i % 7) switch { (1, _) => CreditStanding.Abnormal, (_, 2) => CreditStanding.Serious, _ => CreditStanding.Good });
            if (organizations[i].Status == "Revoked")
            {
                standing = CreditStanding.Good;
            }

            if (grade > 0)
            {
                await App.ThroughRegisterAsync(organizations[i].Name, (register, id) => register.SetGradeAsync(id, grade, CancellationToken.None));
            }

            if (standing != CreditStanding.Good)
            {
                await App.ThroughRegisterAsync(organizations[i].Name, (register, id) => register.SetCreditStandingAsync(id, standing, CancellationToken.None));
            }
        }

        Register = await ListingsAsync();
        // Each org's grade and standing change at most once, so equal counts per minimum grade and per standing mean every change is indexed.
        var register = Register;
        await DirectoryApp.WaitForAsync(() =>
            Enumerable.Range(1, 5).All(g => App.Search(new DirectoryQuery { MinGrade = g }).Total == register.Count(l => l.Grade >= g))
            && new[] { CreditStanding.Abnormal, CreditStanding.Serious }.All(s => App.Search(new DirectoryQuery { Status = s.ToString() }).Total == register.Count(l => l.Standing == s || l.Status == s.ToString())));
    }

    private async Task<List<OrganizationListing>> ListingsAsync()
    {
        await using var scope = App.Scope();
        return await scope.ServiceProvider.GetRequiredService<IOrganizationRegister>().ListingsAsync(null, CancellationToken.None).ToListAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync();
}

public sealed class DirectoryConsistencyTests(DirectoryConsistencyApp fixture) : IClassFixture<DirectoryConsistencyApp>
{
    private static readonly StringComparer ChineseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false);

    private static readonly string[] Typed = ["协会", "养老", "服务", "海曙区", "养老服务", "体育 协会", "书法 协会", "宁波市海曙区篮球协会", DirectoryConsistencyApp.FormerName, "航天"];

    public static TheoryData<string?> Texts() => [null, .. Typed];

    public static TheoryData<string> TypedTexts() => [.. Typed];

    [Fact]
    public async Task RegisterListings_WholeAndByIds_CarryFormerNamesOfTheirOwnOnly()
    {
        var renamed = fixture.Register.Single(l => l.Name == DirectoryConsistencyApp.NewName);
        renamed.FormerNames.ShouldBe([DirectoryConsistencyApp.FormerName]);
        fixture.Register.Where(l => l.Id != renamed.Id).ShouldAllBe(l => l.FormerNames.Count == 0);

        // By ids (the change feed's path): only those organizations, each with the same listing as the whole register's.
        var neighbours = fixture.Register.Where(l => Math.Abs(l.Id - renamed.Id) == 1).Select(l => l.Id).ToList();
        neighbours.ShouldNotBeEmpty();
        await using var scope = fixture.App.Scope();
        var byIds = await scope.ServiceProvider.GetRequiredService<IOrganizationRegister>().ListingsAsync([.. neighbours, renamed.Id], CancellationToken.None).ToListAsync();
        byIds.Select(l => l.Id).ShouldBe([.. neighbours.Append(renamed.Id).Order()]);
        byIds.Single(l => l.Id == renamed.Id).FormerNames.ShouldBe([DirectoryConsistencyApp.FormerName]);
        byIds.Where(l => l.Id != renamed.Id).ShouldAllBe(l => l.FormerNames.Count == 0);
    }

    [Fact]
    public void Index_HasSeveralSegmentsAndDeletions()
    {
        var index = fixture.App.Factory.Services.GetRequiredService<DirectoryIndex>();
        index.Search(s => s.IndexReader.Leaves.Count).ShouldBeGreaterThan(1);
        index.Search(s => s.IndexReader.MaxDoc - s.IndexReader.NumDocs).ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Search_TotalAndFacets_EqualAPlainScan(string? text)
    {
        var expected = Matching(text).ToList();
        var result = fixture.App.Search(new DirectoryQuery { Text = text });
        result.Total.ShouldBe(expected.Count);
        Counts(result, IndexFields.Type).ShouldBe(expected.GroupBy(l => l.TypeCode).ToDictionary(g => g.Key, g => g.Count()), ignoreOrder: true);
        Counts(result, IndexFields.Street).ShouldBe(expected.GroupBy(l => l.Street).ToDictionary(g => g.Key, g => g.Count()), ignoreOrder: true);
        Counts(result, IndexFields.ServiceField).ShouldBe(expected.SelectMany(l => l.ServiceFields).GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count()), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Search_ByName_EveryPageInChineseOrder(string? text)
    {
        var names = AllPages(new DirectoryQuery { Text = text, Sort = DirectorySort.Name }).Select(h => h.Name).ToList();
        names.ShouldBe(Matching(text).Select(l => l.Name).Order(ChineseOrder));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Search_ByFounded_EveryPageNewestFirst(string? text)
    {
        var founded = AllPages(new DirectoryQuery { Text = text, Sort = DirectorySort.Founded }).Select(h => h.Founded).ToList();
        founded.ShouldBe(Matching(text).Select(l => l.FoundedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).OrderDescending(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("养老")]
    [InlineData("服务")]
    [InlineData("协会")]
    public void Search_ByRelevance_NameMatchesBeforeScopeMatches_EveryHitOnce(string word)
    {
        var hits = AllPages(new DirectoryQuery { Text = word });
        hits.Select(h => h.Id).ShouldBe(Matching(word).Select(l => l.Id), ignoreOrder: true);
        var inName = hits.Select(h => h.Name.Contains(word, StringComparison.Ordinal)).ToList();
        inName.SkipWhile(n => n).ShouldAllBe(n => !n);
    }

    [Theory]
    [MemberData(nameof(TypedTexts))]
    public void Search_ByRelevance_EveryPageTierByTier_EveryHitOnce(string text)
    {
        var hits = AllPages(new DirectoryQuery { Text = text });
        hits.Select(h => h.Id).ShouldBe(Matching(text).Select(l => l.Id), ignoreOrder: true);
        hits.Select(h => h.Id).Distinct().Count().ShouldBe(hits.Count);
        var register = fixture.Register.ToDictionary(l => l.Id);
        var tiers = hits.Select(h => Tier(register[h.Id], text)).ToList();
        tiers.ShouldBe([.. tiers.Order()], $"tiers in page order: {string.Join(",", tiers)}");
        if (text is "协会" or "书法 协会")
        {
            // The renamed organization is found by its former name alone: the tier of former names is not empty.
            tiers.ShouldContain(3);
        }

        if (text == DirectoryConsistencyApp.FormerName)
        {
            hits[0].Name.ShouldBe(DirectoryConsistencyApp.NewName);
        }
    }

    /// <summary>
    /// The relevance tier by a plain scan: the exact code; the exact name (current or former); every word in the name;
    /// every word in the name or a former name; some word in the name; the rest.
    /// </summary>
    private static int Tier(OrganizationListing listing, string text)
    {
        var words = text.Split(' ');
        bool InName(string w) => listing.Name.Contains(w, StringComparison.Ordinal);
        return text == listing.CreditCode ? 0
            : listing.Name == text || listing.FormerNames.Contains(text) ? 1
            : words.All(InName) ? 2
            : words.All(w => InName(w) || listing.FormerNames.Any(f => f.Contains(w, StringComparison.Ordinal))) ? 3
            : words.Any(InName) ? 4
            : 5;
    }

    [Fact]
    public void Search_Filters_EqualAPlainScan()
    {
        var result = fixture.App.Search(new DirectoryQuery { Text = "协会", Type = "SocialGroup", Status = "Active", FoundedFrom = 2000, FoundedTo = 2020 });
        result.Total.ShouldBe(Matching("协会").Count(l => l.TypeCode == "SocialGroup" && l.Status == "Active" && l.FoundedOn.Year is >= 2000 and <= 2020));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Search_StatusStandingAndMinimumGrade_EqualAPlainScan(string? text)
    {
        foreach (var status in new string?[] { null, "Active", "Deregistered", "Abnormal", "Serious" })
        {
            foreach (var minGrade in new int?[] { null, 1, 3, 5 })
            {
                var expected = Matching(text).Where(l => (status is null || l.Status == status || l.Standing.ToString() == status) && l.Grade >= (minGrade ?? 0)).ToList();
                var result = fixture.App.Search(new DirectoryQuery { Text = text, Status = status, MinGrade = minGrade });
                result.Total.ShouldBe(expected.Count, $"status {status}, grade ≥ {minGrade}");
                result.Hits.ShouldAllBe(h => h.Grade >= (minGrade ?? 0));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Search_StandingAndAtLeastGradeCounts_EqualAPlainScan(string? text)
    {
        var expected = Matching(text).ToList();
        var result = fixture.App.Search(new DirectoryQuery { Text = text });
        Counts(result, IndexFields.Status).ShouldBe(expected.GroupBy(l => l.Status).ToDictionary(g => g.Key, g => g.Count()), ignoreOrder: true);
        Counts(result, IndexFields.Standing).ShouldBe(
            expected.Where(l => l.Standing != CreditStanding.Good).GroupBy(l => l.Standing.ToString()).ToDictionary(g => g.Key, g => g.Count()), ignoreOrder: true);
        // "At least" counts, 5A first: what choosing each as the minimum grade would find.
        result.Facets[IndexFields.Grade].ShouldBe(
            [.. Enumerable.Range(1, 5).Reverse()
                .Select(g => new KeyValuePair<string, int>(g.ToString(CultureInfo.InvariantCulture), expected.Count(l => l.Grade >= g)))
                .Where(p => p.Value > 0)]);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Search_ByGrade_EveryPageHighestFirst_TiesByNameOrRelevance(string? text)
    {
        var hits = AllPages(new DirectoryQuery { Text = text, Sort = DirectorySort.Grade });
        var register = fixture.Register.ToDictionary(l => l.Id);
        hits.Select(h => h.Id).ShouldBe(Matching(text).Select(l => l.Id), ignoreOrder: true);
        hits.ShouldAllBe(h => h.Grade == register[h.Id].Grade && h.Standing == register[h.Id].Standing.ToString());
        hits.Select(h => h.Grade).ShouldBe(hits.Select(h => h.Grade).OrderDescending());
        foreach (var grade in hits.GroupBy(h => h.Grade))
        {
            if (text is null)
            {
                grade.Select(h => h.Name).ShouldBe(grade.Select(h => h.Name).Order(ChineseOrder));
            }
            else
            {
                // Within a grade, the relevance tiers: names with every word before the rest.
                var inName = grade.Select(h => text.Split(' ').All(w => h.Name.Contains(w, StringComparison.Ordinal))).ToList();
                inName.SkipWhile(n => n).ShouldAllBe(n => !n);
            }
        }
    }

    /// <summary>Substring semantics: every word in the name, a former name or the scope, or the whole text an exact code.</summary>
    private IEnumerable<OrganizationListing> Matching(string? text)
    {
        var words = text?.Split(' ') ?? [];
        return fixture.Register.Where(l =>
            words.All(w => l.Name.Contains(w, StringComparison.Ordinal) || l.FormerNames.Any(f => f.Contains(w, StringComparison.Ordinal)) || l.BusinessScope.Contains(w, StringComparison.Ordinal))
            || text == l.CreditCode);
    }

    private List<DirectoryHit> AllPages(DirectoryQuery query)
    {
        var first = fixture.App.Search(query);
        return [.. Enumerable.Range(1, first.PageCount).SelectMany(p => fixture.App.Search(query with { Page = p }).Hits)];
    }

    private static Dictionary<string, int> Counts(DirectoryResult result, string field) => result.Facets[field].ToDictionary(f => f.Key, f => f.Value);
}
