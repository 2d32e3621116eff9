using Registry.Organizations.Domain;

namespace Registry.Organizations.Tests.Domain;

public sealed class NameRulesTests
{
    // As the services build it: the bureau's prefixes (浙江省, 宁波市, 海曙区, 海曙) and the default form suffixes.
    private readonly NameRules _rules = new(new RegistrationRules().NamePrefixes, NameRules.DefaultSuffixes);

    [Theory]
    [InlineData("宁波市海曙区阳光养老服务中心", "阳光养老")]
    [InlineData("海曙区阳光养老协会", "阳光养老")]
    [InlineData("宁波市阳光养老中心", "阳光养老")]
    [InlineData("阳光养老服务中心", "阳光养老")]
    [InlineData("浙江省宁波市海曙区阳光养老促进会", "阳光养老")]
    [InlineData("海曙阳光养老协会", "阳光养老")]
    [InlineData("阳光养老", "阳光养老")]
    public void Normalize_DistrictPrefixAndFormSuffix_BothStripped(string name, string expected)
    {
        _rules.Normalize(name).ShouldBe(expected);
    }

    [Theory]
    [InlineData(" 海曙区 阳光养老 协会 ")]
    [InlineData("海曙区·阳光养老（协会）")]
    [InlineData("海曙区“阳光”养老协会。")]
    [InlineData("海曙区\u3000阳光养老、协会")]
    public void Normalize_PunctuationAndWhitespace_Removed(string name)
    {
        _rules.Normalize(name).ShouldBe("阳光养老");
    }

    [Fact]
    public void Normalize_TwoFormSuffixes_OnlyTheLastStripped()
    {
        _rules.Normalize("阳光协会服务中心").ShouldBe("阳光协会");
    }

    [Theory]
    // Longest match wins: 服务中心 over 中心, 研究院 over 院, 服务社 over 社.
    [InlineData("阳光服务中心", "阳光")]
    [InlineData("阳光研究院", "阳光")]
    [InlineData("阳光服务社", "阳光")]
    public void Normalize_OverlappingSuffixes_LongestStripped(string name, string expected)
    {
        _rules.Normalize(name).ShouldBe(expected);
    }

    [Fact]
    public void Normalize_DistrictInsideTheName_Kept()
    {
        _rules.Normalize("阳光海曙区养老协会").ShouldBe("阳光海曙区养老");
    }

    [Fact]
    public void Normalize_LatinLetters_UpperCased()
    {
        _rules.Normalize("海曙区abc读书社").ShouldBe("ABC读书");
    }

    [Theory]
    // Beyond ASCII and the CJK ideographs the invariant culture still decides (full-width and Greek letters have cases).
    [InlineData("海曙区ａｂｃ读书社", "ＡＢＣ读书")]
    [InlineData("海曙区αβ读书社", "ΑΒ读书")]
    [InlineData("海曙区ABC读书社", "ABC读书")]
    public void Normalize_LettersBeyondAscii_UpperCasedAsTheInvariantCultureDoes(string name, string expected)
    {
        _rules.Normalize(name).ShouldBe(expected);
    }

    [Theory]
    [InlineData("宁波市")]
    [InlineData("协会")]
    public void Normalize_NothingBesidesPrefixOrSuffix_KeptWhole(string name)
    {
        _rules.Normalize(name).ShouldBe(name);
    }

    [Theory]
    [InlineData("宁波市海曙区阳光养老服务中心", "海曙区阳光养老协会")]
    [InlineData("宁波市海曙区阳光养老服务中心", "阳光养老服务中心")]
    [InlineData("海曙区 阳光养老中心", "宁波市阳光养老促进会")]
    public void Normalize_SameCoreUnderDifferentPrefixAndForm_Equal(string first, string second)
    {
        _rules.Normalize(first).ShouldBe(_rules.Normalize(second));
    }

    [Theory]
    [InlineData("阳光养老", "阳光养老")] // identical
    [InlineData("阳光养老", "阳光养老助残")] // containment
    [InlineData("海曙阳光", "阳光")] // containment, the other way
    [InlineData("阳光养老", "阳光助老")] // one substitution
    [InlineData("阳光老人", "阳光养老人")] // one insertion in the middle
    [InlineData("阳光养老人", "阳光老人")] // one deletion
    [InlineData("AB", "AC")] // two characters is long enough
    public void AreSimilar_ContainedOrOneEditApart_IsTrue(string a, string b)
    {
        NameRules.AreSimilar(a, b).ShouldBeTrue();
    }

    [Theory]
    [InlineData("阳光养老", "月光助老")] // two substitutions
    [InlineData("阳光养老", "阳光老养")] // a transposition is two edits
    [InlineData("阳光养老", "春晖助残")] // nothing in common
    [InlineData("阳光养老", "阳光乐龄助老")] // lengths two apart, neither contains the other
    public void AreSimilar_TwoOrMoreEdits_IsFalse(string a, string b)
    {
        NameRules.AreSimilar(a, b).ShouldBeFalse();
    }

    [Theory]
    [InlineData("阳", "阳光")] // one would be contained, but a one-character name says nothing
    [InlineData("阳", "月")]
    [InlineData("", "阳光")]
    [InlineData("阳光", "")]
    public void AreSimilar_ShortName_IsFalse(string a, string b)
    {
        NameRules.AreSimilar(a, b).ShouldBeFalse();
    }
}
