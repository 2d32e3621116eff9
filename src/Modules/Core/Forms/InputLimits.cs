namespace Registry.Core.Forms;

/// <summary>
/// Bounds every input is held to at the edge (forms, filters), so no value can overflow the arithmetic behind it:
/// deadlines add working days to a date, and 9999-12-31 plus a day is no date at all.
/// </summary>
public static class InputLimits
{
    public static readonly DateOnly MinDate = new(1900, 1, 1);

    public static readonly DateOnly MaxDate = new(2199, 12, 31);

    public static bool IsSaneDate(DateOnly day) => day >= MinDate && day <= MaxDate;
}
