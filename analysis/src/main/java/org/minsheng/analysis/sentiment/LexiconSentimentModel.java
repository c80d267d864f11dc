package org.minsheng.analysis.sentiment;

import java.util.List;
import java.util.Objects;
import org.minsheng.analysis.nlp.Token;

/**
 * A transparent lexicon scorer: the placeholder {@link SentimentModel} until a trained model replaces it through
 * {@code analysis.sentiment.model}. It is meant to be explainable, not accurate.
 *
 * <p>Scoring, over the segmenter's tokens:
 * <ol>
 *   <li>Each token found in the lexicon contributes its signed weight {@code w}.</li>
 *   <li>Up to {@link #WINDOW} tokens before it (stopping at the previous sentiment word) are modifiers. Degree words
 *       multiply {@code w} ({@code 非常满意} = 1.8 × 1.5). An odd number of negations flips the sign and damps it by
 *       {@link #NEGATION_FACTOR} ({@code 不满意}-style phrases split by the segmenter, {@code 不好}); a negation in front
 *       of a degree word weakens instead of intensifying ({@code 不是很好}: the degree counts as 0.5).</li>
 *   <li>Positive contributions sum to {@code P}, negative ones (as magnitudes) to {@code N}.</li>
 *   <li>Pseudo-probabilities with a neutral prior {@code k} = {@link #NEUTRAL_PRIOR}: {@code pPos = P/(P+N+k)},
 *       {@code pNeg = N/(P+N+k)}, {@code pNeu = k/(P+N+k)}; {@code score = pPos − pNeg} ∈ (−1, 1).</li>
 *   <li>Label: neutral when {@code |score| < neutralBand} (default {@link #DEFAULT_NEUTRAL_BAND}), else the sign.
 *       Confidence: the pseudo-probability of the label's side, where for neutral that is {@code 1 − |score|}. These
 *       numbers are not calibrated; they only order texts by how much lexicon evidence they carry.</li>
 * </ol>
 *
 * <p>Known limits: no clause boundaries (the job's tokens have punctuation removed), no sarcasm, no topic-relative
 * polarity, a small vocabulary. Immutable and thread-safe.
 */
public final class LexiconSentimentModel implements SentimentModel {
  public static final int WINDOW = 3;
  public static final double NEGATION_FACTOR = 0.8;
  public static final double NEGATED_DEGREE = 0.5;
  public static final double NEUTRAL_PRIOR = 1.0;
  public static final double DEFAULT_NEUTRAL_BAND = 0.2;

  private final Lexicon lexicon;
  private final double neutralBand;

  public LexiconSentimentModel(Lexicon lexicon, double neutralBand) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    if (!(neutralBand >= 0 && neutralBand < 1)) {
      throw new IllegalArgumentException("neutralBand must be in [0, 1), was " + neutralBand);
    }
    this.neutralBand = neutralBand;
  }

  /** The bundled lexicon with the default neutral band. */
  public static LexiconSentimentModel bundled() {
    return new LexiconSentimentModel(Lexicon.bundled(), DEFAULT_NEUTRAL_BAND);
  }

  @Override
  public Sentiment score(String text, List<Token> tokens) {
    double positive = 0;
    double negative = 0;
    int lastSentiment = -1;
    for (int i = 0; i < tokens.size(); i++) {
      double w = lexicon.polarity(tokens.get(i).word());
      if (w == 0) {
        continue;
      }
      w *= modifier(tokens, Math.max(lastSentiment + 1, i - WINDOW), i);
      if (w > 0) {
        positive += w;
      } else {
        negative -= w;
      }
      lastSentiment = i;
    }
    return fromEvidence(positive, negative);
  }

  /** Combined effect of the negation and degree words in tokens[from, to). */
  private double modifier(List<Token> tokens, int from, int to) {
    double factor = 1;
    int negations = 0;
    for (int j = from; j < to; j++) {
      String word = tokens.get(j).word();
      if (lexicon.isNegation(word)) {
        negations++;
        continue;
      }
      double degree = lexicon.degree(word);
      if (degree > 0) {
        factor *= negations % 2 == 1 ? NEGATED_DEGREE : degree;
      }
    }
    if (negations % 2 == 1) {
      factor *= -NEGATION_FACTOR;
    }
    return factor;
  }

  Sentiment fromEvidence(double positive, double negative) {
    double total = positive + negative + NEUTRAL_PRIOR;
    double pPos = positive / total;
    double pNeg = negative / total;
    double pNeu = NEUTRAL_PRIOR / total;
    double score = pPos - pNeg;
    SentimentLabel label;
    double confidence;
    if (Math.abs(score) < neutralBand) {
      label = SentimentLabel.NEUTRAL;
      confidence = 1 - Math.abs(score);
    } else if (score > 0) {
      label = SentimentLabel.POSITIVE;
      confidence = pPos;
    } else {
      label = SentimentLabel.NEGATIVE;
      confidence = pNeg;
    }
    return new Sentiment(label, score, confidence, pNeg, pNeu, pPos);
  }
}
