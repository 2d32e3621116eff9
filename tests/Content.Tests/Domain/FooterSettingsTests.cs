using Registry.Content.Domain;

namespace Registry.Content.Tests.Domain;

public sealed class FooterSettingsTests
{
    [Fact]
    public void Check_TypicalGovernmentFooter_IsAccepted()
    {
        var footer = new FooterSettings("宁波市海曙区民政局", "宁波市海曙区社会组织服务中心", "宁波市海曙区望京路1号", "0574-87654321", "mzj@haishu.gov.cn", "浙ICP备05012345号-1", "浙公网安备 33020302000123号", "3302030001");

        footer.Check().ShouldBeEmpty();
    }

    [Fact]
    public void Check_FieldAtMaximum_IsAcceptedAndOneOverIsRefused()
    {
        new FooterSettings(Sponsor: new string('民', FooterSettings.MaxField)).Check().ShouldBeEmpty();
        new FooterSettings(Sponsor: new string('民', FooterSettings.MaxField + 1)).Check().ShouldHaveSingleItem().Field.ShouldBe(nameof(FooterSettings.Sponsor));
    }

    [Theory]
    [InlineData("0574-87654321转8001", true)]
    [InlineData("+86 (574) 8765 4321", true)]
    [InlineData("<script>", false)]
    [InlineData("call us", false)]
    public void Check_Telephone(string telephone, bool valid)
    {
        new FooterSettings(Telephone: telephone).Check().Count.ShouldBe(valid ? 0 : 1);
    }

    [Fact]
    public void Normalize_BlankFields_BecomeNullAndTheFooterEmpty()
    {
        new FooterSettings(" ", "", null, "  ").Normalize().IsEmpty.ShouldBeTrue();
    }
}
