namespace Registry.Inspections.Contracts;

/// <summary>
/// Credit-list causes a penalty decision may carry (民政部令第60号 第十条(五), 第十四条(三)(四)(五)), by their stable names.
/// A revoked registration (第十四条(七)) is not among them: the register's revoked status lists it.
/// </summary>
public static class PenaltyListingCauses
{
    /// <summary>第十条(五) 受到警告或者不满5万元罚款处罚 (活动异常名录).</summary>
    public const string WarningOrSmallFine = "WarningOrSmallFine";

    /// <summary>第十四条(三) 受到限期停止活动行政处罚 (严重违法失信名单).</summary>
    public const string SeriousPenalty = "SeriousPenalty";

    /// <summary>第十四条(四) 受到5万元以上罚款处罚 (严重违法失信名单).</summary>
    public const string LargeFine = "LargeFine";

    /// <summary>第十四条(五) 三年内两次以上受到行政处罚 (严重违法失信名单).</summary>
    public const string RepeatedPenalties = "RepeatedPenalties";

    public static readonly IReadOnlyList<string> All = [WarningOrSmallFine, SeriousPenalty, LargeFine, RepeatedPenalties];
}

/// <summary>A penalty decision's listing: the organization, the cause, the decision document number and its date.</summary>
public sealed record PenaltyListing(int OrganizationId, string Cause, string DecisionNumber, DateOnly DecidedOn);

/// <summary>Lists organizations on the credit lists for penalty decisions taken by another module (supervision).</summary>
public interface IPenaltyListings
{
    /// <summary>
    /// Lists the organization for the cause, dated the decision's day, with the decision number as the entry decision.
    /// Idempotent: false when an entry for that decision and cause exists, or a current entry for the cause (already listed).
    /// Saves at once (with the register's standing) in its own transaction.
    /// </summary>
    Task<bool> ListAsync(PenaltyListing listing, CancellationToken cancellationToken);
}
