package org.minsheng.analysis.keywords;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.minsheng.analysis.model.AnalyzedPost;

/**
 * Fills {@code keywords} (TF-IDF, top {@code k}) and {@code persons}, {@code places}, {@code organisations} (from the
 * segmenter's part-of-speech tags). Each subtask learns its own streaming document frequencies in bounded memory
 * (not checkpointed: after a restart they re-learn within a few thousand posts; keywords of the first posts lean on
 * term frequency). The topic clusterer keeps its own, global, frequencies.
 */
public final class KeywordEntityStage extends RichMapFunction<AnalyzedPost, AnalyzedPost> {
  private final int keywordsPerPost;
  private final int dfMaxTerms;
  private final double dfHalfLifeDocs;
  private final double entityBoost;
  private transient KeywordExtractor keywords;
  private transient EntityExtractor entities;

  public KeywordEntityStage(int keywordsPerPost, int dfMaxTerms, double dfHalfLifeDocs, double entityBoost) {
    this.keywordsPerPost = keywordsPerPost;
    this.dfMaxTerms = dfMaxTerms;
    this.dfHalfLifeDocs = dfHalfLifeDocs;
    this.entityBoost = entityBoost;
  }

  @Override
  public void open(OpenContext ctx) {
    keywords = new KeywordExtractor(new TermFilter(Stopwords.bundled()),
        new DocumentFrequencies(dfMaxTerms, dfHalfLifeDocs), entityBoost);
    entities = new EntityExtractor();
  }

  @Override
  public AnalyzedPost map(AnalyzedPost p) {
    p.keywords = KeywordExtractor.top(keywords.learnAndVectorise(p.tokens, p.pos), keywordsPerPost);
    EntityExtractor.Entities e = entities.extract(p.tokens, p.pos);
    p.persons = e.persons();
    p.places = e.places();
    p.organisations = e.organisations();
    return p;
  }
}
