namespace Registry.Organizations.Domain;

/// <summary>
/// A reminder sent to an organization before one of its obligations fell due: one row per organization, obligation key
/// and threshold (working days before the due day), unique, so a reminder is never sent twice, whichever node runs the job.
/// </summary>
public sealed class ObligationReminder
{
    public long Id { get; set; }

    public int OrganizationId { get; set; }

    /// <summary>The obligation's stable key (<see cref="Contracts.Obligation.Key"/>).</summary>
    public string ObligationKey { get; set; } = "";

    /// <summary>The threshold reached, in working days before the due day (e.g. 30, 7, 1).</summary>
    public int Threshold { get; set; }

    /// <summary>The due day named in the reminder (a record of what was said, not a deadline read back).</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>Working days left when it was sent.</summary>
    public int WorkingDaysLeft { get; set; }

    /// <summary>Accounts of the organization it went to (in the inbox and by mail).</summary>
    public int Recipients { get; set; }

    public DateTime SentAt { get; set; }
}

/// <summary>
/// The secret address of an organization's calendar feed (iCalendar): a random unguessable token that any member may
/// regenerate, which ends every earlier subscription.
/// </summary>
public sealed class WorkspaceFeed
{
    public int OrganizationId { get; set; }

    public string Token { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";
}
