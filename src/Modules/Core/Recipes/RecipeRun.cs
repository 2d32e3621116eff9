namespace Registry.Core.Recipes;

/// <summary>Log of every recipe run; an empty table means a fresh database.</summary>
public sealed class RecipeRun
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string File { get; set; } = "";

    public DateTime RanAt { get; set; }

    public bool Succeeded { get; set; }

    public string Errors { get; set; } = "";
}
