using System.Globalization;
using Registry.Grants.Contracts;

namespace Registry.Grants.Tests.Domain;

public sealed class FigureLineTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void ShortlistLine_TheSeedsFigures_SameSentence() =>
        GrantFigureText.ShortlistLine(267, 215_340_000, Chinese).ShouldBe("确定了267个入围项目,项目资金超过215万元");

    [Fact]
    public void ShortlistLine_ExactlyWholeWan_NoOver() =>
        GrantFigureText.ShortlistLine(3, 15_000_000, Chinese).ShouldBe("确定了3个入围项目,项目资金15万元");

    [Fact]
    public void ShortlistLine_OneFenOver_Over() =>
        GrantFigureText.ShortlistLine(3, 15_000_001, Chinese).ShouldBe("确定了3个入围项目,项目资金超过15万元");

    [Fact]
    public void ShortlistLine_English_MillionsOfYuan() =>
        GrantFigureText.ShortlistLine(267, 215_340_000, English).ShouldBe("267 projects shortlisted, with project funding of over ¥2.15 million");
}
