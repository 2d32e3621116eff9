using Registry.Core.Forms;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Tests.Domain;

public sealed class ApplicationValidatorTests
{
    // The required documents of the default checklists, written out (optional ones are left unattached on purpose).
    private static readonly Dictionary<ApplicationKind, string[]> RequiredDocuments = new()
    {
        [ApplicationKind.NameApproval] = ["NameApplicationLetter"],
        [ApplicationKind.Establishment] = ["Charter", "PremisesProof", "FundsProof", "LegalRepId"],
        [ApplicationKind.Change] = ["ChangeResolution"],
        [ApplicationKind.Deregistration] = ["LiquidationReport", "DeregistrationResolution"],
        [ApplicationKind.CommunityFiling] = ["Charter", "PremisesProof", "MemberList", "LegalRepId"],
    };

    private readonly RegistrationRules _rules = new();

    public static TheoryData<ApplicationKind, string> EveryRequiredDocument()
    {
        var data = new TheoryData<ApplicationKind, string>();
        foreach (var (kind, codes) in RequiredDocuments)
        {
            foreach (var code in codes)
            {
                data.Add(kind, code);
            }
        }

        return data;
    }

    [Theory]
    [InlineData(ApplicationKind.NameApproval)]
    [InlineData(ApplicationKind.Establishment)]
    [InlineData(ApplicationKind.Change)]
    [InlineData(ApplicationKind.Deregistration)]
    [InlineData(ApplicationKind.CommunityFiling)]
    public void Validate_CompleteFormWithRequiredDocuments_NoErrors(ApplicationKind kind)
    {
        Validate(kind, ValidForm(kind)).ShouldBeEmpty();
    }

    // 社团条例 第十条(一): ≥50 individual members, or ≥30 unit members, or a mixed membership of ≥50 in total.
    [Theory]
    [InlineData(49, 0, true)]
    [InlineData(50, 0, false)]
    [InlineData(0, 29, true)]
    [InlineData(0, 30, false)]
    [InlineData(0, 0, true)]
    [InlineData(40, 10, false)]
    [InlineData(10, 30, true)]
    [InlineData(20, 29, true)]
    [InlineData(20, 30, false)]
    [InlineData(1, 49, false)]
    [InlineData(49, 1, false)]
    public void Validate_SocialGroupEstablishmentMembers_Article10Item1(int individual, int unit, bool refused)
    {
        var form = ValidForm(ApplicationKind.Establishment);
        form.IndividualMembers = individual;
        form.UnitMembers = unit;

        Keys(Validate(ApplicationKind.Establishment, form)).Contains("Org.Validation.MembersTooFew").ShouldBe(refused);
    }

    [Fact]
    public void Validate_SocialGroupTooFewMembers_ErrorNamesTheThreeMinimumsAndTheCounts()
    {
        var form = ValidForm(ApplicationKind.Establishment);
        form.IndividualMembers = 40;
        form.UnitMembers = 9;

        var error = Validate(ApplicationKind.Establishment, form).Single();

        error.ShouldSatisfyAllConditions(
            () => error.Field.ShouldBe("IndividualMembers"),
            () => error.Key.ShouldBe("Org.Validation.MembersTooFew"),
            () => error.Args.ShouldBe([50, 30, 50, 40, 9]));
    }

    [Fact]
    public void Validate_LocalMixedMinimumRaised_UsesTheRule()
    {
        var rules = _rules with { MinMixedMembers = 60 };
        var form = ValidForm(ApplicationKind.Establishment);
        form.IndividualMembers = 50;
        form.UnitMembers = 9;

        Keys(ApplicationValidator.Validate(ApplicationKind.Establishment, form, rules, RequiredDocuments[ApplicationKind.Establishment])).ShouldContain("Org.Validation.MembersTooFew");
    }

    [Fact]
    public void Validate_PrivateNonEnterpriseWithoutMembers_NoMembersError()
    {
        var form = ValidForm(ApplicationKind.Establishment);
        form.Type = OrganizationType.PrivateNonEnterprise;
        form.Name = "海曙区阳光养老服务中心";
        form.IndividualMembers = 0;

        Validate(ApplicationKind.Establishment, form).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_LocalMinimumMembersRaised_UsesTheRule()
    {
        var rules = _rules with { MinIndividualMembers = 100 };
        var form = ValidForm(ApplicationKind.Establishment);
        form.IndividualMembers = 99;

        Keys(ApplicationValidator.Validate(ApplicationKind.Establishment, form, rules, RequiredDocuments[ApplicationKind.Establishment])).ShouldContain("Org.Validation.MembersTooFew");
    }

    [Theory]
    [InlineData(OrganizationType.SocialGroup, 2_999_999, true)]
    [InlineData(OrganizationType.SocialGroup, 3_000_000, false)]
    [InlineData(OrganizationType.PrivateNonEnterprise, 2_999_999, true)]
    [InlineData(OrganizationType.PrivateNonEnterprise, 3_000_000, false)]
    public void Validate_EstablishmentActivityFunds_RefusedBelowTypeMinimum(OrganizationType type, long fen, bool refused)
    {
        var form = ValidForm(ApplicationKind.Establishment);
        form.Type = type;
        form.Name = type == OrganizationType.SocialGroup ? "海曙区阳光养老协会" : "海曙区阳光养老服务中心";
        form.ActivityFundsFen = fen;

        Keys(Validate(ApplicationKind.Establishment, form)).Contains("Org.Validation.FundsTooLow").ShouldBe(refused);
    }

    [Fact]
    public void Validate_FundsOneFenShort_ErrorShowsMinimumInYuan()
    {
        var form = ValidForm(ApplicationKind.Establishment);
        form.ActivityFundsFen = 2_999_999;

        var error = Validate(ApplicationKind.Establishment, form).Single();

        error.Args.ShouldBe(["¥30,000.00"]);
    }

    [Theory]
    [InlineData(9, 2, true)]
    [InlineData(0, 0, true)]
    [InlineData(10, 0, false)]
    [InlineData(0, 3, false)]
    [InlineData(9, 3, false)]
    [InlineData(10, 2, false)]
    public void Validate_CommunityFilingSize_RefusedBelow10MembersAnd3Staff(int members, int staff, bool refused)
    {
        var form = ValidForm(ApplicationKind.CommunityFiling);
        form.IndividualMembers = members;
        form.Staff = staff;

        Keys(Validate(ApplicationKind.CommunityFiling, form)).Contains("Org.Validation.CommunityTooSmall").ShouldBe(refused);
    }

    [Fact]
    public void Validate_CommunityFilingWithoutFunds_NoFundsError()
    {
        var form = ValidForm(ApplicationKind.CommunityFiling);
        form.ActivityFundsFen = 0;

        Validate(ApplicationKind.CommunityFiling, form).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(EveryRequiredDocument))]
    public void Validate_RequiredDocumentMissing_DocumentMissingNamingIt(ApplicationKind kind, string code)
    {
        var attached = RequiredDocuments[kind].Where(c => c != code).ToList();

        var errors = ApplicationValidator.Validate(kind, ValidForm(kind), _rules, attached);

        errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Key.ShouldBe("Org.Validation.DocumentMissing"),
            e => e.Args.ShouldBe(["Doc." + code]));
    }

    [Fact]
    public void Validate_NoDocumentsAttached_OneErrorPerRequiredDocument()
    {
        var errors = ApplicationValidator.Validate(ApplicationKind.Establishment, ValidForm(ApplicationKind.Establishment), _rules, []);

        errors.Select(e => (string)e.Args[0]).ShouldBe(["Doc.Charter", "Doc.PremisesProof", "Doc.FundsProof", "Doc.LegalRepId"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(0, -1, 0)]
    [InlineData(0, 0, -1)]
    public void Validate_NegativeCount_Refused(int individual, int unit, int staff)
    {
        var form = ValidForm(ApplicationKind.Change);
        form.IndividualMembers = individual;
        form.UnitMembers = unit;
        form.Staff = staff;

        Keys(Validate(ApplicationKind.Change, form)).ShouldBe(["Org.Validation.NegativeCount"]);
    }

    [Theory]
    [InlineData(ApplicationKind.Establishment)]
    [InlineData(ApplicationKind.Change)]
    [InlineData(ApplicationKind.CommunityFiling)]
    public void Validate_NegativeFunds_Refused(ApplicationKind kind)
    {
        var form = ValidForm(kind);
        form.ActivityFundsFen = -1;

        Keys(Validate(kind, form)).ShouldContain("Org.Validation.NegativeFunds");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Validate_OneToThreeProposedNames_Accepted(int count)
    {
        var form = ValidForm(ApplicationKind.NameApproval);
        form.ProposedNames = [.. Names(count)];

        Validate(ApplicationKind.NameApproval, form).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Validate_ZeroOrMoreThanThreeProposedNames_Refused(int count)
    {
        var form = ValidForm(ApplicationKind.NameApproval);
        form.ProposedNames = [.. Names(count)];

        Keys(Validate(ApplicationKind.NameApproval, form)).ShouldBe(["Org.Validation.ProposedNames"]);
    }

    [Fact]
    public void Validate_OnlyBlankProposedNames_Refused()
    {
        var form = ValidForm(ApplicationKind.NameApproval);
        form.ProposedNames = ["", "  "];

        Keys(Validate(ApplicationKind.NameApproval, form)).ShouldBe(["Org.Validation.ProposedNames"]);
    }

    [Fact]
    public void Validate_ThreeNamesAmongBlanks_BlanksNotCounted()
    {
        var form = ValidForm(ApplicationKind.NameApproval);
        form.ProposedNames = ["海曙区阳光养老协会", "", "海曙区春晖养老协会", " ", "海曙区夕阳红养老协会"];

        Validate(ApplicationKind.NameApproval, form).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(ApplicationKind.NameApproval)]
    [InlineData(ApplicationKind.Establishment)]
    public void Validate_CommunityTypeForRegistration_Refused(ApplicationKind kind)
    {
        var form = ValidForm(kind);
        form.Type = OrganizationType.Community;

        Keys(Validate(kind, form)).ShouldContain("Org.Validation.CommunityNotRegistered");
    }

    [Theory]
    [InlineData(ApplicationKind.Establishment, "Name")]
    [InlineData(ApplicationKind.Establishment, "LegalRepresentative")]
    [InlineData(ApplicationKind.Establishment, "Street")]
    [InlineData(ApplicationKind.Establishment, "Address")]
    [InlineData(ApplicationKind.Establishment, "BusinessScope")]
    [InlineData(ApplicationKind.NameApproval, "BusinessScope")]
    [InlineData(ApplicationKind.Change, "Reason")]
    [InlineData(ApplicationKind.Deregistration, "Reason")]
    [InlineData(ApplicationKind.CommunityFiling, "Address")]
    public void Validate_RequiredFieldBlank_RequiredErrorOnThatField(ApplicationKind kind, string field)
    {
        var form = ValidForm(kind);
        Blank(form, field);

        var error = Validate(kind, form).ShouldHaveSingleItem();

        error.ShouldSatisfyAllConditions(
            () => error.Field.ShouldBe(field),
            () => error.Key.ShouldBe("Org.Validation.Required"),
            () => error.Args.ShouldBe(["Org.Field." + field]));
    }

    [Theory]
    [InlineData(ApplicationKind.Establishment)]
    [InlineData(ApplicationKind.Change)]
    [InlineData(ApplicationKind.CommunityFiling)]
    public void Validate_NoServiceField_Refused(ApplicationKind kind)
    {
        var form = ValidForm(kind);
        form.ServiceFields = [];

        Keys(Validate(kind, form)).ShouldBe(["Org.Validation.ServiceFieldRequired"]);
    }

    [Fact]
    public void Validate_DeregistrationWithEmptyParticulars_OnlyReasonMatters()
    {
        var form = new ApplicationForm { Reason = "清算完毕" };

        Validate(ApplicationKind.Deregistration, form).ShouldBeEmpty();
    }

    private IReadOnlyList<FormError> Validate(ApplicationKind kind, ApplicationForm form) =>
        ApplicationValidator.Validate(kind, form, _rules, RequiredDocuments[kind]);

    private static List<string> Keys(IEnumerable<FormError> errors) => [.. errors.Select(e => e.Key)];

    private static IEnumerable<string> Names(int count) => Enumerable.Range(1, count).Select(i => "海曙区阳光" + new string('一', i) + "养老协会");

    private static ApplicationForm ValidForm(ApplicationKind kind)
    {
        var community = kind == ApplicationKind.CommunityFiling;
        return new ApplicationForm
        {
            ProposedNames = kind == ApplicationKind.NameApproval ? ["海曙区阳光养老协会"] : [],
            Name = community ? "南门街道阳光读书会" : "海曙区阳光养老协会",
            Type = community ? OrganizationType.Community : OrganizationType.SocialGroup,
            LegalRepresentative = "张三",
            District = "海曙区",
            Street = "南门街道",
            Address = "宁波市海曙区解放南路1号",
            ServiceFields = ["养老"],
            BusinessScope = "为辖区老人提供助餐、助浴服务",
            ActivityFundsFen = community ? 0 : 3_000_000,
            IndividualMembers = community ? 10 : 50,
            Reason = kind is ApplicationKind.Change or ApplicationKind.Deregistration ? "换届" : null,
        };
    }

    private static void Blank(ApplicationForm form, string field)
    {
        switch (field)
        {
            case "Name":
                form.Name = " ";
                break;
            case "LegalRepresentative":
                form.LegalRepresentative = "";
                break;
            case "Street":
                form.Street = "";
                break;
            case "Address":
                form.Address = "";
                break;
            case "BusinessScope":
                form.BusinessScope = "";
                break;
            case "Reason":
                form.Reason = null;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }
    }

    // 基金会管理条例 第八条(二): non-public-fundraising ≥ ¥2,000,000, local public-fundraising ≥ ¥4,000,000 (in fen).
    [Theory]
    [InlineData(FoundationKind.NonPublicFundraising, 199_999_999, true)]
    [InlineData(FoundationKind.NonPublicFundraising, 200_000_000, false)]
    [InlineData(FoundationKind.LocalPublicFundraising, 399_999_999, true)]
    [InlineData(FoundationKind.LocalPublicFundraising, 400_000_000, false)]
    public void Validate_FoundationOriginalFund_Article8Item2ByKind(FoundationKind kind, long fen, bool refused)
    {
        var form = FoundationForm(kind, fen);

        var errors = Validate(ApplicationKind.Establishment, form);

        Keys(errors).Contains("Org.Validation.OriginalFundTooLow").ShouldBe(refused);
        Keys(errors).ShouldNotContain("Org.Validation.FundsTooLow");
    }

    [Fact]
    public void Validate_FoundationOriginalFundShort_ErrorNamesKindAndMinimumInYuan()
    {
        var error = Validate(ApplicationKind.Establishment, FoundationForm(FoundationKind.LocalPublicFundraising, 200_000_000)).ShouldHaveSingleItem();

        error.Args.ShouldBe(["Org.FoundationKind.LocalPublicFundraising", "¥4,000,000.00"]);
    }

    [Fact]
    public void Validate_FoundationWithoutKind_AsksForIt()
    {
        var error = Validate(ApplicationKind.Establishment, FoundationForm(null, 400_000_000)).ShouldHaveSingleItem();

        error.ShouldSatisfyAllConditions(
            () => error.Field.ShouldBe("FoundationKind"),
            () => error.Key.ShouldBe("Org.Validation.FoundationKindRequired"));
    }

    [Fact]
    public void Validate_NameApprovalWithNationalWord_RefusedNamingTheRule()
    {
        var form = ValidForm(ApplicationKind.NameApproval);
        form.ProposedNames = ["海曙区中华文化促进会"];

        var error = Validate(ApplicationKind.NameApproval, form).ShouldHaveSingleItem();

        error.ShouldSatisfyAllConditions(
            () => error.Field.ShouldBe("ProposedNames"),
            () => error.Key.ShouldBe("Org.Validation.NameReservedWord"),
            () => error.Args.ShouldBe(["海曙区中华文化促进会", "中华"]));
    }

    [Fact]
    public void Validate_ChangeKeepingALegacyName_NameRulesNotApplied()
    {
        var form = ValidForm(ApplicationKind.Change);
        form.Name = "宁波市阳光养老协会";

        ApplicationValidator.Validate(ApplicationKind.Change, form, _rules, RequiredDocuments[ApplicationKind.Change], registeredName: "宁波市阳光养老协会").ShouldBeEmpty();
    }

    [Fact]
    public void Validate_ChangeToANameWithoutTheArea_Refused()
    {
        var form = ValidForm(ApplicationKind.Change);
        form.Name = "宁波市阳光养老协会";

        Keys(ApplicationValidator.Validate(ApplicationKind.Change, form, _rules, RequiredDocuments[ApplicationKind.Change], registeredName: "海曙区阳光养老协会"))
            .ShouldBe(["Org.Validation.NameAreaPrefix"]);
    }

    private static ApplicationForm FoundationForm(FoundationKind? kind, long fen)
    {
        var form = ValidForm(ApplicationKind.Establishment);
        form.Type = OrganizationType.Foundation;
        form.Name = "宁波市海曙区阳光教育基金会";
        form.FoundationKind = kind;
        form.ActivityFundsFen = fen;
        form.IndividualMembers = 0;
        return form;
    }
}
