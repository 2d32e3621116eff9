using System.Text.Json;

namespace Registry.Ratings.Domain;

/// <summary>
/// A versioned scoring rubric for one organization type: groups of indicators with maximum points (1000 in all) and a
/// capped bonus. Stored as JSON; a campaign keeps the version it was opened with.
/// </summary>
public sealed class Rubric
{
    public int Id { get; set; }

    /// <summary>Stable name across versions, e.g. "social-group".</summary>
    public string Code { get; set; } = "";

    public int Version { get; set; }

    /// <summary>Organization type code it scores (see <c>OrganizationCodes</c>).</summary>
    public string OrganizationType { get; set; } = "";

    public string Title { get; set; } = "";

    public string DefinitionJson { get; set; } = "{}";

    public DateTime LoadedAt { get; set; }

    public RubricDefinition Definition => RubricDefinition.Parse(DefinitionJson);
}

/// <summary>The indicator tree of a rubric.</summary>
public sealed class RubricDefinition
{
    public const string BonusCode = "BONUS";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public List<IndicatorGroup> Groups { get; set; } = [];

    /// <summary>加分项上限.</summary>
    public decimal BonusCap { get; set; }

    public string BonusGuidance { get; set; } = "";

    public IEnumerable<Indicator> Indicators => Groups.SelectMany(g => g.Indicators);

    public decimal MaxTotal => Indicators.Sum(i => i.Max);

    public Indicator? Find(string code) => Indicators.FirstOrDefault(i => i.Code == code);

    public static RubricDefinition Parse(string json) => JsonSerializer.Deserialize<RubricDefinition>(json, Json) ?? new RubricDefinition();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>What makes a rubric unusable: no indicators, duplicate codes, non-positive maxima, a total other than 1000.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var indicators = Indicators.ToList();
        if (indicators.Count == 0)
        {
            problems.Add("no indicators");
        }

        problems.AddRange(indicators.GroupBy(i => i.Code).Where(g => g.Count() > 1 || g.Key == BonusCode).Select(g => $"indicator code '{g.Key}' is used twice or reserved"));
        problems.AddRange(indicators.Where(i => i.Max <= 0).Select(i => $"indicator '{i.Code}' has no points"));
        if (MaxTotal != 1000)
        {
            problems.Add($"indicators add up to {MaxTotal}, not 1000");
        }

        if (BonusCap < 0)
        {
            problems.Add("negative bonus cap");
        }

        return problems;
    }
}

/// <summary>一级指标 (基础条件, 内部治理, 工作绩效, 社会评价, 党建).</summary>
public sealed class IndicatorGroup
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public List<Indicator> Indicators { get; set; } = [];

    public decimal Max => Indicators.Sum(i => i.Max);
}

/// <summary>A scored indicator with its maximum and the guidance experts score by.</summary>
public sealed class Indicator
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal Max { get; set; }

    public string Guidance { get; set; } = "";
}
