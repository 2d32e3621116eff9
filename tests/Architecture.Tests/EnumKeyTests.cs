using System.Text.RegularExpressions;
using Registry.Core.Localization;

namespace Registry.Architecture.Tests;

/// <summary>
/// Localization keys built at run time from a value (<c>L[$"Org.State.{state}"]</c>, <c>"Insp.Result." + result</c>):
/// every pattern in the source is mapped here to the enum whose values it shows, and every value of that enum has its
/// key in every culture, so a new enum value cannot reach a page as a raw key (#24 item 6). Patterns over values that
/// are not an enum are listed with where their values come from.
/// </summary>
public sealed partial class EnumKeyTests
{
    private static readonly string[] SourceFolders = ["src", "themes"];

    private static readonly Lazy<TextCatalog> Catalog = new(() => new TextCatalog(Solution.UiAssemblies));

    /// <summary>Pattern ("{}" is the value) → the module declaring the enum, its name, and values never shown.</summary>
    private static readonly Dictionary<string, (string Module, string Enum, string[] NotShown)> EnumPatterns = new(StringComparer.Ordinal)
    {
        ["Content.Item.State.{}"] = ("Content", "ContentState", []),
        // Publish and Review name the trigger they fired; Edit (saving a draft) is never named that way.
        ["Content.Item.Trigger.{}"] = ("Content", "ContentTrigger", ["Edit"]),
        ["Content.Home.Zone.{}"] = ("Content", "HomeZoneKind", []),
        ["Content.Site.Menu.Kind.{}"] = ("Content", "MenuLinkKind", []),
        ["Content.Media.Kind.{}"] = ("Core", "FileKind", []),
        ["Directory.Sort.{}"] = ("Directory", "DirectorySort", []),

        // The directory marks only the credit-list standings; "Good" shows no badge (Index.cshtml, Check.cshtml).
        ["Directory.Standing.{}"] = ("Organizations", "CreditStanding", ["Good"]),
        // The applicant takes only Close and Reopen; Answer is the officer's (Service.cshtml).
        ["Fb.FollowUp.Applicant.{}"] = ("Feedback", "FollowUpTrigger", ["Answer"]),
        ["Fb.FollowUpState.{}"] = ("Feedback", "FollowUpState", []),
        ["Fb.FollowUpTrigger.{}"] = ("Feedback", "FollowUpTrigger", []),
        ["Fb.Kind.{}"] = ("Feedback", "ServiceKind", []),
        ["Fb.Level.{}"] = ("Feedback", "SatisfactionLevel", []),
        ["Grant.Budget.{}"] = ("Grants", "BudgetCategory", []),
        ["Grant.List.Amount.{}"] = ("Grants", "FigureAmount", []),
        ["Grant.List.Stage.{}"] = ("Grants", "FigureStage", []),
        ["Grant.Phase.{}"] = ("Grants", "RoundPhase", []),
        ["Grant.Progress.Kind.{}"] = ("Grants", "ReportKind", []),
        ["Grant.Progress.Outcome.{}"] = ("Grants", "EvaluationOutcome", []),
        ["Grant.Progress.State.{}"] = ("Grants", "ReportState", []),
        ["Grant.Project.Condition.{}"] = ("Grants", "TrancheCondition", []),
        ["Grant.Project.Result.{}"] = ("Grants", "EvaluationOutcome", []),
        ["Grant.Project.RevisionState.{}"] = ("Grants", "RevisionState", []),
        ["Grant.Project.State.{}"] = ("Grants", "AgreementState", []),
        ["Grant.Project.Status.{}"] = ("Grants", "TrancheStatus", []),
        ["Grant.RankBy.{}"] = ("Grants", "RankingMethod", []),
        ["Grant.Stage.{}"] = ("Grants", "RoundStage", []),
        ["Grant.State.{}"] = ("Grants", "GrantState", []),
        ["Grant.Trigger.{}"] = ("Grants", "RoundTrigger", []),
        ["Grant.InspectionResult.{}"] = ("Inspections", "InspectionResult", []),

        // The dashboard's own names of the complaint causes the supervision contract names (ComplaintFigure.Cause).
        ["Rep.Complaints.Cause.{}"] = ("Supervision", "ComplaintCause", []),
        ["Insp.Cause.{}"] = ("Inspections", "EntryCause", []),
        ["Insp.Credit.List.{}"] = ("Inspections", "CreditList", []),
        ["Insp.Credit.Movement.{}"] = ("Inspections", "CreditListMovement", []),
        ["Insp.Exit.{}"] = ("Inspections", "ExitCause", []),
        ["Insp.Group.{}"] = ("Inspections", "ReportGroup", []),
        ["Insp.Mode.{}"] = ("Inspections", "CampaignMode", []),
        ["Insp.Party.{}"] = ("Inspections", "PartyOrganization", []),
        ["Insp.Prefill.Section.{}"] = ("Inspections", "PrefillSection", []),
        ["Insp.Prefill.Source.{}"] = ("Inspections", "PrefillSource", []),
        ["Insp.Rectification.{}"] = ("Inspections", "RectificationState", []),
        ["Insp.Result.{}"] = ("Inspections", "InspectionResult", []),
        ["Insp.Sector.Measure.{}"] = ("Inspections", "SectorMeasure", []),
        ["Insp.Sector.Party.{}"] = ("Inspections", "PartyGroup", []),
        ["Insp.State.{}"] = ("Inspections", "ReportState", []),
        ["Insp.Step.{}"] = ("Inspections", "ReportStep", []),
        ["Insp.StepStatus.{}"] = ("Inspections", "ReportStepStatus", []),
        ["Insp.Unit.Show.{}"] = ("Inspections", "UnitReportFilter", []),
        ["Insp.UnitOutcome.{}"] = ("Inspections", "UnitReviewOutcome", []),
        ["Notices.Kind.{}"] = ("Notices", "NoticeKind", []),
        ["Notices.Status.{}"] = ("Notices", "NoticeStatus", []),
        ["Org.App.Group.{}"] = ("Organizations", "ApplicationGroup", []),
        ["Org.FoundationKind.{}"] = ("Organizations", "FoundationKind", []),
        ["Org.Kind.{}"] = ("Organizations", "ApplicationKind", []),
        ["Org.Guide.{}.Summary"] = ("Organizations", "ApplicationKind", []),
        ["Org.Guide.{}.Who"] = ("Organizations", "ApplicationKind", []),
        ["Org.Guide.{}.LegalBasis"] = ("Organizations", "ApplicationKind", []),
        ["Org.State.{}"] = ("Organizations", "ApplicationState", []),
        ["Org.Status.{}"] = ("Organizations", "OrganizationStatus", []),
        ["Org.Trigger.{}"] = ("Organizations", "ApplicationTrigger", []),
        ["Org.Type.{}"] = ("Organizations", "OrganizationType", []),
        ["Rate.Admin.RuleSet.{}"] = ("Ratings", "RuleSet", []),
        ["Rate.Public.RuleSet.{}"] = ("Ratings", "RuleSet", []),
        ["Rate.Admin.State.{}"] = ("Ratings", "RatingState", []),
        ["Rate.App.State.{}"] = ("Ratings", "RatingState", []),
        ["Rate.Evaluation.Kind.{}"] = ("Ratings", "EvaluationKind", []),
        ["Rate.Fact.Source.{}"] = ("Ratings", "FactSource", []),
        ["Rate.Evaluation.Outcome.{}"] = ("Ratings", "EvaluationOutcome", []),
        ["Rate.Proposal.Cause.{}"] = ("Ratings", "ProposalCause", []),
        ["Rate.Proposal.State.{}"] = ("Ratings", "ProposalState", []),
        ["Rate.InspectionResult.{}"] = ("Inspections", "InspectionResult", []),
        ["Content.Search.Scope.{}"] = ("Content", "SiteSearchScope", []),
        ["Disclosure.Trigger.{}"] = ("Disclosure", "RequestTrigger", []),
        ["Disclosure.Done.{}"] = ("Disclosure", "RequestTrigger", []),
        ["Disclosure.Steps.Hint.{}"] = ("Disclosure", "RequestTrigger", ["Answer"]),
        ["Disclosure.Steps.Note.{}"] = ("Disclosure", "RequestTrigger", ["Answer"]),
        ["Disclosure.State.{}"] = ("Disclosure", "RequestState", []),
        ["Disclosure.AnswerType.{}"] = ("Disclosure", "AnswerType", []),
        ["Disclosure.Reply.Body.{}"] = ("Disclosure", "AnswerType", []),
        ["Disclosure.AnswerReason.{}"] = ("Disclosure", "AnswerReason", []),
        ["Disclosure.ApplicantKind.{}"] = ("Disclosure", "ApplicantKind", []),
        ["Disclosure.OrganizationKind.{}"] = ("Disclosure", "OrganizationKind", []),
        ["Disclosure.InformationForm.{}"] = ("Disclosure", "InformationForm", []),
        ["Disclosure.DeliveryMethod.{}"] = ("Disclosure", "DeliveryMethod", []),
        ["Disclosure.Event.{}"] = ("Disclosure", "RequestEventKind", []),
        ["Disclosure.Annual.Row.{}"] = ("Disclosure", "ReportRow", []),
        ["Disclosure.Annual.Column.{}"] = ("Disclosure", "ReportColumn", []),
        ["Disclosure.Annual.State.{}"] = ("Disclosure", "AnnualReportState", []),
        ["Disclosure.DueFilter.{}"] = ("Disclosure", "DueFilter", []),
        ["Disclosure.Mode.{}"] = ("Disclosure", "DisclosureMode", []),
        ["Grant.Obligation.{}"] = ("Grants", "ReportKind", []),
        ["Grant.Obligation.{}.Consequence"] = ("Grants", "ReportKind", []),
        ["Org.Workspace.Standing.{}"] = ("Organizations", "CreditStanding", []),
        ["Sup.CaseEvent.{}"] = ("Supervision", "CaseEventKind", []),
        ["Sup.CaseSource.{}"] = ("Supervision", "CaseSource", []),
        ["Sup.CaseState.{}"] = ("Supervision", "CaseState", []),
        ["Sup.CheckResult.{}"] = ("Supervision", "CheckResult", []),
        ["Sup.ComplaintCause.{}"] = ("Supervision", "ComplaintCause", []),
        ["Sup.ComplaintOutcome.{}"] = ("Supervision", "ComplaintOutcome", []),
        ["Sup.ComplaintState.{}"] = ("Supervision", "ComplaintState", []),
        ["Sup.ComplaintTrigger.{}"] = ("Supervision", "ComplaintTrigger", []),
        ["Sup.Measure.{}"] = ("Supervision", "PenaltyMeasure", []),
        ["Sup.PlanState.{}"] = ("Supervision", "PlanState", []),
        ["Sup.StandingFilter.{}"] = ("Supervision", "StandingFilter", []),
        ["Sup.StrataBy.{}"] = ("Supervision", "StrataBy", []),
        ["Sup.Trigger.{}"] = ("Supervision", "CaseTrigger", []),
        ["Org.PreReview.Party.{}"] = ("Organizations", "PreReviewParty", []),
        ["Core.SignOff.Step.{}"] = ("Core", "SignOffStep", []),
        ["Core.SignOff.Opinion.{}"] = ("Core", "SignOffStep", []),
        ["Documents.Kind.{}"] = ("Documents", "DocumentKind", []),
        ["Documents.Status.{}"] = ("Documents", "DocumentStatus", []),
        ["Cult.InspectionResult.{}"] = ("Inspections", "InspectionResult", []),
        ["Cult.Standing.{}"] = ("Organizations", "CreditStanding", []),
        ["Cult.List.AppState.{}"] = ("Cultivation", "ServiceApplicationState", []),
        ["Cult.List.AppTrigger.{}"] = ("Cultivation", "ServiceApplicationTrigger", []),
        ["Cult.List.CallState.{}"] = ("Cultivation", "CallState", []),
        ["Cult.List.CallTrigger.{}"] = ("Cultivation", "CallTrigger", []),
    };

    /// <summary>Patterns whose values are not an enum, and where those values come from (checked elsewhere or fixed in the page).</summary>
    private static readonly Dictionary<string, string> OtherPatterns = new(StringComparer.Ordinal)
    {
        ["Content.Item.Category.{}"] = "article categories declared by the content type (strings)",
        ["Content.Item.Culture.{}"] = "the site's cultures (SiteCultures.All)",
        ["Content.Item.Type.{}"] = "content type names registered in code",
        ["Content.Home.Type.{}"] = "organization type codes (OrganizationCodes.Types)",
        ["Content.Site.Footer.{}"] = "the footer's fixed field names",
        ["Content.Site.Menu.{}"] = "the two menu names, main and footer",
        ["Doc.{}"] = "document item codes from the registration settings",
        ["Documents.ApplicationKind.{}"] = "application kinds as the registration event names them (RegistrationDecided.Kind)",
        ["Documents.CertificateTitle.{}"] = "organization type codes (OrganizationCodes.Types)",
        ["Documents.InspectionResult.{}"] = "inspection results as the inspection event names them (InspectionResultRecorded.Result)",
        ["Error.{}.Title"] = "HTTP status codes, checked by LocalizationTests",
        ["Error.{}.Text"] = "HTTP status codes, checked by LocalizationTests",
        ["Grant.Indicator.{}"] = "Outcome or Output, chosen in the page",
        ["Grant.Review.Seat.{}"] = "a seat's display state computed in the page (ToDeclare, ToScore, Recused, Submitted)",
        ["Identity.{}"] = "Identity error codes, checked by LocalizationTests",
        ["Insp.Doc.{}"] = "document item codes from the inspection settings",
        ["Insp.Field.{}"] = "annual-report field names",
        ["Insp.Figures.Line.{}"] = "campaign modes as stored in the figures contract",
        ["Insp.Import.Column.{}"] = "import column names",
        ["Disclosure.{}"] = "mail and notification template names of the steps that tell the applicant (Mail.Disclosure.*, Notify.Disclosure.*)",
        ["Disclosure.Annual.Policy.{}"] = "the policy levels table 二 counts (AnnualReportFigures.PolicyLevels)",
        ["Disclosure.Annual.Outcome.{}"] = "the three lines of table 四 (Review, Suit, SuitAfterReview), fixed in the page",
        ["Form.{}"] = "the two kinds of date field, Date and DateTime (DateInputTagHelper)",
        ["Input.{}"] = "model-state names of a form's input fields (Notices' edit page), not catalog keys",
        ["Mail.{}.Subject"] = "mail template names",
        ["Mail.{}.Body"] = "mail template names",
        ["Notify.{}.Title"] = "notification template names",
        ["Notify.{}.Body"] = "notification template names",
        ["Org.Field.{}"] = "register field names",
        ["Org.Import.Format.{}"] = "import column names",
        ["Rate.Fact.{}"] = "the rating application's fact codes (RatingFacts.Fields), each label checked by RatingFactsTests",
        ["Rep.Grants.{}"] = "the report's own column names",
        ["Rep.Insp.{}"] = "the report's own row names",
        ["Rep.Kind.{}"] = "the report's list of application kinds",
        ["Rep.Sector.Measure.{}"] = "the sector section's own rows and columns (the measures it shows, money ones with a Yuan suffix)",
        ["Rep.Sector.Party.{}"] = "the sector section's own coverage columns",
        ["Rep.Status.{}"] = "the report's list of statuses",
        ["Rep.Summary.Kind.{}"] = "the report's list of application kinds",
        ["Rep.Summary.KindByType.{}"] = "the report's list of application kinds",
        ["Rep.Summary.Language.{}"] = "the site's cultures",
        ["Rep.Summary.TypeCount.{}"] = "organization type codes",
        ["Rep.Type.{}"] = "organization type codes",
        ["Role.{}"] = "RegistryRoles.All, checked by LocalizationTests",
        ["Theme.Language.{}"] = "the site's cultures, checked by LocalizationTests",
    };

    public static TheoryData<string> EnumPatternNames() => [.. EnumPatterns.Keys];

    [Fact]
    public void DynamicKeyPatterns_InSource_EachMappedToAnEnumOrExplained()
    {
        var found = Patterns(Solution.Root);
        found.Keys.ShouldContain("Org.State.{}", "the scan found no interpolated keys: it is looking in the wrong place");

        found.Where(p => !EnumPatterns.ContainsKey(p.Key) && !OtherPatterns.ContainsKey(p.Key))
            .Select(p => $"{p.Key} ({p.Value})")
            .ShouldBeEmpty("keys built from a value that this test does not know: map the pattern to its enum (or explain its values)");
    }

    [Fact]
    public void KnownPatterns_StillInSource()
    {
        var found = Patterns(Solution.Root);

        EnumPatterns.Keys.Concat(OtherPatterns.Keys).Where(p => !found.ContainsKey(p))
            .ShouldBeEmpty("patterns listed here but no longer in the source: drop them");
    }

    [Theory]
    [MemberData(nameof(EnumPatternNames))]
    public void EnumPattern_EveryValue_HasKeyInEveryCulture(string pattern)
    {
        var (module, name, notShown) = EnumPatterns[pattern];
        var type = Solution.DeclaredTypes(Solution.ModuleAssembly(module)).Where(t => t.IsEnum && t.Name == name).ShouldHaveSingleItem($"{module} declares no enum {name} (or more than one)");
        notShown.ShouldBeSubsetOf(Enum.GetNames(type));

        var missing = (from value in Enum.GetNames(type).Except(notShown)
                       let key = pattern.Replace("{}", value, StringComparison.Ordinal)
                       from culture in SiteCultures.All
                       where !Catalog.Value.All(culture).ContainsKey(key)
                       select $"{culture}: {key}").ToList();

        missing.ShouldBeEmpty($"values of {type.FullName} shown through {pattern} without a key");
    }

    [Fact]
    public void Patterns_Scanner_FindsInterpolatedAndConcatenatedKeysOnly()
    {
        const string text = """
            @L[$"Org.State.{app.State}"] @L[$"Org.Guide.{kind}.Summary"]
            localizer["Insp.Result." + result]
            var ns = $"Registry.{name}";
            """;

        Patterns(text, key => !key.StartsWith("Registry.", StringComparison.Ordinal)).Keys
            .ShouldBe(["Org.State.{}", "Org.Guide.{}.Summary", "Insp.Result.{}"], ignoreOrder: true);
    }

    /// <summary>Key patterns in src and themes whose literal prefix begins some key of the catalog (so log text and namespaces are not keys).</summary>
    private static Dictionary<string, string> Patterns(string root)
    {
        var keys = SiteCultures.All.SelectMany(c => Catalog.Value.All(c).Keys).ToHashSet(StringComparer.Ordinal);
        bool IsKeyPrefix(string prefix) => keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in SourceFolders.Select(f => Path.Combine(root, f)).Where(System.IO.Directory.Exists))
        {
            foreach (var path in System.IO.Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".cshtml", StringComparison.Ordinal))
                .Where(p => !p.Replace('\\', '/').Split('/').Any(part => part is "bin" or "obj" or "Migrations")))
            {
                foreach (var pattern in Patterns(File.ReadAllText(path), IsKeyPrefix).Keys)
                {
                    found.TryAdd(pattern, Path.GetRelativePath(root, path).Replace('\\', '/'));
                }
            }
        }

        return found;
    }

    private static Dictionary<string, string> Patterns(string text, Func<string, bool> isKeyPrefix)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Interpolated().Matches(text).Concat(Concatenated().Matches(text)))
        {
            var prefix = m.Groups["pre"].Value;
            if (isKeyPrefix(prefix))
            {
                found.TryAdd(prefix + "{}" + m.Groups["post"].Value, m.Value);
            }
        }

        return found;
    }

    // $"Org.State.{app.State}" and $"Org.Guide.{kind}.Summary": a dotted literal, one hole, an optional dotted tail.
    [GeneratedRegex("""\$"(?<pre>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*\.)\{[^{}\n]+?\}(?<post>(?:\.[A-Za-z0-9]+)*)(?=")""")]
    private static partial Regex Interpolated();

    // "Insp.Result." + result
    [GeneratedRegex("""(?<![\w$])"(?<pre>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*\.)"\s*\+(?<post>)""")]
    private static partial Regex Concatenated();
}
