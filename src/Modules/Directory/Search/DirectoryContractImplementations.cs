using Lucene.Net.Analysis;
using Registry.Directory.Contracts;

namespace Registry.Directory.Search;

/// <summary>The directory's analysis as other modules' indexes use it: the very analyzer the directory indexes with.</summary>
internal sealed class ChineseTextAnalysis : IChineseTextAnalysis
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
}

/// <summary>The directory's relevance search for other modules (site search).</summary>
internal sealed class OrganizationSearch(DirectorySearch search) : IOrganizationSearch
{
    public OrganizationSearchResult Search(string? text, int count) => search.Top(text, count);
}
