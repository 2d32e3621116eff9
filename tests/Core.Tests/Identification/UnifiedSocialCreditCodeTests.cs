using System.Text.Json;
using Registry.Core.Identification;

namespace Registry.Core.Tests.Identification;

public sealed class UnifiedSocialCreditCodeTests
{
    // The vectors file explains why each invalid code is wrong; this says which error key that reason maps to.
    private static readonly Dictionary<string, string> ExpectedErrors = new(StringComparer.Ordinal)
    {
        ["51100000500000024G"] = UnifiedSocialCreditCode.ErrorOrgCodeCheck,
        ["5110000050000924D"] = UnifiedSocialCreditCode.ErrorLength,
        ["51100000500009247I"] = UnifiedSocialCreditCode.ErrorAlphabet,
        ["51100000500009247E"] = UnifiedSocialCreditCode.ErrorCheck,
    };

    public static TheoryData<string> ValidVectors() => Vectors("valid");

    public static TheoryData<string> InvalidVectors() => Vectors("invalid");

    [Theory]
    [MemberData(nameof(ValidVectors))]
    public void TryParse_ValidVector_Succeeds(string text)
    {
        UnifiedSocialCreditCode.TryParse(text, out var code, out var error).ShouldBeTrue(error);

        error.ShouldBeNull();
        code.Value.ShouldBe(text);
    }

    [Theory]
    [MemberData(nameof(InvalidVectors))]
    public void TryParse_InvalidVector_FailsWithItsErrorKey(string text)
    {
        ExpectedErrors.TryGetValue(text, out var expected).ShouldBeTrue($"map the new invalid vector {text} to its error key");

        UnifiedSocialCreditCode.TryParse(text, out var code, out var error).ShouldBeFalse();

        error.ShouldBe(expected);
        code.ShouldBe(default);
    }

    [Theory]
    [MemberData(nameof(ValidVectors))]
    public void Generate_PartsOfValidVector_RegeneratesIt(string text)
    {
        var code = UnifiedSocialCreditCode.Generate(text[0], text[1], text[2..8], text[8..16]);

        code.Value.ShouldBe(text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_Blank_FailsWithEmpty(string? text)
    {
        UnifiedSocialCreditCode.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldBe(UnifiedSocialCreditCode.ErrorEmpty);
    }

    [Fact]
    public void TryParse_LowerCaseWithSpaces_NormalizesToUpperCase()
    {
        UnifiedSocialCreditCode.TryParse("  51440300mjl1712376\t", out var code, out _).ShouldBeTrue();

        code.Value.ShouldBe("51440300MJL1712376");
    }

    [Theory]
    [InlineData("511000005000O9247D")] // letter O where a zero belongs
    [InlineData("51100000500009247S")]
    [InlineData("51100000#00009247D")] // a hyphen would be removed as grouping; other punctuation is no code character
    public void TryParse_CharacterOutsideAlphabet_FailsWithAlphabet(string text)
    {
        UnifiedSocialCreditCode.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldBe(UnifiedSocialCreditCode.ErrorAlphabet);
    }

    [Fact]
    public void TryParse_LetterInDivisionCode_FailsWithDivisionCode()
    {
        UnifiedSocialCreditCode.TryParse("511A0000500009247D", out _, out var error).ShouldBeFalse();

        error.ShouldBe(UnifiedSocialCreditCode.ErrorDivisionCode);
    }

    [Fact]
    public void Parts_KnownCode_AreSplitByPosition()
    {
        var code = UnifiedSocialCreditCode.Parse("51100000500009247D");

        code.DepartmentCode.ShouldBe('5');
        code.TypeCode.ShouldBe('1');
        code.DivisionCode.ShouldBe("100000");
        code.OrganizationCode.ShouldBe("500009247");
    }

    [Fact]
    public void Format_KnownCode_GroupsByMeaning()
    {
        UnifiedSocialCreditCode.Parse("51100000500009247D").Format().ShouldBe("5 1 100000 50000924-7 D");
    }

    [Fact]
    public void ToString_KnownCode_IsTheEighteenCharacters()
    {
        UnifiedSocialCreditCode.Parse("53100000500021676K").ToString().ShouldBe("53100000500021676K");
    }

    [Fact]
    public void Parse_InvalidCode_ThrowsFormatExceptionNamingTheKey()
    {
        var ex = Should.Throw<FormatException>(() => UnifiedSocialCreditCode.Parse("51100000500009247E"));

        ex.Message.ShouldStartWith(UnifiedSocialCreditCode.ErrorCheck);
    }

    [Theory]
    [InlineData("51100000500009247D", true)]
    [InlineData("51100000500009247E", false)]
    [InlineData(null, false)]
    public void IsValid_Text_MatchesTryParse(string? text, bool expected)
    {
        UnifiedSocialCreditCode.IsValid(text).ShouldBe(expected);
    }

    [Fact]
    public void Equality_SameCodeParsedTwice_IsEqual()
    {
        UnifiedSocialCreditCode.Parse("51100000500012681T").ShouldBe(UnifiedSocialCreditCode.Parse(" 51100000500012681t "));
    }

    [Theory]
    [InlineData("MA000004", 'X')] // GB 11714 remainder 10
    [InlineData("MA000009", '0')] // GB 11714 remainder 11
    public void Generate_BodyWithSpecialOrganizationCheck_UsesXOrZeroAndParses(string body, char expectedCheck)
    {
        var code = UnifiedSocialCreditCode.Generate('5', '2', "330203", body);

        code.Value[16].ShouldBe(expectedCheck);
        UnifiedSocialCreditCode.IsValid(code.Value).ShouldBeTrue();
    }

    [Fact]
    public void Generate_ThousandSequentialBodies_AllParseAndAreDistinct()
    {
        var codes = Enumerable.Range(0, 1000)
            .Select(i => UnifiedSocialCreditCode.Generate('5', '1', "330203", UnifiedSocialCreditCode.OrganizationCodeBodyFromSequence("MJ", i)))
            .ToList();

        codes.ShouldAllBe(c => UnifiedSocialCreditCode.IsValid(c.Value));
        codes.Distinct().Count().ShouldBe(1000);
    }

    [Theory]
    [InlineData('I', '1', "330203", "MA000001")]
    [InlineData('5', 'O', "330203", "MA000001")]
    [InlineData('5', '1', "33020A", "MA000001")]
    [InlineData('5', '1', "33020", "MA000001")]
    [InlineData('5', '1', "330203", "MA00001")]
    [InlineData('5', '1', "330203", "MZ000001")]
    public void Generate_InvalidPart_Throws(char department, char type, string division, string body)
    {
        Should.Throw<ArgumentException>(() => UnifiedSocialCreditCode.Generate(department, type, division, body));
    }

    [Theory]
    [InlineData("MA", 42L, "MA000042")]
    [InlineData("MA", 999_999L, "MA999999")]
    [InlineData("", 12_345_678L, "12345678")]
    [InlineData("mj1", 7L, "MJ100007")]
    public void OrganizationCodeBodyFromSequence_FittingSequence_PadsWithZeros(string prefix, long sequence, string expected)
    {
        UnifiedSocialCreditCode.OrganizationCodeBodyFromSequence(prefix, sequence).ShouldBe(expected);
    }

    [Fact]
    public void OrganizationCodeBodyFromSequence_SequenceBeyondDigits_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => UnifiedSocialCreditCode.OrganizationCodeBodyFromSequence("MA", 1_000_000));
    }

    [Fact]
    public void OrganizationCodeBodyFromSequence_NegativeSequence_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => UnifiedSocialCreditCode.OrganizationCodeBodyFromSequence("MA", -1));
    }

    [Theory]
    [InlineData("MO")]
    [InlineData("ABCDEFGH")]
    public void OrganizationCodeBodyFromSequence_BadPrefix_Throws(string prefix)
    {
        Should.Throw<ArgumentException>(() => UnifiedSocialCreditCode.OrganizationCodeBodyFromSequence(prefix, 1));
    }

    [Fact]
    public void DepartmentCode_DefaultValue_Throws()
    {
        Should.Throw<InvalidOperationException>(() => default(UnifiedSocialCreditCode).DepartmentCode);
    }

    private static TheoryData<string> Vectors(string list)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "uscc.json")));
        var data = new TheoryData<string>();
        foreach (var vector in document.RootElement.GetProperty(list).EnumerateArray())
        {
            data.Add(vector.GetProperty("code").GetString()!);
        }

        return data;
    }

    // GB 32100-2015 codes as people type them: grouped with spaces or hyphens, full-width, lower case.
    [Theory]
    [InlineData("5133020350000101-8P")]
    [InlineData("5 1 330203 50000101-8 P")]
    [InlineData("51330203 5000 0101 8P")]
    [InlineData("５１３３０２０３５００００１０１８Ｐ")]
    [InlineData("５１３３０２０３５００００１０１－８ｐ")]
    [InlineData("513302035000010１8p")]
    [InlineData("\u3000513302035000010 18P\u3000")]
    public void TryParse_TypedWithSpacesHyphensFullWidthOrLowerCase_FindsTheCode(string text)
    {
        UnifiedSocialCreditCode.TryParse(text, out var code, out var error).ShouldBeTrue(error);

        code.Value.ShouldBe("51330203500001018P");
    }

    [Fact]
    public void Normalize_FullWidthHyphenatedLowerCase_GivesTheEighteenCharacters()
    {
        UnifiedSocialCreditCode.Normalize("５１３３０２０３５００００１０１－８ｐ").ShouldBe("51330203500001018P");
    }

    [Fact]
    public void TryRead_FullWidthLetter_IsNoProblem()
    {
        UnifiedSocialCreditCode.TryRead("51330203500001018Ｐ", "Code", out var code, out var problem).ShouldBeTrue();

        problem.ShouldBeNull();
        code.Value.ShouldBe("51330203500001018P");
    }

    [Fact]
    public void TryRead_UnusedLetter_NamesTheLetterAndItsPosition()
    {
        UnifiedSocialCreditCode.TryRead("51100000500009247I", "Code", out _, out var problem).ShouldBeFalse();

        problem.ShouldNotBeNull();
        problem.Key.ShouldBe(UnifiedSocialCreditCode.ErrorUnusedLetter);
        problem.Args.ShouldBe(new object[] { 18, "I" });
        problem.Field.ShouldBe("Code");
    }

    [Fact]
    public void TryRead_FullWidthCharacterThatIsNoLetter_IsACharacterProblemNotAnUnusedLetter()
    {
        // 号 stays what it is under NFKC: the message must name it, not the letters I/O/Z/S/V.
        UnifiedSocialCreditCode.TryRead("5133020350000101号P", "Code", out _, out var problem).ShouldBeFalse();

        problem!.Key.ShouldBe(UnifiedSocialCreditCode.ErrorCharacter);
        problem.Args.ShouldBe(new object[] { 17, "号" });
    }

    [Fact]
    public void TryRead_WrongLength_SaysHowManyCharacters()
    {
        UnifiedSocialCreditCode.TryRead("5133-0203-5000-0101", "Code", out _, out var problem).ShouldBeFalse();

        problem!.Key.ShouldBe(UnifiedSocialCreditCode.ErrorLengthOf);
        problem.Args.ShouldBe(new object[] { 16, 18 });
    }

    [Fact]
    public void TryRead_WrongCheckCharacter_IsTheCheckError()
    {
        UnifiedSocialCreditCode.TryRead("51330203500001018Q", "Code", out _, out var problem).ShouldBeFalse();

        problem!.Key.ShouldBe(UnifiedSocialCreditCode.ErrorCheck);
    }
}
