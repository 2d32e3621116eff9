using Registry.Organizations.Domain;

namespace Registry.Organizations.Tests.Domain;

public sealed class OrganizationTypesTests
{
    [Theory]
    [InlineData(OrganizationType.SocialGroup, '1')]
    [InlineData(OrganizationType.PrivateNonEnterprise, '2')]
    [InlineData(OrganizationType.Foundation, '3')]
    public void UsccTypeCode_RegisteredType_IsGb32100TypeCharacter(OrganizationType type, char expected)
    {
        type.UsccTypeCode().ShouldBe(expected);
    }

    [Fact]
    public void UsccTypeCode_CommunityOrganization_IsNullBecauseFiledNotRegistered()
    {
        OrganizationType.Community.UsccTypeCode().ShouldBeNull();
    }

    [Theory]
    [InlineData(OrganizationType.SocialGroup, true)]
    [InlineData(OrganizationType.PrivateNonEnterprise, true)]
    [InlineData(OrganizationType.Foundation, true)]
    [InlineData(OrganizationType.Community, false)]
    public void IsRegistered_Type_FalseOnlyForCommunity(OrganizationType type, bool expected)
    {
        type.IsRegistered().ShouldBe(expected);
    }

    [Fact]
    public void All_ComparedWithEnum_ListsEveryType()
    {
        OrganizationTypes.All.ShouldBe(Enum.GetValues<OrganizationType>(), ignoreOrder: true);
    }

    [Fact]
    public void UsccTypeCode_EveryRegisteredType_HasOne()
    {
        OrganizationTypes.All.Where(t => t.IsRegistered()).ShouldAllBe(t => t.UsccTypeCode() != null);
    }
}
