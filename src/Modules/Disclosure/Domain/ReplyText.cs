namespace Registry.Disclosure.Domain;

/// <summary>
/// The paragraphs of the formal written reply (答复书, 条例 第三十六条) of an answered request, in the words of the given
/// text source (the Chinese resources for the issued document): what was asked, the answer with its legal basis, the
/// reason, where to find the information or which agency holds it, the officer's explanation, the information attached,
/// and the remedies.
/// </summary>
public static class ReplyText
{
    public static IReadOnlyList<string> Paragraphs(DisclosureRequest request, Func<string, object[], string> text)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(text);
        var type = request.AnswerType ?? throw new InvalidOperationException("The request is not answered.");
        var paragraphs = new List<string>
        {
            text("Disclosure.Reply.Received", [request.ReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), request.ReceiptNumber]),
            request.Description,
            text($"Disclosure.Reply.Body.{type}", [text("Disclosure.Reply.Article", [AnswerRules.Article(type, request.AnswerReason)])]),
        };
        if (request.AnswerReason is { } reason)
        {
            paragraphs.Add(text("Disclosure.Reply.Reason", [text($"Disclosure.AnswerReason.{reason}", [])]));
        }

        if (request.AnswerReference is { } reference)
        {
            paragraphs.Add(text(type == AnswerType.AlreadyPublic ? "Disclosure.Reply.Where" : "Disclosure.Reply.Agency", [reference]));
        }

        if (request.AnswerText is { } explanation)
        {
            paragraphs.Add(explanation);
        }

        if (request.Attachments.Count > 0)
        {
            paragraphs.Add(text("Disclosure.Reply.Attachments", []) + "：" + string.Join("；", request.Attachments.Select(a => a.FileName)));
        }

        paragraphs.Add(text("Disclosure.Reply.Remedy", []));
        return paragraphs;
    }
}
