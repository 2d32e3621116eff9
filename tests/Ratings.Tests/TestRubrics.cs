using System.Globalization;
using Registry.Ratings.Domain;

namespace Registry.Ratings.Tests;

/// <summary>Small rubrics and number parsing shared by the tests.</summary>
internal static class TestRubrics
{
    /// <summary>A1 (100) + A2 (900) = 1000, bonus capped at 50.</summary>
    public static RubricDefinition TwoIndicators(decimal bonusCap = 50) => WithIndicators(bonusCap, ("A1", 100), ("A2", 900));

    public static RubricDefinition WithIndicators(decimal bonusCap, params (string Code, decimal Max)[] indicators) => new()
    {
        BonusCap = bonusCap,
        Groups =
        [
            new IndicatorGroup
            {
                Code = "A",
                Name = "基础条件",
                Indicators = [.. indicators.Select(i => new Indicator { Code = i.Code, Name = i.Code, Max = i.Max })],
            },
        ],
    };

    /// <summary>Attributes cannot hold decimals: theories pass them as invariant strings.</summary>
    public static decimal Number(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
