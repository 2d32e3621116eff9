namespace Registry.Testing;

/// <summary>The accounts of Recipes/test.recipe.json.</summary>
public static class TestAccounts
{
    public static readonly (string Email, string Password) Admin = ("admin@test.local", "Test-admin-2026");
    public static readonly (string Email, string Password) Officer = ("officer@test.local", "Test-officer-2026");
    public static readonly (string Email, string Password) Reviewer = ("reviewer@test.local", "Test-reviewer-2026");
    public static readonly (string Email, string Password) Applicant = ("applicant@test.local", "Test-applicant-2026");
    public static readonly (string Email, string Password) Editor = ("editor@test.local", "Test-editor-2026");

    /// <summary>An officer who also handles requests for disclosure (政府信息公开工作人员).</summary>
    public static readonly (string Email, string Password) DisclosureOfficer = ("disclosure@test.local", "Test-disclosure-2026");

    /// <summary>Two more officers, so a sign-off chain of three steps can be taken by three different people.</summary>
    public static readonly (string Email, string Password) Officer2 = ("officer2@test.local", "Test-officer-2026");

    public static readonly (string Email, string Password) Officer3 = ("officer3@test.local", "Test-officer-2026");

    /// <summary>业务主管单位 accounts of 海曙区测试主管局甲 and 乙 (test recipe's "supervising-units").</summary>
    public static readonly (string Email, string Password) Supervisor = ("supervisor@test.local", "Test-supervisor-2026");

    public static readonly (string Email, string Password) Supervisor2 = ("supervisor2@test.local", "Test-supervisor-2026");

    /// <summary>The street office of 月湖街道.</summary>
    public static readonly (string Email, string Password) StreetOffice = ("street@test.local", "Test-street-2026");

    /// <summary>局领导: reads only.</summary>
    public static readonly (string Email, string Password) Leader = ("leader@test.local", "Test-leader-2026");
}
