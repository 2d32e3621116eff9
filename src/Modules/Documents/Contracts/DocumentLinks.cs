namespace Registry.Documents.Contracts;

/// <summary>Addresses of the documents' pages, for other modules' links and the printed QR codes.</summary>
public static class DocumentLinks
{
    /// <summary>The applicant's documents.</summary>
    public const string Mine = "/Documents/My";

    public const string Admin = "/Documents/Admin";

    public const string VerifyForm = "/verify";

    /// <summary>The public verification page of a document.</summary>
    public static string Verify(string code) => "/verify/" + Uri.EscapeDataString(code);

    public static string Download(int id) => "/Documents/File/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
