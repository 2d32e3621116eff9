using Microsoft.AspNetCore.Identity;
using Registry.Core.Security;

namespace Registry.Core.Tests.Security;

/// <summary>The generated administrator password must pass the policy every time (issue 25 item 0: one start in thirty failed).</summary>
public sealed class PasswordGeneratorTests
{
    public static TheoryData<int, bool, bool, bool, bool, int> Policies => new()
    {
        // The site's policy (IdentitySetup): 10 characters, a digit, a lower-case letter, 4 distinct characters.
        { 10, true, true, false, false, 4 },
        // Identity's defaults and stricter ones.
        { 6, true, true, true, true, 1 },
        { 24, true, true, true, true, 20 },
        { 1, false, false, false, false, 0 },
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task Generate_TwentyThousandTimes_EveryPasswordPassesThePolicy(int length, bool digit, bool lower, bool upper, bool symbol, int unique)
    {
        var options = new IdentityOptions();
        options.Password.RequiredLength = length;
        options.Password.RequireDigit = digit;
        options.Password.RequireLowercase = lower;
        options.Password.RequireUppercase = upper;
        options.Password.RequireNonAlphanumeric = symbol;
        options.Password.RequiredUniqueChars = unique;
        var validator = new PasswordValidator<RegistryUser>();
        using var manager = new UserManager<RegistryUser>(new NoStore(), Microsoft.Extensions.Options.Options.Create(options), null!, [], [validator], null!, null!, null!, null!);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 20_000; i++)
        {
            var password = PasswordGenerator.Generate(options.Password);
            var result = await validator.ValidateAsync(manager, new RegistryUser(), password);
            result.Succeeded.ShouldBeTrue($"{password}: {string.Join("; ", result.Errors.Select(e => e.Code))}");
            seen.Add(password).ShouldBeTrue("a generated password repeated");
        }
    }

    [Fact]
    public void Generate_PolicyAskingForMoreDistinctCharactersThanTheAlphabet_Throws()
    {
        Should.Throw<ArgumentException>(() => PasswordGenerator.Generate(new PasswordOptions { RequiredUniqueChars = 100 }));
    }

    private sealed class NoStore : IUserStore<RegistryUser>
    {
        public void Dispose()
        {
        }

        public Task<string> GetUserIdAsync(RegistryUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

        public Task<string?> GetUserNameAsync(RegistryUser user, CancellationToken cancellationToken) => Task.FromResult(user.UserName);

        public Task SetUserNameAsync(RegistryUser user, string? userName, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<string?> GetNormalizedUserNameAsync(RegistryUser user, CancellationToken cancellationToken) => Task.FromResult(user.NormalizedUserName);

        public Task SetNormalizedUserNameAsync(RegistryUser user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IdentityResult> CreateAsync(RegistryUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

        public Task<IdentityResult> UpdateAsync(RegistryUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

        public Task<IdentityResult> DeleteAsync(RegistryUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

        public Task<RegistryUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<RegistryUser?>(null);

        public Task<RegistryUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => Task.FromResult<RegistryUser?>(null);
    }
}
