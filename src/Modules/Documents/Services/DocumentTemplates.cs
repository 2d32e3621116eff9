using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using Fluid;
using Registry.Documents.Domain;

namespace Registry.Documents.Services;

/// <summary>
/// Document templates in Liquid (Fluid): a safe language the admin may edit, run only over plain dictionaries of strings
/// (no object members reachable) with step, output and recursion limits. The output is one block per line: <c># </c> title,
/// <c>## </c> centred line (the number), <c>&gt; </c> right-aligned (issuer and date; the seal goes on the first of them),
/// <c>- </c> list item, anything else a paragraph; blank lines are ignored.
/// </summary>
public static class DocumentTemplates
{
    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithMaxSteps(50_000)
        .WithMaxRecursion(20)
        .WithMaxOutputSize(200_000)
        .WithMaxCollectionSize(10_000)
        .WithCultureInfo(CultureInfo.GetCultureInfo("zh-CN"))
        .Build();

    /// <summary>The template shipped with the module for <paramref name="kind"/>.</summary>
    public static string Default(DocumentKind kind)
    {
        using var stream = typeof(DocumentTemplates).Assembly.GetManifestResourceStream($"Registry.Documents.Recipes.Templates.{kind}.liquid")
            ?? throw new InvalidOperationException($"No default template for {kind}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Null when the template parses and renders with sample values, else the parser's or renderer's message.</summary>
    public static string? Check(string body)
    {
        if (!Parser.TryParse(body, out _, out var error))
        {
            return error;
        }

        try
        {
            Render(body, DocumentModel.Sample());
            return null;
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException or ArgumentException)
        {
            return e.Message;
        }
    }

    /// <summary>Renders <paramref name="body"/> over the model; throws <see cref="ArgumentException"/> on a template that does not parse.</summary>
    public static string Render(string body, DocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!Parser.TryParse(body, out var template, out var error))
        {
            throw new ArgumentException(error, nameof(body));
        }

        var context = new TemplateContext(Options);
        context.SetValue("number", model.Number);
        context.SetValue("title", model.Title);
        context.SetValue("holder", model.Holder);
        context.SetValue("issued_on", ChineseDate(model.IssuedOn));
        context.SetValue("valid_until", model.ValidUntil is { } until ? ChineseDate(until) : "");
        context.SetValue("bureau", model.Bureau);
        context.SetValue("code", model.Code);
        context.SetValue("verify_url", model.VerifyUrl);
        context.SetValue("fields", model.Fields.ToDictionary(p => p.Key, p => (object)p.Value));
        context.SetValue("items", model.Items.ToArray());
        return template.Render(context, NullEncoder.Default);
    }

    /// <summary>2026年3月2日, as dates are written in official documents.</summary>
    public static string ChineseDate(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}

/// <summary>What a template sees.</summary>
public sealed record DocumentModel(
    string Number,
    string Title,
    string Holder,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    string Bureau,
    string Code,
    string VerifyUrl,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> Items)
{
    public static DocumentModel Sample() => new(
        "海民社登〔2026〕1号", "示例", "宁波市海曙区示例社会组织", new DateOnly(2026, 3, 2), new DateOnly(2031, 12, 31), "宁波市海曙区民政局", "ABCDEFGH23",
        "https://example.gov.cn/verify/ABCDEFGH23", new Dictionary<string, string>(), ["示例事项"]);
}
