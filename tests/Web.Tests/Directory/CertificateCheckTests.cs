using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Identification;
using Registry.Inspections.Domain;
using Registry.Organizations.Domain;
using Registry.Ratings.Domain;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Directory;

/// <summary>The public certificate check (/Directory/Check), on each provider: what is wrong with bad input, and the standing and grade of a registered code.</summary>
public abstract class CertificateCheckTests<TApp>(TApp app)
    where TApp : AppFixture
{
    [Fact]
    public async Task Check_Empty_ShowsAPromptNotNothing()
    {
        var html = await GetAsync("/Directory/Check");

        html.ShouldContain("data-testid=\"check-prompt\"");
        html.ShouldContain("请输入证书上的统一社会信用代码或备案编号");
        html.ShouldNotContain("data-testid=\"check-none\"");
    }

    [Fact]
    public async Task Check_TooShort_SaysHowManyCharactersNotNotInTheRegister()
    {
        var html = await GetAsync("/Directory/Check?code=5133020350000101");

        html.ShouldContain("输入的是16位");
        html.ShouldNotContain("data-testid=\"check-none\"");
    }

    [Fact]
    public async Task Check_WrongCheckCharacter_NamesTheCheckCharacter()
    {
        var (code, _) = await RegisteredAsync(listed: false, grade: null);

        var html = await GetAsync("/Directory/Check?code=" + code[..17] + (code[17] == 'A' ? 'B' : 'A'));

        html.ShouldContain("校验位");
        html.ShouldNotContain("data-testid=\"check-none\"");
        html.ShouldNotContain("data-testid=\"check-result\"");
    }

    [Fact]
    public async Task Check_LetterTheCodeNeverUses_NamesTheLetterAndPosition()
    {
        var html = await GetAsync("/Directory/Check?code=51330203500001018I");

        html.ShouldContain("第18位的字母");
    }

    [Fact]
    public async Task Check_RegisteredCodeTypedWithHyphenFullWidthAndLowerCase_FindsTheOrganization()
    {
        var (code, name) = await RegisteredAsync(listed: false, grade: null);
        var fullWidth = string.Concat(code.Select(c => (char)(c + 0xFEE0)));

        foreach (var typed in new[] { $"{code[..16]}-{code[16..]}", fullWidth, code.ToLowerInvariant(), $"{code[..8]} {code[8..]}" })
        {
            var html = await GetAsync("/Directory/Check?code=" + Uri.EscapeDataString(typed));
            html.ShouldContain("data-testid=\"check-result\"", customMessage: typed);
            html.ShouldContain(name);
        }
    }

    [Fact]
    public async Task Check_RegisteredOnTheAbnormalListWithAGrade_ShowsStandingAndGrade()
    {
        var (code, name) = await RegisteredAsync(listed: true, grade: 4);

        var html = await GetAsync("/Directory/Check?code=" + code);

        html.ShouldContain(name);
        var standing = Section(html, "check-standing");
        standing.ShouldContain("活动异常");
        var grade = Section(html, "check-grade");
        grade.ShouldContain("4A");
        grade.ShouldContain("有效期至");
    }

    [Fact]
    public async Task Check_RegisteredWithNoListingAndNoGrade_SaysSo()
    {
        var (code, _) = await RegisteredAsync(listed: false, grade: null);

        var html = await GetAsync("/Directory/Check?code=" + code);

        Section(html, "check-standing").ShouldContain("未列入活动异常名录或严重违法失信名单");
        Section(html, "check-grade").ShouldContain("无有效评估等级");
    }

    [Fact]
    public async Task Check_ValidCodeNotRegistered_SaysNotInTheRegister()
    {
        var code = UnifiedSocialCreditCode.Generate('5', '1', "330203", "YY999999").Value;

        var html = await GetAsync("/Directory/Check?code=" + code);

        html.ShouldContain("data-testid=\"check-none\"");
    }

    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, testId);
        var end = html.IndexOf("</dd>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private async Task<string> GetAsync(string url)
    {
        using var response = await app.Client().GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A registered social group; optionally on the abnormal list since a month ago and holding a grade valid now.</summary>
    private async Task<(string Code, string Name)> RegisteredAsync(bool listed, int? grade)
    {
        var number = Random.Shared.Next(0, 999_999).ToString("000000", CultureInfo.InvariantCulture);
        var code = UnifiedSocialCreditCode.Generate('5', '1', "330203", "CK" + number).Value;
        var name = $"宁波市海曙区核验测试{number}协会";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var organization = new Organization
        {
            Name = name,
            NormalizedName = name,
            Type = OrganizationType.SocialGroup,
            CreditCode = code,
            RegisteringAuthority = "宁波市海曙区民政局",
            LegalRepresentative = "核验",
            District = "海曙区",
            Street = "鼓楼街道",
            Address = "宁波市海曙区孝闻街2号",
            FoundedOn = new DateOnly(2016, 4, 1),
            Status = OrganizationStatus.Active,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Add(organization);
        await db.SaveChangesAsync();
        if (listed)
        {
            db.Add(new CreditListEntry
            {
                OrganizationId = organization.Id,
                OrganizationName = name,
                List = CreditList.Abnormal,
                Cause = EntryCause.LateAnnualReport,
                EnteredOn = today.AddMonths(-1),
                EntryDecision = "海民社异〔2026〕1号",
                EnteredBy = "test",
            });
        }

        if (grade is { } held)
        {
            db.Add(new OrganizationGrade
            {
                OrganizationId = organization.Id,
                OrganizationName = name,
                Grade = held,
                AwardedOn = today.AddYears(-1),
                ValidFrom = today.AddYears(-1),
                ValidUntil = today.AddYears(3),
            });
        }

        await db.SaveChangesAsync();
        return (code, name);
    }
}

public sealed class CertificateCheckTestsOnSqlite(SqliteApp app) : CertificateCheckTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class CertificateCheckTestsOnPostgreSql(PostgreSqlApp app) : CertificateCheckTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
