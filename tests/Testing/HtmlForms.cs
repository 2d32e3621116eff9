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

    /// <summary>
    /// Loads <paramref name="pageUrl"/>, takes the token of its form (the first, or the one matching <paramref name="formSelector"/>)
    /// and posts the fields (to a named page <paramref name="handler"/> when given; multipart with <paramref name="files"/>).
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client,
        string pageUrl,
        IReadOnlyDictionary<string, string> fields,
        string formSelector = "main form[method=post]",
        string? handler = null,
        IReadOnlyDictionary<string, (string FileName, byte[] Content)>? files = null)
    {
        var form = await client.ReadFormAsync(pageUrl, formSelector);
        return await client.PostFormAsync(form, fields, handler, files);
    }

    /// <summary>What a browser holds after loading a page: the form's action and the values it would send untouched.</summary>
    public static async Task<FormSnapshot> ReadFormAsync(this HttpClient client, string pageUrl, string formSelector = "main form[method=post]")
    {
        ArgumentNullException.ThrowIfNull(client);
        return (await client.GetDocumentAsync(pageUrl)).ReadForm(pageUrl, formSelector);
    }

    /// <summary>The form of a page already loaded, e.g. one a refused POST returned (<paramref name="pageUrl"/>: where it was loaded from).</summary>
    public static FormSnapshot ReadForm(this IHtmlDocument document, string pageUrl, string formSelector = "main form[method=post]")
    {
        ArgumentNullException.ThrowIfNull(document);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}");
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

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return new FormSnapshot(action, values, form.GetAttribute("enctype") == "multipart/form-data");
    }

    /// <summary>Posts a form read earlier (a stale page, for concurrency tests) with some fields changed.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client,
        FormSnapshot form,
        IReadOnlyDictionary<string, string> fields,
        string? handler = null,
        IReadOnlyDictionary<string, (string FileName, byte[] Content)>? files = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(fields);
        var values = new Dictionary<string, string>(form.Values);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = handler is null ? form.Action : form.Action.Split('?')[0] + "?handler=" + handler;
        if (files is null || !form.IsMultipart)
        {
            using var content = new FormUrlEncodedContent(values);
            return await client.PostAsync(new Uri(action, UriKind.RelativeOrAbsolute), content);
        }

        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            multipart.Add(new StringContent(value), name);
        }

        foreach (var (name, (fileName, bytes)) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            multipart.Add(part, name, fileName);
        }

        return await client.PostAsync(new Uri(action, UriKind.RelativeOrAbsolute), multipart);
    }

    /// <summary>The total a back-office list states (the pager's <c>data-total</c>); throws when the page states none.</summary>
    public static int StatedTotal(this IHtmlDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var total = page.QuerySelector("[data-testid=list-total]")?.GetAttribute("data-total") ?? throw new InvalidOperationException("The page states no list total.");
        return int.Parse(total, System.Globalization.CultureInfo.InvariantCulture);
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

/// <summary>A form as loaded: where it posts and the values it carries (anti-forgery token, hidden version …).</summary>
public sealed record FormSnapshot(string Action, IReadOnlyDictionary<string, string> Values, bool IsMultipart);
