using Registry.Grants.Domain;

namespace Registry.Grants.Tests.Domain;

public sealed class AttachmentRulesTests
{
    private static readonly string[] Required = ["项目预算表", "机构章程", "上年度审计报告"];

    [Fact]
    public void Missing_SomeAttachedAndAnOtherFile_NamesTheRestInTheRoundsOrder()
    {
        AttachmentRules.Missing(Required, ["机构章程", "", "机构章程"]).ShouldBe(["项目预算表", "上年度审计报告"]);
    }

    [Fact]
    public void Missing_AllAttached_Nothing()
    {
        AttachmentRules.Missing(Required, ["上年度审计报告", "项目预算表", "机构章程"]).ShouldBeEmpty();
    }

    [Fact]
    public void RoundErrors_DuplicateOrTooLongOrTooMany_Refused()
    {
        AttachmentRules.RoundErrors(Required).ShouldBeEmpty();
        AttachmentRules.RoundErrors(["机构章程", "机构章程"]).ShouldHaveSingleItem().Key.ShouldBe("Grant.Error.RequiredDocuments");
        AttachmentRules.RoundErrors([new string('材', AttachmentRules.NameMax + 1)]).ShouldHaveSingleItem();
        AttachmentRules.RoundErrors([.. Enumerable.Range(1, AttachmentRules.MaxRequired + 1).Select(i => $"材料{i}")]).ShouldHaveSingleItem();
    }

    [Fact]
    public void RequiredDocumentNames_BlankLinesAndSpaces_Ignored()
    {
        new GrantRound { RequiredDocuments = " 项目预算表 \n\n机构章程\n" }.RequiredDocumentNames.ShouldBe(["项目预算表", "机构章程"]);
    }
}
