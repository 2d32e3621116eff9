using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Registry.Core.Security;

namespace Registry.Core.Tests.Security;

/// <summary>Issue 26 item 10: the most common passwords, Chinese patterns included, are refused; ours still pass.</summary>
public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("123456")]
    [InlineData("woaini1314")]
    [InlineData("qq123456")]
    [InlineData("a123456")]
    [InlineData("5201314")]
    [InlineData("password123")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("WoAiNi1314")]
    [InlineData(" qq12345678 ")]
    public async Task ValidateAsync_CommonPassword_FailsWithTheLocalizedReason(string password)
    {
        var result = await new CommonPasswordValidator(new KeyLocalizer()).ValidateAsync(null!, new RegistryUser(), password);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Code.ShouldBe(CommonPasswordValidator.ErrorCode);
        result.Errors.Single().Description.ShouldBe("Identity.CommonPassword");
    }

    [Theory]
    [InlineData("Demo-admin-2026")]
    [InlineData("Demo-officer-2026")]
    [InlineData("Demo-reviewer-2026")]
    [InlineData("Demo-applicant-2026")]
    [InlineData("Setup-admin-2026")]
    [InlineData("Steady-rain-2026")]
    public async Task ValidateAsync_RecipeAndTestPasswords_Pass(string password) =>
        (await new CommonPasswordValidator(new KeyLocalizer()).ValidateAsync(null!, new RegistryUser(), password)).Succeeded.ShouldBeTrue();

    [Fact]
    public void IsCommon_GeneratedPasswords_NeverOnTheList()
    {
        var policy = new IdentityOptions().Password;
        policy.RequiredLength = 10;
        for (var i = 0; i < 2_000; i++)
        {
            CommonPasswordValidator.IsCommon(PasswordGenerator.Generate(policy)).ShouldBeFalse();
        }
    }

    [Fact]
    public void IsCommon_EveryDemoRecipePassword_NotOnTheList()
    {
        var recipe = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "Recipes", "demo.recipe.json");
        using var document = JsonDocument.Parse(File.ReadAllText(recipe));
        var passwords = document.RootElement.GetProperty("steps").EnumerateArray()
            .Where(s => s.TryGetProperty("users", out _))
            .SelectMany(s => s.GetProperty("users").EnumerateArray())
            .Where(u => u.TryGetProperty("password", out _))
            .Select(u => u.GetProperty("password").GetString()!)
            .ToList();

        passwords.ShouldNotBeEmpty();
        passwords.ShouldAllBe(p => !CommonPasswordValidator.IsCommon(p));
    }

    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
