namespace Registry.Grants.Domain;

/// <summary>
/// A message in a thread between the applicant organization and the fund's officers, with an optional file from Core's
/// file store: the thread of one application (e.g. a question on the budget and its answer) or, once funded, of its
/// project (<see cref="AgreementId"/> set; e.g. a change of activity dates).
/// </summary>
public sealed class ApplicationMessage
{
    public int Id { get; set; }

    /// <summary>The application, also for a project's message (the project is the funded application).</summary>
    public int ApplicationId { get; set; }

    /// <summary>The project (agreement) whose thread this is in; null in the application's own thread.</summary>
    public int? AgreementId { get; set; }

    /// <summary>Written by the applicant organization (else by an officer).</summary>
    public bool FromApplicant { get; set; }

    public string UserId { get; set; } = "";

    public string UserName { get; set; } = "";

    public string Body { get; set; } = "";

    public Guid? FileId { get; set; }

    public string? FileName { get; set; }

    public DateTime SentAt { get; set; }
}

/// <summary>What a message may hold.</summary>
public static class MessageRules
{
    public const int BodyMax = 2000;

    /// <summary>Most messages one thread may hold (a thread is for questions on one application, not a chat).</summary>
    public const int MaxPerThread = 200;

    /// <summary>The text, required (also with a file) and at most <see cref="BodyMax"/> characters.</summary>
    public static Core.Forms.FormError? BodyError(string? body) =>
        string.IsNullOrWhiteSpace(body) ? new("Body", "Validation.Required", "Grant.Message.Field.Body")
        : body.Trim().Length > BodyMax ? new("Body", "Validation.MaxLength", "Grant.Message.Field.Body", BodyMax)
        : null;
}
