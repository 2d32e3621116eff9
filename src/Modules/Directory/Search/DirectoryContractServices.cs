using Lucene.Net.Analysis;
using Registry.Directory.Contracts;

namespace Registry.Directory.Search;

/// <summary>The directory's analysis and search as other modules may use them (<see cref="IChineseTextAnalysis"/>, <see cref="IOrganizationSearch"/>).</summary>
internal sealed class DirectoryContractServices(DirectorySearch search) : IChineseTextAnalysis, IOrganizationSearch
{
    private static readonly Analyzer WithUnigrams = new ChineseAnalyzer(unigrams: true);
    private static readonly Analyzer BigramsOnly = new ChineseAnalyzer(unigrams: false);

    public Analyzer Bigrams => BigramsOnly;

    public Analyzer BigramsAndUnigrams => WithUnigrams;

    public (IReadOnlyList<string> Words, bool Truncated) Words(string? typed)
    {
        var (text, truncated) = DirectorySearch.Clean(typed);
        return ([.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(DirectorySearch.MaxWords)], truncated);
    }

    public IReadOnlyList<string> Tokens(string word) => DirectorySearch.Tokens(IndexFields.Name, word);

    public OrganizationSearchResult Search(string? text, int count) => search.Top(text, count);
}
