using Registry.Core.Forms;

namespace Registry.Content.Domain;

/// <summary>
/// What Chinese government sites carry in their footer: 主办单位, 承办单位, contact (address, telephone, e-mail),
/// ICP备案号 (linked to beian.miit.gov.cn), 公安备案号 and 网站标识码 (the site code of the government website register).
/// Stored as one Core setting, so one version guards the whole form.
/// </summary>
public sealed record FooterSettings(
    string? Sponsor = null,
    string? Organizer = null,
    string? Address = null,
    string? Telephone = null,
    string? Email = null,
    string? IcpNumber = null,
    string? PublicSecurityNumber = null,
    string? SiteCode = null)
{
    public const string SettingKey = "Content.Site.Footer";
    public const int MaxField = 100;

    /// <summary>The ICP filing register every ICP number links to.</summary>
    public const string IcpRegisterUrl = "https://beian.miit.gov.cn/";

    public bool IsEmpty => new[] { Sponsor, Organizer, Address, Telephone, Email, IcpNumber, PublicSecurityNumber, SiteCode }.All(string.IsNullOrWhiteSpace);

    /// <summary>Every field at most <see cref="MaxField"/> characters; the telephone digits, spaces and -+()转; the e-mail with one @.</summary>
    public IReadOnlyList<FormError> Check()
    {
        var errors = new List<FormError>();
        foreach (var (field, value) in new[]
        {
            (nameof(Sponsor), Sponsor), (nameof(Organizer), Organizer), (nameof(Address), Address), (nameof(Telephone), Telephone),
            (nameof(Email), Email), (nameof(IcpNumber), IcpNumber), (nameof(PublicSecurityNumber), PublicSecurityNumber), (nameof(SiteCode), SiteCode),
        })
        {
            if (value is not null && value.Trim().Length > MaxField)
            {
                errors.Add(new FormError(field, "Validation.MaxLength", "Content.Site.Footer." + field, MaxField));
            }
        }

        if (!string.IsNullOrWhiteSpace(Telephone) && !Telephone.Trim().All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')' or '转' or ',' or '、'))
        {
            errors.Add(new FormError(nameof(Telephone), "Content.Site.Error.Telephone"));
        }

        if (!string.IsNullOrWhiteSpace(Email) && !System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out _))
        {
            errors.Add(new FormError(nameof(Email), "Validation.Email", "Content.Site.Footer.Email"));
        }

        return errors;
    }

    public FooterSettings Normalize() => new(Clean(Sponsor), Clean(Organizer), Clean(Address), Clean(Telephone), Clean(Email), Clean(IcpNumber), Clean(PublicSecurityNumber), Clean(SiteCode));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
