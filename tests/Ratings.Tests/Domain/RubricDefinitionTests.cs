using System.Text.Json;
using Registry.Organizations.Contracts;
using Registry.Ratings.Domain;
using static Registry.Ratings.Tests.TestRubrics;

namespace Registry.Ratings.Tests.Domain;

public sealed class RubricDefinitionTests
{
    [Fact]
    public void Problems_IndicatorsAddingUpTo1000_None() => TwoIndicators().Problems().ShouldBeEmpty();

    [Fact]
    public void Problems_TotalOtherThan1000_Reported() =>
        WithIndicators(50, ("A1", 100), ("A2", 899)).Problems().ShouldBe(["indicators add up to 999, not 1000"]);

    [Fact]
    public void Problems_DuplicateCode_Reported() =>
        WithIndicators(50, ("A1", 100), ("A1", 900)).Problems().ShouldBe(["indicator code 'A1' is used twice or reserved"]);

    [Fact]
    public void Problems_BonusCodeAsAnIndicator_Reported() =>
        WithIndicators(50, ("A1", 100), (RubricDefinition.BonusCode, 900)).Problems().ShouldBe([$"indicator code '{RubricDefinition.BonusCode}' is used twice or reserved"]);

    [Fact]
    public void Problems_IndicatorWithoutPoints_Reported() =>
        WithIndicators(50, ("A1", 0), ("A2", 1000)).Problems().ShouldBe(["indicator 'A1' has no points"]);

    [Fact]
    public void Problems_NoIndicators_Reported() => new RubricDefinition().Problems().ShouldContain("no indicators");

    [Fact]
    public void Problems_NegativeBonusCap_Reported() => TwoIndicators(bonusCap: -1).Problems().ShouldBe(["negative bonus cap"]);

    [Fact]
    public void ParseAndToJson_RoundTrip_KeepsTheTree()
    {
        var parsed = RubricDefinition.Parse(TwoIndicators().ToJson());

        (parsed.BonusCap, parsed.MaxTotal, parsed.Find("A2")!.Max).ShouldBe((50m, 1000m, 900m));
    }

    [Fact]
    public void SetupRubrics_BothOrganizationTypes_AreValid()
    {
        var rubrics = SetupRubrics();

        rubrics.Select(r => r.OrganizationType).ShouldBe([OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise], ignoreOrder: true);
        rubrics.ShouldAllBe(r => r.Definition.Problems().Count == 0);
        rubrics.Select(r => r.Code).ShouldBeUnique();
    }

    /// <summary>Recipes/data/rating-rubrics.json as the setup recipe's step reads it.</summary>
    private static List<(string Code, string OrganizationType, RubricDefinition Definition)> SetupRubrics()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "Recipes", "data", "rating-rubrics.json")));
        return [.. document.RootElement.EnumerateArray().Select(item => (
            item.GetProperty("code").GetString()!,
            item.GetProperty("organizationType").GetString()!,
            item.Deserialize<RubricDefinition>(RubricDefinition.Json)!))];
    }

    /// <summary>The folder holding Registry.sln, found by walking up from the test binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Registry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Registry.sln above {AppContext.BaseDirectory}.");
    }
}
