package org.minsheng.analysis.dedup;

import org.minsheng.analysis.model.AnalyzedPost;

/**
 * What {@link DuplicateVerdictJoin} keeps of a post while it waits for its verdicts (up to the watermark bound,
 * {@code analysis.eventTime.maxOutOfOrderness} of event time): every post in that span sits in keyed state and is
 * written into every checkpoint, so the held copy carries only what the stages after it read.
 *
 * <p>The text-stage document is already written when a post reaches the join. After it, the stages read the
 * normalised text, tokens and tags (keywords, clustering, watch lists) and, for untitled posts, the start of the raw
 * text as a title or snippet. So the held copy keeps the first {@link #TEXT_KEPT} characters of the raw text and
 * drops the emotion probabilities; long news texts were a third of the state the job checkpointed.
 */
final class HeldPost {
  /** Characters of the raw text kept: more than any title or snippet downstream uses (60 and 40). */
  static final int TEXT_KEPT = 200;

  private HeldPost() {}

  /** Slims {@code p} in place (it is the join's own deserialised copy) and returns it. */
  static AnalyzedPost slim(AnalyzedPost p) {
    p.emotionProbabilities = null;
    String text = p.post.text();
    if (text != null && text.length() > TEXT_KEPT) {
      int end = Character.isHighSurrogate(text.charAt(TEXT_KEPT - 1)) ? TEXT_KEPT - 1 : TEXT_KEPT;
      p.post = p.post.toBuilder().text(text.substring(0, end)).build();
    }
    return p;
  }
}
