namespace Registry.Core.Review;

/// <summary>
/// One automatic eligibility rule's outcome (a grant or a rating application): <paramref name="Key"/> is the localization
/// key of what was checked; <paramref name="Detail"/> is data (a code, a date, a year, a grade's validity);
/// <paramref name="DetailKey"/>, when set, a localization key of what the detail says (an inspection result, a missing
/// declaration).
/// </summary>
public sealed record EligibilityCheck(string Key, bool Passed, string Detail = "", string? DetailKey = null);

/// <summary>A reviewer's or expert's points and comment on one criterion of a score sheet.</summary>
public sealed record ScoreEntry(decimal Points, string Comment);
