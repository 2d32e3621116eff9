using Registry.Organizations.Domain;

namespace Registry.Organizations.Tests.Domain;

/// <summary>Issue 26 item 11: only a kind spelled as the forms send it starts an application.</summary>
public sealed class ApplicationKindsTests
{
    [Theory]
    [InlineData("NameApproval", ApplicationKind.NameApproval)]
    [InlineData("Establishment", ApplicationKind.Establishment)]
    [InlineData("Change", ApplicationKind.Change)]
    [InlineData("Deregistration", ApplicationKind.Deregistration)]
    [InlineData("CommunityFiling", ApplicationKind.CommunityFiling)]
    public void Parse_KnownKind_IsThatKind(string text, ApplicationKind kind) => ApplicationKinds.Parse(text).ShouldBe(kind);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bogus")]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("-1")]
    [InlineData("nameapproval")]
    [InlineData(" NameApproval")]
    [InlineData("NameApproval,Change")]
    public void Parse_UnknownNumericOrMisspelled_IsNull(string? text) => ApplicationKinds.Parse(text).ShouldBeNull();
}
