using Registry.Content.Domain;
using Registry.Content.Services;

namespace Registry.Content.Tests;

public sealed class ContentTypesTests
{
    private static readonly ContentTypeRegistry Types = new([new PageType(), new ArticleType(), new PolicyType()]);

    [Theory]
    [InlineData("about", true)]
    [InlineData("guan-yu-wo-men", true)]
    [InlineData("2026-news-1", true)]
    [InlineData("", false)]
    [InlineData("About", false)]
    [InlineData("a--b", false)]
    [InlineData("-a", false)]
    [InlineData("a-", false)]
    [InlineData("关于", false)]
    [InlineData("a/b", false)]
    [InlineData("../x", false)]
    public void IsValidSlug_Input_AcceptsOnlyLowerCaseWordsWithSingleHyphens(string slug, bool valid) =>
        ContentTypeRegistry.IsValidSlug(slug).ShouldBe(valid);

    [Fact]
    public void UrlOf_Article_UsesTheBeijingYearOfPublication()
    {
        // 2025-12-31 17:00 UTC is 2026-01-01 01:00 in Beijing.
        Types.UrlOf(ArticleType.TypeName, "new-year", new DateTime(2025, 12, 31, 17, 0, 0, DateTimeKind.Utc)).ShouldBe("/news/2026/new-year");
        Types.UrlOf(ArticleType.TypeName, "old-year", new DateTime(2025, 12, 31, 15, 59, 0, DateTimeKind.Utc)).ShouldBe("/news/2025/old-year");
    }

    [Fact]
    public void UrlOf_PageAndPolicy_UseTheirPatterns()
    {
        Types.UrlOf(PageType.TypeName, "about", DateTime.UtcNow).ShouldBe("/pages/about");
        Types.UrlOf(PolicyType.TypeName, "shetuan-tiaoli", DateTime.UtcNow).ShouldBe("/policies/shetuan-tiaoli");
    }

    [Fact]
    public void Types_ReviewLevels_AreBetweenOneAndThree()
    {
        Types.All.ShouldAllBe(t => t.ReviewLevels >= 1 && t.ReviewLevels <= 3);
        Types.Find(ArticleType.TypeName)!.ReviewLevels.ShouldBe(3);
    }

    [Fact]
    public void ContentParts_RoundTrip_KeepsValuesAndDropsBlanks()
    {
        var parts = new ContentParts();
        parts[PolicyType.Part, "docNumber"] = " 国务院令第250号 ";
        parts[PolicyType.Part, "writtenOn"] = "1998-10-25";
        parts[PolicyType.Part, "issuer"] = "  ";

        var read = ContentParts.Parse(parts.ToJson());

        read[PolicyType.Part, "docNumber"].ShouldBe("国务院令第250号");
        read.Date(PolicyType.Part, "writtenOn").ShouldBe(new DateOnly(1998, 10, 25));
        read[PolicyType.Part, "issuer"].ShouldBeNull();
        ContentParts.Parse("not json")[PolicyType.Part, "docNumber"].ShouldBeNull();
    }

    [Theory]
    [InlineData("/media/1/a.pdf", true)]
    [InlineData("https://www.gov.cn/zhengce/", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("//evil.example/x", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("ftp://x", false)]
    public void IsSafeUrl_Address_AcceptsSiteAndHttpOnly(string url, bool safe) =>
        ContentFieldRules.IsSafeUrl(url).ShouldBe(safe);
}
