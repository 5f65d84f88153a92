package org.policykb.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * StandardTokenizer → CJKWidthFilter → LowerCaseFilter → CJKBigramFilter (unigrams kept).
 * Bigrams instead of a dictionary segmenter, because segmenters cut department abbreviations (教体局) badly
 * and keep compounds (学前教育) whole; unigrams are kept so a one-character query still finds something.
 * The browser script (templates/assets/search.js) repeats this chain for queries; keep the two in step.
 */
public final class PolicyAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        // no max-token-length tweak: the default (255) never splits Chinese, which is one token per character
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, true);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new CJKWidthFilter(in));
    }
}
