using Registry.Documents.Domain;

namespace Registry.Documents.Tests.Domain;

/// <summary>文号 patterns: {year} and {seq} once each (numbers restart every year), {seq:N} pads.</summary>
public sealed class DocumentNumbersTests
{
    [Fact]
    public void Format_BureauPattern_GivesTheUsualNumber() =>
        DocumentNumbers.Format("海民社登〔{year}〕{seq}号", 2026, 12).ShouldBe("海民社登〔2026〕12号");

    [Theory]
    [InlineData("{seq:1}", 7, "7")]
    [InlineData("{seq:3}", 7, "007")]
    [InlineData("{seq:3}", 1234, "1234")]
    [InlineData("{seq:6}", 42, "000042")]
    public void Format_PaddedSequence_PadsToTheWidthNeverTruncates(string seq, long sequence, string expected) =>
        DocumentNumbers.Format("X{year}-" + seq, 2026, sequence).ShouldBe("X2026-" + expected);

    [Theory]
    [InlineData("海民社登〔{year}〕{seq}号")]
    [InlineData("{seq}/{year}")]
    [InlineData("{year}{seq:6}")]
    public void Validate_BothPlaceholdersOnce_Accepted(string pattern) => DocumentNumbers.Validate(pattern).ShouldBeNull();

    [Theory]
    [InlineData(null, "Documents.Error.NumberFormatRequired")]
    [InlineData("  ", "Documents.Error.NumberFormatRequired")]
    [InlineData("海民社登〔2026〕{seq}号", "Documents.Error.NumberFormatPlaceholders")]
    [InlineData("海民社登〔{year}〕号", "Documents.Error.NumberFormatPlaceholders")]
    [InlineData("{year}{seq}{seq}", "Documents.Error.NumberFormatPlaceholders")]
    [InlineData("{year}{seq:7}", "Documents.Error.NumberFormatUnknownPlaceholder")]
    [InlineData("{year}{seq:0}", "Documents.Error.NumberFormatUnknownPlaceholder")]
    [InlineData("{year}{seq}{month}", "Documents.Error.NumberFormatUnknownPlaceholder")]
    [InlineData("{year}{seq}}", "Documents.Error.NumberFormatUnknownPlaceholder")]
    public void Validate_MissingRepeatedOrUnknownPlaceholder_Refused(string? pattern, string error) => DocumentNumbers.Validate(pattern).ShouldBe(error);

    [Fact]
    public void Validate_LengthBoundary_SixtyAcceptedSixtyOneRefused()
    {
        var sixty = "{year}{seq}" + new string('号', DocumentNumbers.MaxPatternLength - 11);
        DocumentNumbers.Validate(sixty).ShouldBeNull();
        DocumentNumbers.Validate(sixty + "号").ShouldBe("Documents.Error.NumberFormatTooLong");
    }

    [Fact]
    public void Format_SequenceBelowOne_Throws() => Should.Throw<ArgumentOutOfRangeException>(() => DocumentNumbers.Format("{year}{seq}", 2026, 0));

    [Fact]
    public void Format_InvalidPattern_Throws() => Should.Throw<ArgumentException>(() => DocumentNumbers.Format("{seq}", 2026, 1));

    [Fact]
    public void DefaultNumberFormat_EveryKind_IsValidAndDistinct()
    {
        DocumentKinds.All.ShouldAllBe(k => DocumentNumbers.Validate(DocumentKinds.DefaultNumberFormat(k)) == null);
        DocumentKinds.All.Select(DocumentKinds.DefaultNumberFormat).Distinct().Count().ShouldBe(DocumentKinds.All.Count);
    }

    [Theory]
    [InlineData("abcd-efgh-23", "ABCDEFGH23")]
    [InlineData("ABCD EFGH 23", "ABCDEFGH23")]
    public void Normalize_TypedCode_ForgivesCaseSpacesAndDashes(string typed, string code) => VerificationCodes.Normalize(typed).ShouldBe(code);

    [Theory]
    [InlineData(null)]
    [InlineData("ABCDEFGH2")]
    [InlineData("ABCDEFGH234")]
    [InlineData("ABCDEFGH01")]
    [InlineData("<script>x")]
    public void Normalize_WrongLengthOrLookAlike_Null(string? typed) => VerificationCodes.Normalize(typed).ShouldBeNull();

    [Fact]
    public void New_Code_IsNormalizedItself() => VerificationCodes.Normalize(VerificationCodes.New()).ShouldNotBeNull();
}
