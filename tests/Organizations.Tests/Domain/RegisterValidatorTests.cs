using Registry.Core.Identification;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Tests.Domain;

public sealed class RegisterValidatorTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Fact]
    public void Validate_CompleteRecord_NoErrors()
    {
        RegisterValidator.Validate(Record(OrganizationType.SocialGroup, Code('5', '1')), Today).ShouldBeEmpty();
    }

    // GB 32100-2015: a company's code (department 9, type 1) is no civil-affairs code.
    [Fact]
    public void CheckCreditCode_CompanyCode91_RefusedNamingWhatItShouldBe()
    {
        var error = RegisterValidator.CheckCreditCode(OrganizationType.SocialGroup, Code('9', '1'), out _);

        error.ShouldNotBeNull();
        error.Key.ShouldBe("Org.Register.CodeTypeMismatch");
        error.Args.ShouldBe(["51", "Org.Type.SocialGroup", "91"]);
    }

    [Theory]
    [InlineData(OrganizationType.SocialGroup, '2')]
    [InlineData(OrganizationType.PrivateNonEnterprise, '1')]
    [InlineData(OrganizationType.Foundation, '2')]
    public void CheckCreditCode_TypeDigitOfAnotherType_Refused(OrganizationType type, char typeDigit)
    {
        RegisterValidator.CheckCreditCode(type, Code('5', typeDigit), out _)!.Key.ShouldBe("Org.Register.CodeTypeMismatch");
    }

    [Theory]
    [InlineData("5133020350000101-8P")]
    [InlineData("５１３３０２０３５００００１０１８Ｐ")]
    [InlineData("51330203 50000101 8p")]
    public void CheckCreditCode_TypedGroupedFullWidthOrLowerCase_AcceptedAndNormalized(string text)
    {
        RegisterValidator.CheckCreditCode(OrganizationType.SocialGroup, text, out var normalized).ShouldBeNull();

        normalized.ShouldBe("51330203500001018P");
    }

    [Fact]
    public void CheckCreditCode_BadCheckCharacter_IsTheCheckError()
    {
        RegisterValidator.CheckCreditCode(OrganizationType.SocialGroup, "51330203500001018Q", out _)!.Key.ShouldBe(UnifiedSocialCreditCode.ErrorCheck);
    }

    [Fact]
    public void Validate_CommunityWithoutFilingNumber_Refused()
    {
        var record = Record(OrganizationType.Community, null);

        RegisterValidator.Validate(record, Today).Select(e => e.Field).ShouldBe(["FilingNumber"]);
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("LegalRepresentative")]
    [InlineData("Street")]
    [InlineData("Address")]
    public void Validate_RequiredFieldBlank_Refused(string field)
    {
        var record = Record(OrganizationType.SocialGroup, Code('5', '1'));
        typeof(Organization).GetProperty(field)!.SetValue(record, "");

        var error = RegisterValidator.Validate(record, Today).ShouldHaveSingleItem();

        error.Field.ShouldBe(field);
        error.Key.ShouldBe("Validation.Required");
    }

    [Fact]
    public void Validate_FoundedTomorrow_Refused()
    {
        var record = Record(OrganizationType.SocialGroup, Code('5', '1'));
        record.FoundedOn = Today.AddDays(1);

        RegisterValidator.Validate(record, Today).ShouldHaveSingleItem().Key.ShouldBe("Org.Register.FoundedInFuture");
    }

    [Fact]
    public void Validate_NegativeMembers_Refused()
    {
        var record = Record(OrganizationType.SocialGroup, Code('5', '1'));
        record.UnitMembers = -1;

        RegisterValidator.Validate(record, Today).ShouldHaveSingleItem().Field.ShouldBe("UnitMembers");
    }

    private static string Code(char department, char type) =>
        UnifiedSocialCreditCode.Generate(department, type, "330203", "50000101").Value;

    private static Organization Record(OrganizationType type, string? code) => new()
    {
        Name = "宁波市海曙区阳光养老协会",
        Type = type,
        CreditCode = type == OrganizationType.Community ? null : code,
        RegisteringAuthority = "宁波市海曙区民政局",
        LegalRepresentative = "张三",
        District = "海曙区",
        Street = "南门街道",
        Address = "宁波市海曙区解放南路1号",
        FoundedOn = new DateOnly(2015, 3, 1),
        Status = OrganizationStatus.Active,
    };
}
