using Registry.Core.Finance;
using Registry.Core.Forms;

namespace Registry.Organizations.Domain;

/// <summary>Whether a foundation may raise funds from the public (基金会管理条例 第三条), which sets its minimum original fund.</summary>
public enum FoundationKind
{
    /// <summary>非公募基金会 / 不具有公开募捐资格: original fund ≥ ¥2,000,000.</summary>
    NonPublicFundraising = 1,

    /// <summary>地方性公募基金会: original fund ≥ ¥4,000,000.</summary>
    LocalPublicFundraising = 2,
}

/// <summary>
/// The legal conditions of a registration that do not depend on other records: members (社会团体登记管理条例 第十条(一)),
/// names (第十条(二) and the name rules of each type), a foundation's original fund (基金会管理条例 第八条(二)). Numbers
/// and word lists come from <see cref="RegistrationRules"/> so a locality can set its own.
/// </summary>
public static class EstablishmentRules
{
    /// <summary>
    /// 社团条例 第十条(一): 50 or more individual members, or 30 or more unit members; when individuals and units are mixed,
    /// 50 or more members in total (40 + 10 qualifies, 10 + 30 does not).
    /// </summary>
    public static bool MembersSuffice(int individualMembers, int unitMembers, RegistrationRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return (individualMembers, unitMembers) switch
        {
            ( <= 0, <= 0) => false,
            (_, <= 0) => individualMembers >= rules.MinIndividualMembers,
            ( <= 0, _) => unitMembers >= rules.MinUnitMembers,
            _ => (long)individualMembers + unitMembers >= rules.MinMixedMembers,
        };
    }

    /// <summary>
    /// The name of a locally registered organization (社团条例 第十条(二); 民办非企业单位名称管理暂行规定; 基金会名称管理规定):
    /// none of the reserved words (中国, 全国, 中华, 国际, 世界), the administrative-area prefix, and an organization form
    /// that fits its type at the end. Each broken rule is one error naming the rule. Community organizations are filed, not
    /// registered: their names are left to the street office.
    /// </summary>
    public static IReadOnlyList<FormError> CheckName(string? name, OrganizationType type, RegistrationRules rules, string field = "Name")
    {
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<FormError>();
        var text = name?.Trim() ?? "";
        if (text.Length == 0 || !type.IsRegistered())
        {
            return errors;
        }

        var reserved = rules.ReservedNameWords.Where(w => w.Length > 0 && text.Contains(w, StringComparison.Ordinal)).ToList();
        if (reserved.Count > 0)
        {
            errors.Add(new FormError(field, "Org.Validation.NameReservedWord", text, string.Join("、", reserved)));
        }

        if (rules.NameAreaPrefixes.Count > 0 && !rules.NameAreaPrefixes.Any(p => p.Length > 0 && text.StartsWith(p, StringComparison.Ordinal) && text.Length > p.Length))
        {
            errors.Add(new FormError(field, "Org.Validation.NameAreaPrefix", text, string.Join("、", rules.NameAreaPrefixes)));
        }

        if (rules.NameForms.TryGetValue(type, out var forms) && forms.Count > 0
            && !forms.Any(f => f.Length > 0 && text.EndsWith(f, StringComparison.Ordinal) && text.Length > f.Length))
        {
            errors.Add(new FormError(field, "Org.Validation.NameForm", text, "Org.Type." + type, string.Join("、", forms)));
        }

        return errors;
    }

    /// <summary>基金会管理条例 第八条(二): the minimum original fund of the kind of foundation, in fen.</summary>
    public static long MinimumOriginalFundFen(FoundationKind kind, RegistrationRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.MinOriginalFundFen.TryGetValue(kind, out var minimum)
            ? minimum
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No minimum original fund is configured for this kind of foundation.");
    }

    /// <summary>The foundation's kind is stated and its original fund reaches that kind's minimum (基金会管理条例 第八条(二)).</summary>
    public static FormError? CheckOriginalFund(FoundationKind? kind, long fundFen, RegistrationRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (kind is not { } stated || !Enum.IsDefined(stated) || !rules.MinOriginalFundFen.ContainsKey(stated))
        {
            return new FormError("FoundationKind", "Org.Validation.FoundationKindRequired");
        }

        var minimum = MinimumOriginalFundFen(stated, rules);
        return fundFen < minimum
            ? new FormError("ActivityFunds", "Org.Validation.OriginalFundTooLow", "Org.FoundationKind." + stated, new Money(minimum).Format())
            : null;
    }
}
