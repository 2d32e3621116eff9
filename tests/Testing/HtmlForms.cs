using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Registry.Testing;

/// <summary>Drives server-rendered forms the way a browser would: GET the page, keep its anti-forgery token, POST the fields.</summary>
public static class HtmlForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) => ParseHtmlAsync(response);

    private static async Task<IHtmlDocument> ParseHtmlAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Loads <paramref name="pageUrl"/>, takes the token of its form (the first, or the one matching <paramref name="formSelector"/>) and posts the fields.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> fields, string formSelector = "main form[method=post]")
    {
        ArgumentNullException.ThrowIfNull(client);
        var document = await client.GetDocumentAsync(pageUrl);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}");
        // Start from what the browser would send untouched: prefilled inputs, checked boxes, textareas, selections.
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
        {
            if (input.Type is "submit" or "button" or "file" || (input.Type is "checkbox" or "radio" && !input.IsChecked))
            {
                continue;
            }

            values[input.Name!] = input.Value;
        }

        foreach (var area in form.QuerySelectorAll("textarea[name]").OfType<IHtmlTextAreaElement>())
        {
            values[area.Name!] = area.Value;
        }

        foreach (var select in form.QuerySelectorAll("select[name]").OfType<IHtmlSelectElement>())
        {
            values[select.Name!] = select.Value ?? "";
        }

        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(action, UriKind.RelativeOrAbsolute), content);
    }

    /// <summary>Signs in through the real login form; throws unless the app redirected (success).</summary>
    public static async Task SignInAsync(this HttpClient client, string email, string password)
    {
        using var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }
    }
}
