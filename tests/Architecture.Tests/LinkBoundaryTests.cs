namespace Registry.Architecture.Tests;

/// <summary>Modules link to each other only through the owners' link builders (#24 item 3).</summary>
public sealed class LinkBoundaryTests
{
    [Fact]
    public void ModuleSources_LiteralPathsIntoOtherModules_None()
    {
        var owners = LinkBoundaries.Owners(Solution.Root);
        owners.Keys.ShouldContain("Organizations", "the owner scan found no module areas: it is looking in the wrong place");

        var violations = LinkBoundaries.Find(Solution.Root);

        violations.Select(v => $"{v.File}:{v.Line}: {v.Path} belongs to {v.Owner}; use its Contracts/*Links.cs")
            .ShouldBeEmpty("hard-coded paths into another module's pages");
    }

    [Fact]
    public void Owners_ReadFromSource_IncludeAreasAbsoluteRoutesEndpointsAndPlatform()
    {
        var owners = LinkBoundaries.Owners(Solution.Root);

        owners["Ratings"].ShouldBe("Ratings");
        owners["open-data"].ShouldBe("Directory", "an absolute @page route outside the area's name");
        owners["files"].ShouldBe(LinkBoundaries.Platform, "an endpoint Core maps");
        owners["Account"].ShouldBe(LinkBoundaries.Platform, "a root page folder of the Platform module");
    }

    // Self-check: the same scan on text that must fail, and on the forms that are not addresses.
    [Fact]
    public void InText_PathsIntoOtherOwners_ReportedButOwnPathsAndPageNamesNot()
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Organizations"] = "Organizations",
            ["Notices"] = "Notices",
            ["Admin"] = LinkBoundaries.Platform,
            ["files"] = LinkBoundaries.Platform,
        };
        const string text = """
            <a href="/Organizations/Org/@id">x</a>
            notify($"/Notices/{id}");
            <a href="/files/@e.FileId">f</a>
            <a href="/Ratings/Admin">own</a>
            <a asp-page="/Admin/Index">page name</a>
            return RedirectToPage("/Admin/Register/Index", new { area = "Organizations" });
            var site = "//Organizations.example";
            """;

        LinkBoundaries.InText(text, "Ratings", owners).Select(v => (v.Line, v.Path)).ShouldBe([(1, "/Organizations"), (2, "/Notices"), (3, "/files")]);
        LinkBoundaries.InText(text, "Organizations", owners).Select(v => v.Path).ShouldBe(["/Notices", "/files"]);
    }
}
