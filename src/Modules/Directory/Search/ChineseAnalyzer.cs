using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Registry.Directory.Search;

/// <summary>
/// Chinese text as overlapping bigrams (养老服务 → 养老 老服 服务), Latin words lower-cased, full-width folded.
/// Unlike Lucene's CJKAnalyzer it drops no English stop words, so "A级" keeps its "a".
/// With <c>unigrams</c> it also emits single characters, for one-character queries on names.
/// </summary>
internal sealed class ChineseAnalyzer(bool unigrams) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream result = new CJKWidthFilter(source);
        result = new LowerCaseFilter(Version, result);
        result = new CJKBigramFilter(result, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, unigrams);
        return new TokenStreamComponents(source, result);
    }
}
