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
}
