using System.Globalization;
using Registry.Directory.Search;

namespace Registry.Bench.Support;

/// <summary>One kind of directory query and its generated instances; <paramref name="AskedOnce"/>: each is asked only once.</summary>
internal sealed record DirectoryQueryKind(string Key, string Label, IReadOnlyList<DirectoryQuery> Queries, bool AskedOnce = false);

/// <summary>
/// Deterministic directory queries of the kinds people type into the public directory of a Chinese register: the
/// words come from the same lists as <see cref="SyntheticRegister"/> (so most find something, a few find nothing).
/// </summary>
internal static class DirectoryQueries
{
    public const int Seed = 4_711;

    /// <summary>Two-character words: trade names, fields, scope words, places (the commonest length of a Chinese query).</summary>
    public static readonly IReadOnlyList<string> TwoCharacterWords =
    [
        "养老", "助残", "阳光", "春晖", "善园", "乐龄", "启明", "星光", "社工", "文化", "体育", "环保", "慈善", "公益", "心理", "康复",
        "书画", "越剧", "足球", "围棋", "志愿", "科普", "家政", "法律", "助餐", "托管", "调解", "募捐", "讲座", "鼓楼", "白云", "孝闻",
        "仁爱", "同心", "和美", "摄影", "诗词", "助学", "儿童", "国学", "航天", "医药",
    ];

    /// <summary>Three- and four-character words and phrases: fields, scope phrases, trade name + field.</summary>
    public static readonly IReadOnlyList<string> LongerWords =
    [
        "养老服务", "居家养老", "青少年", "社会工作", "文化艺术", "志愿服务", "心理健康", "残疾人", "太极拳", "垃圾分类", "家庭教育", "日间照料",
        "法律援助", "非遗传承", "全民健身", "夕阳红", "向日葵", "蒲公英", "四点半", "长者食堂", "春晖养老", "阳光助残", "乐龄生活", "助餐助浴",
        "心理辅导", "社区营造", "邻里互助", "户外登山", "老年大学", "善园社工", "启明教育", "星光文化", "新起点", "小橘灯", "金色年华", "集士港",
    ];

    /// <summary>Words people remember from a name (trade names, a field).</summary>
    public static readonly IReadOnlyList<string> NameWords =
    [
        "阳光", "春晖", "善园", "乐龄", "启明", "星光", "和美", "仁爱", "同心", "爱心", "彩虹", "向日葵", "夕阳红", "小橘灯", "德馨", "慧心",
        "养老", "助残", "书画", "足球", "社工", "环保", "慈善", "鼓楼", "白云", "孝闻",
    ];

    /// <summary>Words and phrases from the scopes (业务范围).</summary>
    public static readonly IReadOnlyList<string> ScopeWords =
    [
        "助餐", "助浴", "日间照料", "康复护理", "心理辅导", "托管", "垃圾分类", "普法", "调解", "募捐", "助学", "演出", "培训", "讲座", "夏令营",
        "健身", "救助", "孵化", "喘息服务", "无障碍", "亲子阅读", "精神慰藉", "河道保护", "就业培训", "政府购买", "会员企业", "非遗传承保护",
    ];

    public static readonly IReadOnlyList<string> OneCharacterWords = ["乐", "善", "爱", "康", "星", "阳", "春", "心", "和", "福", "德", "仁", "美", "慧", "安", "龄", "晖", "益", "暖", "馨"];

    public static readonly IReadOnlyList<string> TypeCodes = ["SocialGroup", "PrivateNonEnterprise", "Foundation", "Community"];

    /// <summary>
    /// The seven kinds, <paramref name="perKind"/> queries each, and three of grades and credit lists (minimum grade, a
    /// credit-list status, sort by grade); <paramref name="creditCodes"/> are codes on the register.
    /// An eighth kind, asked once each, holds every 3- and 4-character run of Chinese cut from <paramref name="scopes"/> that no
    /// other kind asks (shuffled): the cost of a phrase the search has not seen before, which the others, drawn from short
    /// word lists, mostly do not pay.
    /// </summary>
    public static IReadOnlyList<DirectoryQueryKind> Build(int perKind, IReadOnlyList<string> creditCodes, IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(creditCodes);
        if (creditCodes.Count == 0)
        {
            throw new ArgumentException("No credit code to look up.", nameof(creditCodes));
        }

        return
        [
            Kind("a", "2-char word (养老)", perKind, 1, r => Text(Pick(r, TwoCharacterWords))),
            Kind("b", "3-4 char word (居家养老)", perKind, 2, r => Text(Pick(r, LongerWords))),
            Kind("c", "name word + scope phrase (阳光 助餐)", perKind, 3, r => Text(Pick(r, NameWords) + " " + Pick(r, ScopeWords))),
            Kind("d", "word + type + street filters", perKind, 4, r => new DirectoryQuery
            {
                Text = AnyWord(r),
                Type = Pick(r, TypeCodes),
                Street = Pick(r, SyntheticRegister.Streets),
            }),
            Kind("e", "1-char word (善)", perKind, 5, r => Text(Pick(r, OneCharacterWords))),
            Kind("f", "exact credit code", perKind, 6, r => Text(Pick(r, creditCodes))),
            Kind("g", "empty query: all, by name, facets (pages 1-5)", perKind, 7, r => new DirectoryQuery { Page = r.Next(1, 6) }),
            new("h", "3-4 chars cut from a scope, each asked once", [.. FirstTimePhrases(scopes).Select(Text)], AskedOnce: true),
            Kind("i", "word + minimum grade (养老, ≥ 3A)", perKind, 9, r => new DirectoryQuery { Text = AnyWord(r), MinGrade = r.Next(1, 6) }),
            Kind("j", "活动异常 / 严重违法失信, with a word or none", perKind, 10, r => new DirectoryQuery
            {
                Text = r.Next(2) == 0 ? null : AnyWord(r),
                Status = r.Next(2) == 0 ? "Abnormal" : "Serious",
            }),
            Kind("k", "sort by grade: a word, or none (pages 1-5)", perKind, 11, r => r.Next(2) == 0
                ? new DirectoryQuery { Text = AnyWord(r), Sort = DirectorySort.Grade }
                : new DirectoryQuery { Sort = DirectorySort.Grade, Page = r.Next(1, 6) }),
        ];
    }

    private static IEnumerable<string> FirstTimePhrases(IEnumerable<string> scopes)
    {
        var asked = TwoCharacterWords.Concat(LongerWords).Concat(NameWords).Concat(ScopeWords).ToHashSet(StringComparer.Ordinal);
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            for (var length = 3; length <= 4; length++)
            {
                for (var start = 0; start + length <= scope.Length; start++)
                {
                    var phrase = scope.Substring(start, length);
                    if (phrase.All(c => char.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter) && !asked.Contains(phrase))
                    {
                        phrases.Add(phrase);
                    }
                }
            }
        }

        var random = new Random(Seed + 8);
        return phrases.Order(StringComparer.Ordinal).OrderBy(_ => random.Next());
    }

    private static DirectoryQueryKind Kind(string key, string label, int count, int seed, Func<Random, DirectoryQuery> next)
    {
        var random = new Random(Seed + seed);
        return new DirectoryQueryKind(key, label, [.. Enumerable.Range(0, count).Select(_ => next(random))]);
    }

    private static DirectoryQuery Text(string text) => new() { Text = text };

    private static string AnyWord(Random random) => random.Next(2) == 0 ? Pick(random, TwoCharacterWords) : Pick(random, LongerWords);

    private static string Pick(Random random, IReadOnlyList<string> items) => items[random.Next(items.Count)];
}
