using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Registry.Directory.Caching;
using Registry.Directory.Contracts;
using Registry.Directory.Search;
using Registry.Organizations.Contracts;

namespace Registry.Directory.Areas.Directory.Pages;

/// <summary>The public directory: search, filters with counts, sorting, paging, matched words highlighted.</summary>
[AllowAnonymous]
[ServiceFilter<AnonymousPageCacheFilter>]
public sealed class IndexModel(DirectorySearch search, IStringLocalizer localizer) : PageModel
{
    private static readonly string[] Parameters = ["q", "type", "status", "street", "field", "from", "to", "hub", "grade", "sort"];

    public DirectoryQuery Query { get; private set; } = new();

    public DirectoryResult Result { get; private set; } = null!;

    public DirectorySort EffectiveSort => Query.Sort ?? (Result.Words.Count > 0 ? DirectorySort.Relevance : DirectorySort.Name);

    /// <summary>The hub filter's choices: hub organizations among the results' hub values, with the organizations each covers.</summary>
    public IReadOnlyList<(int Id, string Name, int Count)> HubChoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = DirectoryQueryBinder.From(Request.Query);
        Result = search.Search(Query);
        var counts = (Result.Facets.GetValueOrDefault(IndexFields.Hub) ?? [])
            .Select(f => (Ok: int.TryParse(f.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id), Id: id, f.Value))
            .Where(f => f.Ok).ToDictionary(f => f.Id, f => f.Value);
        if (Query.Hub is { } selected && !counts.ContainsKey(selected))
        {
            counts[selected] = 0;
        }

        // The register (and the database context under it) is resolved only when there are hubs to name: taken in the
        // constructor, every page built and disposed a context, 2.6% of an uncached page's CPU, most pages needing none.
        HubChoices = counts.Count == 0
            ? []
            : [.. (await HttpContext.RequestServices.GetRequiredService<IOrganizationRegister>().FindManyAsync(counts.Keys, cancellationToken))
                .Select(o => (o.Id, o.Name, counts[o.Id])).OrderBy(h => h.Name, StringComparer.Ordinal)];
    }

    public string? Selected(string parameter) => Request.Query[parameter] is { Count: > 0 } v && !string.IsNullOrEmpty(v[0]) ? v[0] : null;

    /// <summary>The request's parameters of <see cref="Parameters"/> that have a value, each with its encoded pair; read once per request (a page has some sixty links).</summary>
    private (string Name, string Value, string Encoded)[] SelectedParameters => _selected ??=
        [.. Parameters.Select(p => (Name: p, Value: Selected(p))).Where(p => p.Value is not null).Select(p => (p.Name, p.Value!, Pair(p.Name, p.Value!)))];

    private (string Name, string Value, string Encoded)[]? _selected;

    /// <summary>
    /// This page's address with one parameter set (or removed), as HTML for an attribute; changing a filter goes back to
    /// page 1. Written to the page in parts when the page is written (a page has some sixty links): no string per link.
    /// </summary>
    public IHtmlContent Link(string parameter, string? value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return new PageLink(OtherParameters(parameter), parameter, value);
    }

    /// <summary>
    /// The request's encoded pairs but <paramref name="parameter"/>'s, joined with an HTML-encoded ampersand (the pairs
    /// themselves are URL-encoded ASCII, nothing in them to encode); made once per parameter.
    /// </summary>
    private string OtherParameters(string parameter)
    {
        _others ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (!_others.TryGetValue(parameter, out var others))
        {
            others = string.Join("&amp;", SelectedParameters.Where(p => p.Name != parameter).Select(p => p.Encoded));
            _others[parameter] = others;
        }

        return others;
    }

    /// <summary>An address of this page as HTML: the other parameters' pairs, then this one's (none: removed).</summary>
    private sealed class PageLink(string others, string parameter, string? value) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.Write("/Directory");
            if (others.Length > 0)
            {
                writer.Write('?');
                writer.Write(others);
            }

            if (value is not null)
            {
                writer.Write(others.Length > 0 ? "&amp;" : "?");
                UrlEncoder.Default.Encode(writer, parameter);
                writer.Write('=');
                UrlEncoder.Default.Encode(writer, value);
            }
        }
    }

    private Dictionary<string, string>? _others;

    public IEnumerable<(string Name, string Value)> KeptFilters(params string[] except) =>
        SelectedParameters.Where(p => !except.Contains(p.Name)).Select(p => (p.Name, p.Value));

    /// <summary>As <see cref="QueryHelpers.AddQueryString(string, string, string)"/> encodes a parameter.</summary>
    private static string Pair(string name, string value) => UrlEncoder.Default.Encode(name) + "=" + UrlEncoder.Default.Encode(value);

    /// <summary>A filter's values with their counts as shown; the status filter offers the credit-list standings after the statuses.</summary>
    public IEnumerable<(string Key, string Count)> FacetValues(string parameter, string field) =>
        Counted(field).Concat(parameter == "status" ? Counted(IndexFields.Standing) : []);

    private IEnumerable<(string Key, string Count)> Counted(string field) =>
        (Result.Facets.GetValueOrDefault(field) ?? []).Select(f => (f.Key, CountText(field, f.Key, f.Value)));

    /// <summary>Documents graded at least each grade (5A first), zero for grades none reaches, for the minimum-grade choice.</summary>
    public IEnumerable<(int Grade, string Count)> GradeChoices()
    {
        var counts = (Result.Facets.GetValueOrDefault(IndexFields.Grade) ?? []).ToDictionary(f => f.Key, f => f.Value);
        return Enumerable.Range(1, DirectoryQuery.MaxGrade).Reverse().Select(grade =>
        {
            var key = grade.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (grade, CountText(IndexFields.Grade, key, counts.GetValueOrDefault(key)));
        });
    }

    /// <summary>A count as shown: an estimated one (many hits) to two significant digits, marked as about that many.</summary>
    private string CountText(string field, string value, int count) =>
        Result.IsEstimated(field, value) ? localizer["Directory.Count.About", TwoSignificantDigits(count)] : count.ToString(System.Globalization.CultureInfo.CurrentCulture);

    internal static int TwoSignificantDigits(int count)
    {
        // In integers (a page shows some forty counts): the unit of the second digit, then half a unit up.
        var unit = 1L;
        while (count / unit >= 100)
        {
            unit *= 10;
        }

        return (int)((count + (unit / 2)) / unit * unit);
    }

    /// <summary>Facet values are codes for type and status (or standing); streets and fields are shown as they are.</summary>
    public string Label(string parameter, string value) => parameter switch
    {
        "type" => localizer[$"Org.Type.{value}"],
        "status" when DirectoryQuery.StandingStatuses.Contains(value) => localizer[$"Directory.Standing.{value}"],
        "status" => localizer[$"Org.Status.{value}"],
        _ => value,
    };

    /// <summary>Encodes the text and marks the searched words (case-insensitive) with &lt;mark&gt;.</summary>
    public IHtmlContent Highlight(string text) => (_marks ??= SearchText.Marks(Result.Words)).In(text);

    private SearchMarks? _marks;
}
