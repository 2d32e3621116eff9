namespace Registry.Organizations.Domain;

/// <summary>Reading an application kind from a request.</summary>
public static class ApplicationKinds
{
    /// <summary>The kind spelled exactly as its name (<c>NameApproval</c> …); null for a missing, unknown or numeric value, which no form sends.</summary>
    public static ApplicationKind? Parse(string? text) =>
        // Letters only: Enum.TryParse also reads numbers and comma-separated flag lists ("NameApproval,Change" is Change).
        text is { Length: > 0 } && char.IsAsciiLetterUpper(text[0]) && text.All(char.IsAsciiLetter) && Enum.TryParse<ApplicationKind>(text, ignoreCase: false, out var kind) && Enum.IsDefined(kind)
            ? kind
            : null;
}
