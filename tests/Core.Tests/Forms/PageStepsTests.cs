using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;

namespace Registry.Core.Tests.Forms;

public sealed class PageStepsTests
{
    private static readonly IStringLocalizer Localizer = new ArgsLocalizer();

    private readonly TestPage _page = new();

    private readonly StepOutcome _toPage;

    public PageStepsTests() => _toPage = new StepOutcome("Flash.Done", () => new RedirectResult("/next"), "Input.");

    [Fact]
    public async Task StepAsync_NothingFound_NotFoundWithoutRunningTheStep()
    {
        var ran = false;

        var result = await _page.StepAsync(() => Task.FromResult<string?>(null), _ => { ran = true; return Task.FromResult(OperationResult.Ok); }, Localizer, _toPage);

        result.ShouldBeOfType<NotFoundResult>();
        ran.ShouldBeFalse();
    }

    [Fact]
    public async Task StepAsync_Succeeded_FlashThenRedirect()
    {
        var result = await _page.StepAsync(() => Task.FromResult<string?>("case"), _ => Task.FromResult(OperationResult.Ok), Localizer, _toPage);

        result.ShouldBeOfType<RedirectResult>().Url.ShouldBe("/next");
        _page.TempData[PageSteps.FlashKey].ShouldBe("Flash.Done");
    }

    [Fact]
    public async Task StepAsync_Refused_ErrorsUnderThePrefixOnTheReloadedPage()
    {
        var reloaded = false;

        var result = await _page.StepAsync(() => Task.FromResult<string?>("case"), _ => Task.FromResult(OperationResult.Fail("Reason", "Error.Required")), Localizer, _toPage,
            () => { reloaded = true; return Task.CompletedTask; });

        result.ShouldBeOfType<PageResult>();
        reloaded.ShouldBeTrue();
        _page.ModelState["Input.Reason"]!.Errors.Single().ErrorMessage.ShouldBe("Error.Required");
        _page.TempData.ContainsKey(PageSteps.FlashKey).ShouldBeFalse();
    }

    [Fact]
    public async Task StepAsync_Conflict_ConflictMessageOnThePage()
    {
        var result = await _page.StepAsync(() => Task.FromResult<string?>("case"), _ => Task.FromResult(OperationResult.Stale), Localizer, _toPage);

        result.ShouldBeOfType<PageResult>();
        _page.ModelState[string.Empty]!.Errors.Single().ErrorMessage.ShouldBe("Common.Conflict");
    }

    [Fact]
    public async Task StepAsync_FormDidNotBind_StepNotRunPageReloaded()
    {
        _page.ModelState.AddModelError("version", "not a number");
        var (ran, reloaded) = (false, false);

        var result = await _page.StepAsync(() => Task.FromResult<string?>("case"), _ => { ran = true; return Task.FromResult(OperationResult.Ok); }, Localizer, _toPage,
            () => { reloaded = true; return Task.CompletedTask; });

        result.ShouldBeOfType<PageResult>();
        (ran, reloaded).ShouldBe((false, true));
    }

    [Fact]
    public async Task SaveDraftAsync_LoadRefuses_ThatAnswerAndNothingSaved()
    {
        var saved = false;

        var result = await _page.SaveDraftAsync(() => Task.FromResult<IActionResult?>(new ForbidResult()), () => { saved = true; return Task.FromResult(true); }, Localizer, _toPage);

        result.ShouldBeOfType<ForbidResult>();
        saved.ShouldBeFalse();
    }

    [Fact]
    public async Task SaveDraftAsync_SaveRefused_PageWithoutFlash()
    {
        var result = await _page.SaveDraftAsync(() => Task.FromResult<IActionResult?>(null), () => Task.FromResult(false), Localizer, _toPage);

        result.ShouldBeOfType<PageResult>();
        _page.TempData.ContainsKey(PageSteps.FlashKey).ShouldBeFalse();
    }

    [Fact]
    public async Task SubmitDraftAsync_SaveRefused_NotSubmitted()
    {
        var submitted = false;

        var result = await _page.SubmitDraftAsync(() => Task.FromResult<IActionResult?>(null), () => Task.FromResult(false),
            () => { submitted = true; return Task.FromResult(OperationResult.Ok); }, _ => { }, Localizer, _toPage);

        result.ShouldBeOfType<PageResult>();
        submitted.ShouldBeFalse();
    }

    [Fact]
    public async Task SubmitDraftAsync_SubmitRefused_RefusalShownAfterTheSave()
    {
        var order = new List<string>();

        var result = await _page.SubmitDraftAsync(() => Task.FromResult<IActionResult?>(null), () => { order.Add("save"); return Task.FromResult(true); },
            () => { order.Add("submit"); return Task.FromResult(OperationResult.Fail("", "Error.Incomplete")); }, r => order.Add("refused " + r.Errors[0].Key), Localizer, _toPage);

        result.ShouldBeOfType<PageResult>();
        order.ShouldBe(["save", "submit", "refused Error.Incomplete"]);
    }

    [Fact]
    public async Task SubmitDraftAsync_Submitted_FlashWithArgumentsReadAfterTheSubmission()
    {
        var receipt = "";
        var outcome = new StepOutcome("Flash.Submitted", () => new RedirectResult("/detail"), FlashArgs: () => [receipt]);

        var result = await _page.SubmitDraftAsync(() => Task.FromResult<IActionResult?>(null), () => Task.FromResult(true),
            () => { receipt = "R-1"; return Task.FromResult(OperationResult.Ok); }, _ => { }, Localizer, outcome);

        result.ShouldBeOfType<RedirectResult>().Url.ShouldBe("/detail");
        _page.TempData[PageSteps.FlashKey].ShouldBe("Flash.Submitted R-1");
    }

    private sealed class TestPage : PageModel
    {
        public TestPage() => TempData = new TempDataDictionary(new DefaultHttpContext(), new MemoryTempData());
    }

    private sealed class MemoryTempData : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
        }
    }

    /// <summary>Answers the key, followed by its arguments.</summary>
    private sealed class ArgsLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, arguments.Length == 0 ? name : name + " " + string.Join(" ", arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
