namespace Registry.Browser.Tests.Infrastructure;

/// <summary>Browser journeys share one chromium and one app: mark a test class with <c>[Collection(BrowserJourneys.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserJourneys : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser journeys";
}
