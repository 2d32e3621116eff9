namespace Registry.Organizations.Domain;

/// <summary>Kinds of social organization; the first three are registered (with a credit code), community ones are filed.</summary>
public enum OrganizationType
{
    /// <summary>社会团体 (USCC type code 1).</summary>
    SocialGroup = 1,

    /// <summary>民办非企业单位 / 社会服务机构 (type code 2).</summary>
    PrivateNonEnterprise = 2,

    /// <summary>基金会 (type code 3).</summary>
    Foundation = 3,

    /// <summary>社区社会组织: filed (备案) with the street office, no credit code.</summary>
    Community = 9,
}

/// <summary>Register status.</summary>
public enum OrganizationStatus
{
    /// <summary>正常.</summary>
    Active,

    /// <summary>已注销.</summary>
    Deregistered,

    /// <summary>已撤销.</summary>
    Revoked,
}

/// <summary>Facts about organization types.</summary>
public static class OrganizationTypes
{
    public static readonly IReadOnlyList<OrganizationType> All = [OrganizationType.SocialGroup, OrganizationType.PrivateNonEnterprise, OrganizationType.Foundation, OrganizationType.Community];

    /// <summary>The USCC type character (position 2), or null for filed community organizations.</summary>
    public static char? UsccTypeCode(this OrganizationType type) => type switch
    {
        OrganizationType.SocialGroup => '1',
        OrganizationType.PrivateNonEnterprise => '2',
        OrganizationType.Foundation => '3',
        _ => null,
    };

    public static bool IsRegistered(this OrganizationType type) => type != OrganizationType.Community;
}
