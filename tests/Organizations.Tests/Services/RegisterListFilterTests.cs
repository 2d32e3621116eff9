using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Tests.Services;

public sealed class RegisterListFilterTests
{
    private static readonly Organization[] Register =
    [
        new() { Id = 1, Name = "宁波市海曙区篮球协会", Street = "南门街道" },
        new() { Id = 2, Name = "宁波市海曙区书法家协会", Street = "" },
        new() { Id = 3, Name = "宁波市海曙区摄影家协会", Street = "鼓楼街道" },
    ];

    private static int[] Selected(string? street)
    {
        var (filter, errors) = RegisterListFilter.Parse(null, null, null, street, null);
        errors.ShouldBeEmpty();
        return [.. filter.Apply(Register.AsQueryable()).Select(o => o.Id)];
    }

    [Fact]
    public void Street_NoStreetValue_SelectsOnlyOrganizationsWithoutAStreet() => Selected(OrganizationCodes.NoStreet).ShouldBe([2]);

    [Fact]
    public void Street_Empty_SelectsEveryStreet() => Selected("").ShouldBe([1, 2, 3]);

    [Fact]
    public void Street_Named_SelectsThatStreet() => Selected(" 南门街道 ").ShouldBe([1]);

    [Fact]
    public void Query_NoStreet_RoundTripsForPaging()
    {
        var (filter, _) = RegisterListFilter.Parse(null, null, null, OrganizationCodes.NoStreet, null);

        filter.Query().ShouldBe("street=-");
    }
}
