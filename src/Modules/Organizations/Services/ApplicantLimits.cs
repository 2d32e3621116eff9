namespace Registry.Organizations.Services;

/// <summary>Limits for applicants (issue 26 item 11).</summary>
public sealed class ApplicantLimitOptions
{
    public const string Section = "Registry:Organizations:Applicants";

    /// <summary>Drafts (never submitted applications) one account may have open at once; a further start is refused with a message.</summary>
    public int MaxOpenDrafts { get; set; } = 20;
}
