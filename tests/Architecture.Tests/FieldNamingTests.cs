using System.CodeDom.Compiler;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Registry.Architecture.Tests;

/// <summary>
/// Private instance fields are named <c>_camelCase</c> (STYLE.md). The build enforces it through .editorconfig
/// (IDE1006 as an error, with EnforceCodeStyleInBuild); this checks the compiled result too, so a project that
/// stops honouring the rule (or code the analyzer does not see) is still caught (#24 item 6).
/// </summary>
public sealed partial class FieldNamingTests
{
    [Theory]
    [MemberData(nameof(Solution.UiAssemblyNames), MemberType = typeof(Solution))]
    public void PrivateInstanceFields_OfAssembly_AreUnderscoreCamelCase(string assembly)
    {
        var offenders = Offenders(Solution.UiAssembly(assembly).GetTypes());

        offenders.ShouldBeEmpty($"{assembly}: private instance fields not named _camelCase");
    }

    [Fact]
    public void Offenders_FixtureTypes_ReportsOnlyTheMisnamedField() =>
        Offenders([typeof(Named)]).ShouldBe([$"{typeof(Named).FullName}.Misnamed"]);

    private static List<string> Offenders(IEnumerable<Type> types) =>
    [
        .. from type in types
           where !IsGenerated(type)
           from field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
           where field.IsPrivate && !field.Name.StartsWith('<') && !field.IsDefined(typeof(CompilerGeneratedAttribute))
                 && !UnderscoreCamel().IsMatch(field.Name)
           select $"{type.FullName}.{field.Name}",
    ];

    /// <summary>Compiler and generator output (closures, Razor views, regex and JSON source generators) follows its own names.</summary>
    private static bool IsGenerated(Type type)
    {
        for (Type? t = type; t is not null; t = t.DeclaringType)
        {
            if (t.Name.StartsWith('<') || t.IsDefined(typeof(CompilerGeneratedAttribute)) || t.IsDefined(typeof(GeneratedCodeAttribute))
                || t.Namespace is "AspNetCoreGeneratedDocument" || (t.Namespace?.StartsWith("System.Text.RegularExpressions.Generated", StringComparison.Ordinal) ?? false))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("^_[a-z][A-Za-z0-9]*$")]
    private static partial Regex UnderscoreCamel();

    // The fixture for the self-check: one field in the house style, one not.
#pragma warning disable IDE1006, CS0169, IDE0044, IDE0051, CA1823 // deliberately misnamed and unused
    private sealed class Named
    {
        private int _wellNamed;
        private int Misnamed;
    }
#pragma warning restore IDE1006, CS0169, IDE0044, IDE0051, CA1823
}
