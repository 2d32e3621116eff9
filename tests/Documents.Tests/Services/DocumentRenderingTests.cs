using Registry.Documents.Domain;
using Registry.Documents.Services;
using UglyToad.PdfPig;

namespace Registry.Documents.Tests.Services;

/// <summary>Templates (Liquid, safe and limited) and their layout on PDF pages with the embedded CJK font.</summary>
public sealed class DocumentRenderingTests
{
    [Fact]
    public void Check_EveryDefaultTemplate_ParsesAndRenders() =>
        DocumentKinds.All.ShouldAllBe(k => DocumentTemplates.Check(DocumentTemplates.Default(k)) == null);

    [Fact]
    public void Check_UnclosedTag_ReportsTheError() => DocumentTemplates.Check("{% if x %}没有结束").ShouldNotBeNull();

    [Fact]
    public void Render_RunawayLoop_StopsAtTheStepLimit() =>
        Should.Throw<Exception>(() => DocumentTemplates.Render("{% for i in (1..100000000) %}{{ i }}{% endfor %}", DocumentModel.Sample()));

    [Fact]
    public void Render_CorrectionNotice_ListsEveryDeficiencyAtOnce()
    {
        var model = DocumentModel.Sample() with { Items = ["章程缺少第十条", "缺少住所证明", "验资报告未盖章"] };

        var text = DocumentTemplates.Render(DocumentTemplates.Default(DocumentKind.CorrectionNotice), model);

        text.ShouldContain("- 1. 章程缺少第十条");
        text.ShouldContain("- 2. 缺少住所证明");
        text.ShouldContain("- 3. 验资报告未盖章");
    }

    [Fact]
    public void Compose_ChineseText_ReadsBackWithTheEmbeddedFont()
    {
        var text = "# 准予成立登记决定书\n## 海民社登〔2026〕12号\n宁波市海曙区示例协会：\n经审查，符合法定条件，决定准予成立登记。\n> 宁波市海曙区民政局\n> 2026年3月2日";
        using var document = PdfComposer.Compose(text, "测试", new PageExtras("https://example.gov.cn/verify/ABCDEFGH23", "核验码：ABCDEFGH23", "扫码核验", "宁波市海曙区民政局", new DocumentOptions()));
        using var stream = new MemoryStream();
        document.Save(stream, false);

        using var read = PdfDocument.Open(stream.ToArray());
        var all = string.Concat(read.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        all.ShouldContain("准予成立登记决定书");
        all.ShouldContain("海民社登〔2026〕12号");
        all.ShouldContain("宁波市海曙区示例协会");
        all.ShouldContain("ABCDEFGH23");
    }

    [Fact]
    public void Compose_LongText_FlowsOntoMorePages()
    {
        var text = "# 标题\n" + string.Join('\n', Enumerable.Range(1, 80).Select(i => $"第{i}段：社会组织登记管理工作的说明文字。"));
        using var document = PdfComposer.Compose(text, "测试", new PageExtras("https://example.gov.cn/verify/X", "X", "Y", "Z", new DocumentOptions()));

        document.PageCount.ShouldBeGreaterThan(1);
    }
}
