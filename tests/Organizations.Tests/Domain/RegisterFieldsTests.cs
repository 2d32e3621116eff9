using Registry.Organizations.Domain;

namespace Registry.Organizations.Tests.Domain;

public sealed class RegisterFieldsTests
{
    [Fact]
    public void Diff_FormFromUnchangedRecord_IsEmpty()
    {
        var organization = Registered();

        RegisterFields.Diff(ApplicationForm.From(organization), ApplicationForm.From(organization)).ShouldBeEmpty();
    }

    [Fact]
    public void Diff_TwoFieldsEdited_ListsExactlyThoseFields()
    {
        var before = ApplicationForm.From(Registered());
        var after = ApplicationForm.From(Registered());
        after.LegalRepresentative = "李四";
        after.Address = "宁波市海曙区中山西路2号";

        RegisterFields.Diff(before, after).Select(c => c.Field).ShouldBe(["LegalRepresentative", "Address"], ignoreOrder: true);
    }

    [Fact]
    public void Diff_FieldEdited_CarriesOldAndNewValue()
    {
        var before = ApplicationForm.From(Registered());
        var after = ApplicationForm.From(Registered());
        after.LegalRepresentative = "李四";

        RegisterFields.Diff(before, after).ShouldHaveSingleItem().ShouldBe(new FieldChange("LegalRepresentative", "张三", "李四"));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(null, "   ")]
    [InlineData("", null)]
    [InlineData("Sunshine Elderly Care Association", " Sunshine Elderly Care Association ")]
    public void Diff_OnlyBlankOrSurroundingWhitespaceDiffers_NoChange(string? before, string? after)
    {
        var first = ApplicationForm.From(Registered());
        var second = ApplicationForm.From(Registered());
        first.EnglishName = before;
        second.EnglishName = after;

        RegisterFields.Diff(first, second).ShouldBeEmpty();
    }

    [Fact]
    public void Diff_ActivityFundsEdited_ShownAsYuan()
    {
        var before = ApplicationForm.From(Registered());
        var after = ApplicationForm.From(Registered());
        after.ActivityFundsFen = 5_000_000;

        RegisterFields.Diff(before, after).ShouldHaveSingleItem().ShouldBe(new FieldChange("ActivityFunds", "¥30,000.00", "¥50,000.00"));
    }

    [Fact]
    public void Diff_ServiceFieldAdded_ShownAsCommaList()
    {
        var before = ApplicationForm.From(Registered());
        var after = ApplicationForm.From(Registered());
        after.ServiceFields = ["养老", "助残", "社区治理"];

        RegisterFields.Diff(before, after).ShouldHaveSingleItem().ShouldBe(new FieldChange("ServiceFields", "养老,助残", "养老,助残,社区治理"));
    }

    [Fact]
    public void Diff_OnlyFormFieldsOutsideTheRegisterEdited_IsEmpty()
    {
        // Type, staff, reason and proposed names are not register particulars a change application can alter.
        var before = ApplicationForm.From(Registered());
        var after = ApplicationForm.From(Registered());
        after.Type = OrganizationType.PrivateNonEnterprise;
        after.Staff = 5;
        after.Reason = "换届";
        after.ProposedNames = ["海曙区春晖养老协会"];

        RegisterFields.Diff(before, after).ShouldBeEmpty();
    }

    [Fact]
    public void Diff_EveryRegisterFieldEdited_ListsAllSixteen()
    {
        var before = ApplicationForm.From(Registered());
        var after = new ApplicationForm
        {
            Name = "海曙区春晖养老协会",
            EnglishName = "Chunhui",
            SupervisingUnit = "海曙区卫健局",
            LegalRepresentative = "李四",
            District = "江北区",
            Street = "白云街道",
            Community = "白云社区",
            Address = "宁波市海曙区中山西路2号",
            ServiceFields = ["助残"],
            BusinessScope = "助残服务",
            ActivityFundsFen = 5_000_000,
            IndividualMembers = 60,
            UnitMembers = 5,
            ContactName = "王五",
            ContactPhone = "0574-87000000",
            ContactEmail = "chunhui@example.org",
        };

        RegisterFields.Diff(before, after).Select(c => c.Field).ShouldBe(
            ["Name", "EnglishName", "SupervisingUnit", "LegalRepresentative", "District", "Street", "Community", "Address", "ServiceFields", "BusinessScope", "ActivityFunds", "IndividualMembers", "UnitMembers", "ContactName", "ContactPhone", "ContactEmail"],
            ignoreOrder: true);
    }

    [Fact]
    public void Apply_ChangesFromDiff_WritesTheChangedFields()
    {
        var organization = Registered();
        var form = ApplicationForm.From(organization);
        form.LegalRepresentative = "李四";
        form.ActivityFundsFen = 5_000_000;

        RegisterFields.Apply(organization, form, RegisterFields.Diff(ApplicationForm.From(organization), form));

        organization.ShouldSatisfyAllConditions(
            o => o.LegalRepresentative.ShouldBe("李四"),
            o => o.ActivityFundsFen.ShouldBe(5_000_000));
    }

    [Fact]
    public void Apply_FormDiffersInFieldsNotListed_LeavesThemAlone()
    {
        var organization = Registered();
        var form = ApplicationForm.From(organization);
        form.LegalRepresentative = "李四";
        form.Address = "宁波市海曙区中山西路2号";
        form.IndividualMembers = 80;

        RegisterFields.Apply(organization, form, [new FieldChange("LegalRepresentative", "张三", "李四")]);

        organization.ShouldSatisfyAllConditions(
            o => o.LegalRepresentative.ShouldBe("李四"),
            o => o.Address.ShouldBe("宁波市海曙区解放南路1号"),
            o => o.IndividualMembers.ShouldBe(50));
    }

    [Fact]
    public void Apply_AllChangesFromDiff_RecordThenMatchesTheForm()
    {
        var organization = Registered();
        var form = ApplicationForm.From(organization);
        form.Name = "海曙区春晖养老协会";
        form.Community = null;
        form.ServiceFields = ["助残"];
        form.ContactEmail = "chunhui@example.org";

        RegisterFields.Apply(organization, form, RegisterFields.Diff(ApplicationForm.From(organization), form));

        RegisterFields.Diff(ApplicationForm.From(organization), form).ShouldBeEmpty();
    }

    [Fact]
    public void Apply_NoChanges_RecordUntouched()
    {
        var organization = Registered();
        var form = new ApplicationForm();

        RegisterFields.Apply(organization, form, []);

        RegisterFields.Diff(ApplicationForm.From(organization), ApplicationForm.From(Registered())).ShouldBeEmpty();
    }

    [Fact]
    public void Apply_DiffFromEmptyFormOntoNewRecord_CopiesEveryParticular()
    {
        // How a new organization is written from an establishment form: every particular must arrive.
        var source = ApplicationForm.From(Registered());
        var created = new Organization { Type = source.Type };

        RegisterFields.Apply(created, source, RegisterFields.Diff(new ApplicationForm(), source));

        RegisterFields.Diff(ApplicationForm.From(created), source).ShouldBeEmpty();
    }

    [Fact]
    public void From_Organization_CopiesEveryParticular()
    {
        var organization = Registered();

        var form = ApplicationForm.From(organization);

        form.ShouldSatisfyAllConditions(
            f => f.Name.ShouldBe(organization.Name),
            f => f.EnglishName.ShouldBe(organization.EnglishName),
            f => f.Type.ShouldBe(organization.Type),
            f => f.SupervisingUnit.ShouldBe(organization.SupervisingUnit),
            f => f.LegalRepresentative.ShouldBe(organization.LegalRepresentative),
            f => f.District.ShouldBe(organization.District),
            f => f.Street.ShouldBe(organization.Street),
            f => f.Community.ShouldBe(organization.Community),
            f => f.Address.ShouldBe(organization.Address),
            f => f.ServiceFields.ShouldBe(["养老", "助残"]),
            f => f.BusinessScope.ShouldBe(organization.BusinessScope),
            f => f.ActivityFundsFen.ShouldBe(organization.ActivityFundsFen),
            f => f.IndividualMembers.ShouldBe(organization.IndividualMembers),
            f => f.UnitMembers.ShouldBe(organization.UnitMembers),
            f => f.ContactName.ShouldBe(organization.ContactName),
            f => f.ContactPhone.ShouldBe(organization.ContactPhone),
            f => f.ContactEmail.ShouldBe(organization.ContactEmail));
    }

    [Fact]
    public void From_ServiceFieldsWithSpacesAndEmptyEntries_TrimmedList()
    {
        var organization = Registered();
        organization.ServiceFields = " 养老, ,助残 ,";

        ApplicationForm.From(organization).ServiceFields.ShouldBe(["养老", "助残"]);
    }

    // Issue: an approved 变更登记 applied the district the change form never showed as blank.
    [Fact]
    public void RequestedChanges_FormWithoutDistrict_NeverTouchesTheDistrict()
    {
        var organization = Registered();
        var form = ApplicationForm.From(organization);
        form.Registered = ApplicationForm.From(organization);
        form.District = "";
        form.Address = "宁波市海曙区中山西路2号";

        RegisterFields.RequestedChanges(ApplicationForm.From(organization), form).Select(c => c.Field).ShouldBe(["Address"]);
    }

    [Fact]
    public void RequestedChanges_RegisterCorrectedSinceTheApplicationStarted_KeepsTheCorrection()
    {
        var started = Registered();
        var form = ApplicationForm.From(started);
        form.Registered = ApplicationForm.From(started);
        form.Address = "宁波市海曙区中山西路2号";
        var corrected = Registered();
        corrected.SupervisingUnit = "海曙区民政局";

        RegisterFields.RequestedChanges(ApplicationForm.From(corrected), form).Select(c => c.Field).ShouldBe(["Address"]);
    }

    [Fact]
    public void RequestedChanges_ApplicantBlanksAField_ShowsItBlanked()
    {
        var organization = Registered();
        organization.SupervisingUnit = "海曙区老龄委";
        var form = ApplicationForm.From(organization);
        form.Registered = ApplicationForm.From(organization);
        form.SupervisingUnit = null;

        var change = RegisterFields.RequestedChanges(ApplicationForm.From(organization), form).ShouldHaveSingleItem();

        change.ShouldBe(new FieldChange("SupervisingUnit", "海曙区老龄委", null));
    }

    [Theory]
    [InlineData("养老,助残", 3_000_000L, 50, null)]
    [InlineData(" 养老 ,, 助残,", 0L, 0, "")]
    [InlineData("", 12L, 0, "  ")]
    [InlineData("养老 服务", 0L, 7, "Sunshine")]
    public void Initial_NewRecord_SameAsDiffOfAnEmptyFormAgainstTheRecord(string serviceFields, long fundsFen, int members, string? englishName)
    {
        var organization = Registered();
        organization.ServiceFields = serviceFields;
        organization.ActivityFundsFen = fundsFen;
        organization.IndividualMembers = members;
        organization.EnglishName = englishName;
        organization.Community = null;
        var changes = new List<FieldChange> { new("Stale", null, null) };

        RegisterFields.Initial(organization, changes);

        changes.ShouldBe(RegisterFields.Diff(new ApplicationForm { Type = organization.Type }, ApplicationForm.From(organization)));
    }

    private static Organization Registered() => new()
    {
        Id = 7,
        Name = "海曙区阳光养老协会",
        NormalizedName = "阳光养老",
        EnglishName = "Haishu Sunshine Elderly Care Association",
        Type = OrganizationType.SocialGroup,
        CreditCode = "51330203MJ0000001X",
        SupervisingUnit = "海曙区民政局",
        LegalRepresentative = "张三",
        District = "海曙区",
        Street = "南门街道",
        Community = "南门社区",
        Address = "宁波市海曙区解放南路1号",
        ServiceFields = "养老,助残",
        BusinessScope = "为辖区老人提供助餐、助浴服务",
        ActivityFundsFen = 3_000_000,
        IndividualMembers = 50,
        UnitMembers = 0,
        ContactName = "赵六",
        ContactPhone = "13800000000",
        ContactEmail = "sunshine@example.org",
    };
}
