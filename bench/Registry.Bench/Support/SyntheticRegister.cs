using System.Globalization;
using System.Text;
using Registry.Core.Identification;
using Registry.Organizations.Domain;

namespace Registry.Bench.Support;

/// <summary>One generated organization, as a row of the register import (<c>RegisterImporter</c>'s Chinese columns).</summary>
internal sealed record SyntheticOrganization(
    int Index,
    string Name,
    OrganizationType Type,
    string TypeLabel,
    string? CreditCode,
    string? FilingNumber,
    string? SupervisingUnit,
    string LegalRepresentative,
    string Street,
    string? Community,
    string Address,
    IReadOnlyList<string> ServiceFields,
    string BusinessScope,
    long ActivityFundsYuan,
    int IndividualMembers,
    int UnitMembers,
    DateOnly FoundedOn,
    string StatusLabel);

/// <summary>
/// A deterministic synthetic register of Haishu district (宁波市海曙区): names [区划][地名][字号][领域][组织形式] from word
/// lists (宁波市海曙区春晖养老服务中心), scopes composed from each field's phrases, streets and communities, founding
/// dates, statuses, valid unique credit codes (or filing numbers for community organizations). The same seed gives
/// the same register, so figures of two runs are of the same data. Names are unique after the register's own name
/// normalization (prefix and form removed), as the importer requires of active organizations.
/// </summary>
internal sealed class SyntheticRegister
{
    public const string DivisionCode = "330203";

    public const int Seed = 20_260_214;

    /// <summary>The importer's header row (its Chinese column names).</summary>
    public const string CsvHeader = "名称,类型,统一社会信用代码,备案编号,业务主管单位,法定代表人,街道,社区,住所,服务领域,业务范围,活动资金,个人会员数,单位会员数,成立日期,状态";

    /// <summary>Streets and towns of the district: the Street column and the street facet.</summary>
    public static readonly IReadOnlyList<string> Streets =
    [
        "南门街道", "鼓楼街道", "西门街道", "江厦街道", "白云街道", "段塘街道", "望春街道", "石碶街道",
        "集士港镇", "古林镇", "高桥镇", "横街镇", "鄞江镇", "洞桥镇", "章水镇", "龙观乡",
    ];

    /// <summary>字号: the trade names people remember and type.</summary>
    public static readonly IReadOnlyList<string> TradeNames =
    [
        "阳光", "春晖", "善园", "乐龄", "启明", "星光", "和美", "仁爱", "慈航", "甬上", "明州", "月湖", "天一", "四明", "三江", "书香",
        "同心", "同行", "爱心", "暖心", "贴心", "彩虹", "向日葵", "蒲公英", "红帆", "新起点", "欣然", "怡康", "康乐", "福寿", "安康", "颐乐",
        "长青", "夕阳红", "晨曦", "朝阳", "希望", "梦想", "益家", "乐助", "众益", "友善", "和谐", "融爱", "惠民", "利民", "为民", "邻家",
        "小橘灯", "微光", "点灯", "拾光", "知行", "致远", "博爱", "至善", "善行", "德馨", "慧心", "馨语", "悦读", "如意", "吉祥", "银龄",
        "青苗", "雏鹰", "海燕", "白鹭", "绿茵", "蓝天", "碧水", "青山", "清风", "明月", "甬城", "金色年华", "百合", "紫藤", "木棉", "常青藤",
    ];

    /// <summary>Characters that make further two-character trade names (春阳, 慧宁, …) once the common ones are taken.</summary>
    private const string TradeNameCharacters = "阳光春晖善园乐龄启明星和美仁爱慈康福安宁慧博雅德馨心益惠民欣怡悦青蓝绿清风月暖晨曦朝希望恒睿泽润嘉瑞祥泰丰华兴";

    private static readonly Field[] Fields =
    [
        new("养老", ["养老服务", "居家养老", "为老服务", "老年关爱", "乐龄生活", "老年大学"],
            ["居家养老上门服务", "老年人助餐助浴", "日间照料", "康复护理指导", "老年人精神慰藉", "失能老人照护培训", "智慧养老咨询", "为老志愿服务", "老年人健康讲座", "长者食堂运营"]),
        new("助残", ["助残", "残疾人康复", "助残服务", "特殊儿童康复"],
            ["残疾人康复训练", "辅具适配咨询", "残疾人就业培训", "助残志愿服务", "特殊儿童融合教育", "残疾人家庭喘息服务", "无障碍环境倡导"]),
        new("青少年", ["青少年成长", "青少年发展", "青少年服务", "儿童发展", "四点半课堂"],
            ["青少年课外托管", "青少年心理辅导", "四点半课堂", "青少年科技创新活动", "亲子阅读推广", "青少年社会实践", "儿童安全教育", "暑期夏令营"]),
        new("社区治理", ["社会工作", "社工服务", "社区发展", "邻里互助", "社区营造", "人民调解"],
            ["社会工作专业服务", "个案管理", "社区营造", "邻里互助活动", "社区矛盾调解", "承接政府购买社会工作服务", "社区志愿者培育", "社会组织孵化"]),
        new("教育", ["教育培训", "家庭教育", "职业技能", "科普", "学术交流", "国学"],
            ["职业技能培训", "家庭教育指导", "学前教育研究", "成人继续教育", "学术交流研讨", "科普宣传", "科技成果推广", "国学经典诵读"]),
        new("文化", ["文化艺术", "书画", "摄影", "越剧", "诗词", "非遗传承", "民乐"],
            ["群众文艺演出", "书画交流展览", "非遗传承保护", "越剧票友交流", "传统文化讲座", "摄影采风活动", "诗词创作交流", "民乐培训演出"]),
        new("体育", ["体育健身", "太极拳", "足球", "篮球", "健身气功", "登山户外", "围棋"],
            ["全民健身活动", "体育赛事组织", "健身技能培训", "太极拳推广", "青少年足球训练", "户外登山活动", "围棋普及教学", "社会体育指导员培训"]),
        new("环保", ["环保", "生态环保", "绿色家园", "低碳生活", "河道守护"],
            ["垃圾分类宣传", "河道保护巡查", "环保知识普及", "低碳生活倡导", "旧物回收利用", "生态修复志愿服务", "节能减排宣传"]),
        new("慈善", ["慈善", "公益", "志愿服务", "爱心帮扶", "助学"],
            ["慈善募捐", "困难群众帮扶", "助学助困", "应急救助", "公益项目孵化", "志愿服务组织", "爱心物资募集", "结对帮扶活动"]),
        new("其他", ["心理健康", "法律服务", "家政服务", "餐饮行业", "物业管理", "电子商务", "婚姻家庭", "健康促进"],
            ["心理健康咨询", "心理危机干预", "法律援助咨询", "普法宣传", "行业自律", "行业标准制定", "会员企业培训", "行业信息交流", "家政从业人员培训", "婚姻家庭辅导", "健康知识普及"]),
    ];

    private static readonly string[] GeneralPhrases =
    [
        "承接政府购买服务项目", "开展相关咨询与培训", "组织会员交流活动", "开展公益宣传活动", "接受社会捐赠", "开展调查研究", "编印内部资料",
        "举办专题讲座", "开展对外交流合作", "提供信息咨询服务",
    ];

    private static readonly string[] Beneficiaries = ["辖区居民", "社区老年人", "残疾人及其家庭", "青少年", "会员单位", "困难群众", "外来务工人员", "社区居民"];

    private static readonly string[] CommunityNames =
    [
        "孝闻", "中山", "郡庙", "秀水", "翠柏", "华兴", "万安", "安丰", "联丰", "新典", "尹江", "南塘", "丽园", "苍松", "永寿", "开明",
        "广仁", "青石", "马园", "县学", "柳锦", "常青", "后营", "南站", "环城", "五江", "天童", "芦港", "秀丽", "凤栖", "迎凤", "恒春",
        "紫金", "书城", "汇丰", "新城", "卖鱼桥", "西成", "文昌", "泰安", "段塘", "畈里", "信谊", "明楼", "高塘", "横石桥", "石碶", "栎社",
        "集士港", "卖面桥", "望春", "徐家漕", "新芝", "东湖", "民和", "长丰", "鄞江", "它山", "光溪", "梅园",
    ];

    private static readonly string[] Roads =
    [
        "中山西路", "解放南路", "药行街", "开明街", "柳汀街", "望京路", "段塘西路", "气象路", "环城西路", "丽园南路", "蓝天路", "高桥路",
        "苍松路", "西河街", "偃月街", "镇明路", "尹江路", "鄞县大道", "机场路", "布政巷",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "董", "袁", "叶", "蒋", "沈", "范", "邵", "俞", "应", "鲍"];

    private const string GivenNameCharacters = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文志海燕飞波宁斌慧琴云鹏辉婷雪琳晨浩宇欣怡佳";

    private static readonly string[] Supervisors = ["海曙区民政局", "海曙区教育局", "海曙区文化和广电旅游体育局", "海曙区卫生健康局", "海曙区科学技术协会", "海曙区残疾人联合会", "海曙区人力资源和社会保障局", "海曙区司法局"];

    private static readonly string[] SocialGroupForms = ["协会", "协会", "协会", "促进会", "研究会", "联合会", "联谊会", "学会", "商会"];
    private static readonly string[] ServiceForms = ["服务中心", "服务中心", "服务中心", "发展中心", "服务社", "研究院", "俱乐部", "康复中心", "培训学校"];
    private static readonly string[] CommunityForms = ["服务队", "志愿服务队", "服务站", "俱乐部", "艺术团", "协会"];

    /// <summary>Two-letter prefixes of the credit codes' organization part, one per million (alphabet without I O Z S V).</summary>
    private static readonly string[] CodePrefixes = BuildCodePrefixes();

    private readonly NameRules _nameRules;

    public SyntheticRegister(IEnumerable<string> namePrefixes)
    {
        _nameRules = new NameRules(namePrefixes, NameRules.DefaultSuffixes);
    }

    /// <summary>Every word a query generator may use of the register (2-character words etc. are derived from these).</summary>
    public static IEnumerable<string> FieldNameWords => Fields.SelectMany(f => f.NameWords);

    public static IEnumerable<string> FieldPhrases => Fields.SelectMany(f => f.Phrases);

    public static IEnumerable<string> CommunityWords => CommunityNames;

    /// <summary>The organizations 0..count-1, generated in order; the same count and seed give the same rows.</summary>
    public IEnumerable<SyntheticOrganization> Generate(int count)
    {
        if (count > CodePrefixes.Length * 999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "More organizations than credit-code prefixes.");
        }

        var random = new Random(Seed);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var filings = new Dictionary<int, int>();
        for (var i = 0; i < count; i++)
        {
            yield return Next(random, i, taken, filings);
        }
    }

    /// <summary>The CSV the importer reads, header first; values quoted where needed.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<SyntheticOrganization> organizations)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(organizations);
        writer.Write(CsvHeader);
        writer.Write('\n');
        var line = new StringBuilder(512);
        foreach (var o in organizations)
        {
            line.Clear();
            string[] cells =
            [
                o.Name, o.TypeLabel, o.CreditCode ?? "", o.FilingNumber ?? "", o.SupervisingUnit ?? "", o.LegalRepresentative, o.Street, o.Community ?? "",
                o.Address, string.Join('、', o.ServiceFields), o.BusinessScope, o.ActivityFundsYuan.ToString(CultureInfo.InvariantCulture),
                o.IndividualMembers.ToString(CultureInfo.InvariantCulture), o.UnitMembers.ToString(CultureInfo.InvariantCulture),
                o.FoundedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.StatusLabel,
            ];
            for (var c = 0; c < cells.Length; c++)
            {
                if (c > 0)
                {
                    line.Append(',');
                }

                AppendCell(line, cells[c]);
            }

            line.Append('\n');
            writer.Write(line);
        }
    }

    private SyntheticOrganization Next(Random random, int index, HashSet<string> taken, Dictionary<int, int> filings)
    {
        var roll = random.NextDouble();
        var type = roll switch
        {
            < 0.30 => OrganizationType.SocialGroup,
            < 0.75 => OrganizationType.PrivateNonEnterprise,
            < 0.78 => OrganizationType.Foundation,
            _ => OrganizationType.Community,
        };
        var field = Pick(random, Fields);
        var second = random.NextDouble() < 0.3 ? Pick(random, Fields) : null;
        var streetIndex = random.Next(Streets.Count);
        var street = Streets[streetIndex];
        var community = type == OrganizationType.Community || random.NextDouble() < 0.4 ? CommunityNames[random.Next(CommunityNames.Length)] + "社区" : null;

        var name = UniqueName(random, type, field, street, community, taken);
        var founded = new DateOnly(1995, 1, 1).AddDays((int)(Math.Sqrt(random.NextDouble()) * 11_322)); // later years more often, up to 2025-12-31
        var status = random.NextDouble() switch
        {
            < 0.88 => "正常",
            < 0.97 => "已注销",
            _ => "已撤销",
        };

        string? creditCode = null;
        string? filingNumber = null;
        if (type.UsccTypeCode() is { } typeCode)
        {
            // Unique by construction: a two-letter prefix per million, then the index within that million.
            var body = CodePrefixes[index / 999_999] + ((index % 999_999) + 1).ToString("000000", CultureInfo.InvariantCulture);
            creditCode = UnifiedSocialCreditCode.Generate('5', typeCode, DivisionCode, body).Value;
        }
        else
        {
            var sequence = filings[founded.Year] = filings.GetValueOrDefault(founded.Year) + 1;
            filingNumber = string.Create(CultureInfo.InvariantCulture, $"{DivisionCode}SB{founded.Year}{sequence:0000}");
        }

        var fields = second is null || second.Code == field.Code ? new[] { field.Code } : [field.Code, second.Code];
        return new SyntheticOrganization(
            index,
            name,
            type,
            type switch
            {
                OrganizationType.SocialGroup => "社会团体",
                OrganizationType.PrivateNonEnterprise => random.NextDouble() < 0.3 ? "社会服务机构" : "民办非企业单位",
                OrganizationType.Foundation => "基金会",
                _ => "社区社会组织",
            },
            creditCode,
            filingNumber,
            type switch
            {
                OrganizationType.Community => street + (street.EndsWith("街道", StringComparison.Ordinal) ? "办事处" : "人民政府"),
                OrganizationType.Foundation => random.NextDouble() < 0.5 ? "海曙区民政局" : null,
                _ => random.NextDouble() < 0.6 ? Pick(random, Supervisors) : null,
            },
            PersonName(random),
            street,
            community,
            string.Create(CultureInfo.InvariantCulture, $"宁波市海曙区{Pick(random, Roads)}{random.Next(1, 400)}号") + (random.NextDouble() < 0.4 ? string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 20)}0{random.Next(1, 9)}室") : ""),
            fields,
            Scope(random, field, second),
            type switch
            {
                OrganizationType.Foundation => random.Next(200, 2_000) * 10_000L,
                OrganizationType.Community => random.Next(0, 50) * 100L,
                _ => random.Next(3, 50) * 10_000L,
            },
            type switch
            {
                OrganizationType.SocialGroup => random.Next(50, 800),
                OrganizationType.Community => random.Next(10, 200),
                _ => 0,
            },
            type == OrganizationType.SocialGroup && random.NextDouble() < 0.3 ? random.Next(30, 120) : 0,
            founded,
            status);
    }

    private string UniqueName(Random random, OrganizationType type, Field field, string street, string? community, HashSet<string> taken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var word = Pick(random, field.NameWords);
            var trade = attempt < 3 && random.NextDouble() < 0.6
                ? TradeNames[random.Next(TradeNames.Count)]
                : SyntheticTradeName(random, attempt < 20 ? 2 : 3);
            var form = type switch
            {
                OrganizationType.SocialGroup => Pick(random, SocialGroupForms),
                OrganizationType.Foundation => "基金会",
                OrganizationType.Community => Pick(random, CommunityForms),
                _ => Pick(random, ServiceForms),
            };
            if (form == "志愿服务队" && word.EndsWith("服务", StringComparison.Ordinal))
            {
                form = "服务队";
            }

            if (word.Length > 3 && word.EndsWith(form[..2], StringComparison.Ordinal))
            {
                // 养老服务 + 服务中心 → 养老服务中心, not 养老服务服务中心.
                word = word[..^2];
            }

            var name = type == OrganizationType.Community
                ? $"海曙区{street}{community}{trade}{word}{form}"
                : $"宁波市海曙区{(random.NextDouble() < 0.25 ? street[..^(street.EndsWith("街道", StringComparison.Ordinal) ? 2 : 1)] : "")}{trade}{word}{form}";

            if (taken.Add(_nameRules.Normalize(name)))
            {
                return name;
            }
        }
    }

    private static string SyntheticTradeName(Random random, int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            char c;
            do
            {
                c = TradeNameCharacters[random.Next(TradeNameCharacters.Length)];
            }
            while (chars[..i].Contains(c));

            chars[i] = c;
        }

        return new string(chars);
    }

    private static string Scope(Random random, Field field, Field? second)
    {
        var phrases = field.Phrases.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToList();
        if (second is not null && second.Code != field.Code)
        {
            phrases.Add(Pick(random, second.Phrases));
        }

        var general = Pick(random, GeneralPhrases);
        return random.Next(3) switch
        {
            0 => $"开展{string.Join('、', phrases)}；{general}。",
            1 => $"{string.Join('；', phrases)}；{general}等。",
            _ => $"为{Pick(random, Beneficiaries)}提供{string.Join('、', phrases)}等服务；{general}；{Pick(random, GeneralPhrases)}。",
        };
    }

    private static string PersonName(Random random)
    {
        var surname = Pick(random, Surnames);
        var given = GivenNameCharacters[random.Next(GivenNameCharacters.Length)].ToString();
        return random.NextDouble() < 0.7 ? surname + given + GivenNameCharacters[random.Next(GivenNameCharacters.Length)] : surname + given;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static void AppendCell(StringBuilder line, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static string[] BuildCodePrefixes()
    {
        var letters = UnifiedSocialCreditCode.Alphabet.Where(char.IsLetter).ToArray();
        var all = letters.SelectMany(a => letters.Select(b => string.Concat(a, b))).ToList();
        return [.. all.Skip(all.IndexOf("BN"))];
    }

    /// <summary>A service field: its code in the register's list, the words it gives names, the phrases of scopes.</summary>
    private sealed record Field(string Code, string[] NameWords, string[] Phrases);
}
