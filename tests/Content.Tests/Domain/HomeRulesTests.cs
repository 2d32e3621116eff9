using Registry.Content.Domain;

namespace Registry.Content.Tests.Domain;

public sealed class HomeRulesTests
{
    [Fact]
    public void Compose_NothingSaved_ShowsEveryZoneInTheDefaultOrder()
    {
        HomeRules.Compose(null).Select(z => z.Kind).ShouldBe(Enum.GetValues<HomeZoneKind>());
    }

    [Fact]
    public void Compose_SavedZones_KeepsEnabledOnesByOrder()
    {
        IReadOnlyList<HomeZone> saved =
        [
            new(HomeZoneKind.News, true, 30),
            new(HomeZoneKind.Banner, false, 10),
            new(HomeZoneKind.KeyFigures, true, 5),
            new(HomeZoneKind.Notices, true, 20),
        ];

        HomeRules.Compose(saved).Select(z => z.Kind).ShouldBe([HomeZoneKind.KeyFigures, HomeZoneKind.Notices, HomeZoneKind.News]);
    }

    [Fact]
    public void Compose_DuplicateKind_KeepsTheFirst()
    {
        IReadOnlyList<HomeZone> saved = [new(HomeZoneKind.News, true, 10, "工作动态"), new(HomeZoneKind.News, true, 5, "重复")];

        HomeRules.Compose(saved).ShouldHaveSingleItem().TitleZh.ShouldBe("工作动态");
    }

    [Theory]
    [InlineData(0, HomeRules.MinCount)]
    [InlineData(1, 1)]
    [InlineData(20, 20)]
    [InlineData(500, HomeRules.MaxCount)]
    public void Compose_Count_IsHeldWithinRange(int saved, int shown)
    {
        HomeRules.Compose([new HomeZone(HomeZoneKind.Notices, true, 1, Count: saved)]).Single().Count.ShouldBe(shown);
    }

    [Fact]
    public void ForEditing_SavedLayoutWithoutAKind_OffersThatKindSwitchedOff()
    {
        var zones = HomeRules.ForEditing([new HomeZone(HomeZoneKind.News, true, 10)]);

        zones.Count.ShouldBe(Enum.GetValues<HomeZoneKind>().Length);
        zones[0].Kind.ShouldBe(HomeZoneKind.News);
        zones.Where(z => z.Kind != HomeZoneKind.News).ShouldAllBe(z => !z.Enabled);
    }

    [Theory]
    [InlineData(HomeRules.MinCount, true)]
    [InlineData(HomeRules.MaxCount, true)]
    [InlineData(HomeRules.MinCount - 1, false)]
    [InlineData(HomeRules.MaxCount + 1, false)]
    public void Check_CountBoundaries(int count, bool valid)
    {
        HomeRules.Check(new HomeZone(HomeZoneKind.News, true, 1, Count: count), "Zones[0].").Count.ShouldBe(valid ? 0 : 1);
    }

    [Fact]
    public void Check_TitleOverMaximum_IsRefusedOnThatZonesField()
    {
        var error = HomeRules.Check(new HomeZone(HomeZoneKind.News, true, 1, TitleZh: new string('新', HomeRules.MaxTitle + 1)), "Zones[3].").ShouldHaveSingleItem();

        error.Field.ShouldBe("Zones[3].TitleZh");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/banner.png")]
    [InlineData("data:image/png;base64,AAAA")]
    public void Check_BannerImageOrLinkFromAnywhereElse_IsRefused(string url)
    {
        HomeRules.Check(new HomeZone(HomeZoneKind.Banner, true, 1, ImageUrl: url, LinkUrl: url), "").Select(e => e.Field)
            .ShouldBe([nameof(HomeZone.ImageUrl), nameof(HomeZone.LinkUrl)]);
    }

    [Fact]
    public void Check_BannerFromMediaLibraryAndLinkToAPage_IsAccepted()
    {
        HomeRules.Check(new HomeZone(HomeZoneKind.Banner, true, 1, ImageUrl: "/media/12/banner.jpg", LinkUrl: "/news/2026/annual-inspection"), "").ShouldBeEmpty();
    }
}
