package org.minsheng.analysis.keywords;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.minsheng.analysis.model.AnalyzedPost;

/**
 * Fills {@code persons}, {@code places}, {@code organisations} (from the segmenter's part-of-speech tags): what depends
 * on the post alone, so it runs in the parallel stage. Keywords are not chosen here: they depend on document
 * frequencies learnt from the stream, which live in the event-time-ordered clustering operator and its checkpointed
 * state ({@code TopicClusterFunction}), so that a post's keywords do not depend on which subtask saw which post or on a
 * restore (docs/TOPICS.md, "State and determinism").
 */
public final class EntityStage extends RichMapFunction<AnalyzedPost, AnalyzedPost> {
  private static final long serialVersionUID = 1L;
  private transient EntityExtractor entities;

  @Override
  public void open(OpenContext ctx) {
    entities = new EntityExtractor();
  }

  @Override
  public AnalyzedPost map(AnalyzedPost p) {
    EntityExtractor.Entities e = entities.extract(p.tokens, p.pos);
    p.persons = e.persons();
    p.places = e.places();
    p.organisations = e.organisations();
    return p;
  }
}
