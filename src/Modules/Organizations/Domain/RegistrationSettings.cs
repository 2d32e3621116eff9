namespace Registry.Organizations.Domain;

/// <summary>A document of a kind's checklist; its display name is the localization key <c>Doc.{Code}</c>.</summary>
public sealed record DocumentRequirement(string Code, bool Required = true, string? TemplateUrl = null);

/// <summary>
/// How one kind of application is handled locally: periods in working days, the working days by which the bureau's head
/// may extend them (<see cref="ExtensionDays"/>, 0 = none), and the document checklist.
/// </summary>
public sealed record KindDefinition(ApplicationKind Kind, int StatutoryDays, int PromisedDays, IReadOnlyList<DocumentRequirement> Documents, int ExtensionDays = 0);

/// <summary>Local rules (DESIGN.md §3); a recipe step or an admin can change them.</summary>
public sealed record RegistrationRules
{
    public string DivisionCode { get; init; } = "330203";

    public string RegisteringAuthority { get; init; } = "宁波市海曙区民政局";

    public string DistrictName { get; init; } = "海曙区";

    /// <summary>Positions 9–10 of the credit codes this bureau issues; the rest of the organization code is a sequence.</summary>
    public string CreditCodePrefix { get; init; } = "MJ";

    public IReadOnlyList<string> NamePrefixes { get; init; } = ["浙江省", "宁波市", "海曙区", "海曙"];

    /// <summary>社团条例 第十条(一): at least 50 individual members when all members are individuals.</summary>
    public int MinIndividualMembers { get; init; } = 50;

    /// <summary>社团条例 第十条(一): at least 30 unit members when all members are units.</summary>
    public int MinUnitMembers { get; init; } = 30;

    /// <summary>社团条例 第十条(一): a membership of individuals and units together needs at least 50 members in total.</summary>
    public int MinMixedMembers { get; init; } = 50;

    /// <summary>
    /// Words a locally registered organization may not use in its name (社团条例 第十条(二); 社会团体登记管理条例 and
    /// 民办非企业单位名称管理暂行规定 第十条: 中国/全国/中华 and 国际/世界 are reserved to organizations registered nationally).
    /// </summary>
    public IReadOnlyList<string> ReservedNameWords { get; init; } = ["中国", "全国", "中华", "国际", "世界"];

    /// <summary>The administrative-area prefixes a locally registered name starts with (名称管理规定: 冠以所在行政区划名称).</summary>
    public IReadOnlyList<string> NameAreaPrefixes { get; init; } = ["宁波市海曙区", "海曙区"];

    /// <summary>
    /// The organization forms a name ends with, per type (社会团体名称管理规定; 民办非企业单位名称管理暂行规定 第八条;
    /// 基金会名称管理规定): a 社会团体 is an association, a 民办非企业单位 a centre, institute, school, station …, a foundation a 基金会.
    /// </summary>
    public IReadOnlyDictionary<OrganizationType, IReadOnlyList<string>> NameForms { get; init; } = new Dictionary<OrganizationType, IReadOnlyList<string>>
    {
        [OrganizationType.SocialGroup] = ["协会", "学会", "研究会", "促进会", "联合会", "联谊会", "商会", "总会", "公会", "校友会"],
        [OrganizationType.PrivateNonEnterprise] = ["中心", "院", "所", "校", "园", "站", "社", "馆", "俱乐部"],
        [OrganizationType.Foundation] = ["基金会"],
    };

    /// <summary>
    /// 基金会管理条例 第八条(二): the original fund of a foundation in fen: at least ¥2,000,000 without public fundraising,
    /// ¥4,000,000 for a local public-fundraising foundation (¥8,000,000 national ones are not registered locally).
    /// </summary>
    public IReadOnlyDictionary<FoundationKind, long> MinOriginalFundFen { get; init; } = new Dictionary<FoundationKind, long>
    {
        [FoundationKind.NonPublicFundraising] = 200_000_000,
        [FoundationKind.LocalPublicFundraising] = 400_000_000,
    };

    /// <summary>Minimum activity funds in fen per registered type (社会团体 locally 30,000 yuan); a foundation's original fund follows <see cref="MinOriginalFundFen"/>.</summary>
    public IReadOnlyDictionary<OrganizationType, long> MinActivityFundsFen { get; init; } = new Dictionary<OrganizationType, long>
    {
        [OrganizationType.SocialGroup] = 3_000_000,
        [OrganizationType.PrivateNonEnterprise] = 3_000_000,
    };

    public int CommunityMinMembers { get; init; } = 10;

    public int CommunityMinStaff { get; init; } = 3;

    public int NameReservationMonths { get; init; } = 6;

    /// <summary>
    /// 行政许可法 第三十二条: a submission neither accepted nor returned for correction within this many (working, 第八十二条)
    /// days counts as accepted from the day it was received.
    /// </summary>
    public int AcceptanceWorkingDays { get; init; } = 5;

    public IReadOnlyList<string> ServiceFields { get; init; } = ["养老", "助残", "青少年", "社区治理", "教育", "文化", "体育", "环保", "慈善", "其他"];

    public IReadOnlyList<KindDefinition> Kinds { get; init; } = DefaultKinds;

    /// <summary>
    /// 成立登记: 60 days under 社会团体登记管理条例 第十一条 (and the 民非 and foundation regulations), counted locally as
    /// working days, no extension. 名称核准, 变更 and 注销 have no period of their own in the regulations, so
    /// 行政许可法 第四十二条 applies: 20 working days, extendable by 10 with the approval of the bureau's head.
    /// </summary>
    public static readonly IReadOnlyList<KindDefinition> DefaultKinds =
    [
        new(ApplicationKind.NameApproval, 20, 5, [new("NameApplicationLetter"), new("SupervisorConsent", Required: false)], ExtensionDays: 10),
        new(ApplicationKind.Establishment, 60, 20, [new("Charter"), new("PremisesProof"), new("FundsProof"), new("LegalRepId"), new("SupervisorApproval", Required: false), new("MemberList", Required: false)]),
        new(ApplicationKind.Change, 20, 20, [new("ChangeResolution"), new("SupervisorApproval", Required: false), new("PremisesProof", Required: false)], ExtensionDays: 10),
        new(ApplicationKind.Deregistration, 20, 20, [new("LiquidationReport"), new("DeregistrationResolution"), new("SupervisorApproval", Required: false)], ExtensionDays: 10),
        new(ApplicationKind.CommunityFiling, 20, 10, [new("Charter"), new("PremisesProof"), new("MemberList"), new("LegalRepId")]),
    ];

    /// <summary>基金会管理条例 第八条(二): the statutory floors of the original fund, which local rules may raise but not lower.</summary>
    public static readonly IReadOnlyDictionary<FoundationKind, long> StatutoryOriginalFundFen = new Dictionary<FoundationKind, long>
    {
        [FoundationKind.NonPublicFundraising] = 200_000_000,
        [FoundationKind.LocalPublicFundraising] = 400_000_000,
    };

    /// <summary>
    /// The longest statutory period a kind may be given: 60 working days for 成立登记 (社会团体登记管理条例 第十一条),
    /// 20 for the others (行政许可法 第四十二条).
    /// </summary>
    public static int MaxStatutoryDays(ApplicationKind kind) => kind == ApplicationKind.Establishment ? 60 : 20;

    public KindDefinition Kind(ApplicationKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind) ?? DefaultKinds.First(k => k.Kind == kind);
}
