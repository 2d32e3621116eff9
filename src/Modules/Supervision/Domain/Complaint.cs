using System.Security.Cryptography;
using System.Text;
using Registry.Core.Calendar;
using Registry.Core.Data;
using Registry.Core.Workflows;

namespace Registry.Supervision.Domain;

/// <summary>What a complaint or tip is about (statistics per cause).</summary>
public enum ComplaintCause
{
    /// <summary>非法社会组织 (acting without registration).</summary>
    Unregistered,

    /// <summary>超出章程规定的宗旨和业务范围.</summary>
    OutsideScope,

    /// <summary>违规收费、募捐.</summary>
    Fees,

    /// <summary>财务问题.</summary>
    Finance,

    /// <summary>内部治理.</summary>
    Governance,

    Other,
}

public enum ComplaintState
{
    /// <summary>收到, awaiting triage.</summary>
    Received,

    /// <summary>受理 and assigned to an officer.</summary>
    Accepted,

    /// <summary>不予受理 (with the reason in the reply).</summary>
    Rejected,

    /// <summary>办结: the complainant has the reply.</summary>
    Replied,
}

public enum ComplaintTrigger
{
    Accept,
    Reject,
    Reply,
}

/// <summary>Complaint steps: 收到 → 受理 (assigned) → 答复, or 不予受理.</summary>
public static class ComplaintWorkflow
{
    private static readonly TransitionTable<ComplaintState, ComplaintTrigger> Table = new TransitionTable<ComplaintState, ComplaintTrigger>()
        .Permit(ComplaintState.Received, ComplaintTrigger.Accept, ComplaintState.Accepted)
        .Permit(ComplaintState.Received, ComplaintTrigger.Reject, ComplaintState.Rejected)
        .Permit(ComplaintState.Accepted, ComplaintTrigger.Reply, ComplaintState.Replied);

    public static ComplaintState? Next(ComplaintState state, ComplaintTrigger trigger) => Table.Next(state, trigger);

    public static IReadOnlyList<ComplaintTrigger> Permitted(ComplaintState state) => Table.Permitted(state);

    public static bool IsFinal(ComplaintState state) => Table.IsFinal(state);
}

/// <summary>A complaint or tip (投诉举报) about an organization's conduct.</summary>
public sealed class Complaint : IVersioned
{
    public const int MaxText = 4000;
    public const int MaxShort = 200;

    public int Id { get; set; }

    /// <summary>Receipt number given to the complainant (e.g. TS-2026-000001).</summary>
    public string ReceiptNumber { get; set; } = "";

    /// <summary>SHA-256 of the follow-up secret shown once on filing (never stored in clear).</summary>
    public string SecretHash { get; set; } = "";

    public bool Anonymous { get; set; }

    /// <summary>The signed-in account that filed it, if any: that account sees it in its list.</summary>
    public string? UserId { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>The organization complained about, when it is on the register.</summary>
    public int? OrganizationId { get; set; }

    public string Subject { get; set; } = "";

    public ComplaintCause Cause { get; set; }

    public string Content { get; set; } = "";

    public DateOnly ReceivedOn { get; set; }

    public DateTime SubmittedAt { get; set; }

    public ComplaintState State { get; set; }

    public string? AssignedTo { get; set; }

    public DateOnly? TriagedOn { get; set; }

    public string? Reply { get; set; }

    public DateOnly? RepliedOn { get; set; }

    /// <summary>The penalty case it led to.</summary>
    public int? CaseId { get; set; }

    /// <summary>The spot check it led to.</summary>
    public int? CheckId { get; set; }

    public List<ComplaintAttachment> Attachments { get; set; } = [];

    public long Version { get; set; }

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Trim())));

    /// <summary>Constant-time check of a follow-up secret.</summary>
    public bool SecretMatches(string? secret) =>
        !string.IsNullOrWhiteSpace(secret)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashSecret(secret)), Encoding.ASCII.GetBytes(SecretHash));

    /// <summary>Triage is due <paramref name="workingDays"/> working days after receipt (derived when read).</summary>
    public DueDate TriageDue(WorkingDayCalendar calendar, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.DueAfter(ReceivedOn, workingDays);
    }
}

/// <summary>A file attached to a complaint (stored by Core's file store, type checked by content).</summary>
public sealed class ComplaintAttachment
{
    public int Id { get; set; }

    public int ComplaintId { get; set; }

    public Guid FileId { get; set; }

    public string FileName { get; set; } = "";
}

/// <summary>Who may read a complaint (the complainant only their own; an anonymous one only with its receipt number and secret).</summary>
public static class ComplaintAccess
{
    /// <summary>
    /// True for staff holding the permission, for the signed-in account that filed it, or for anyone giving the receipt
    /// number with its secret. Nothing else, not even the receipt number alone.
    /// </summary>
    public static bool CanRead(Complaint complaint, bool isStaff, string? userId, string? receiptNumber, string? secret)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (isStaff)
        {
            return true;
        }

        if (userId is not null && complaint.UserId == userId)
        {
            return true;
        }

        return receiptNumber is not null
            && string.Equals(receiptNumber.Trim(), complaint.ReceiptNumber, StringComparison.OrdinalIgnoreCase)
            && complaint.SecretMatches(secret);
    }
}
