package org.minsheng.analysis.sentiment;

import java.util.Objects;
import java.util.ArrayList;
import java.util.List;
import org.minsheng.analysis.emotion.Emotion;
import org.minsheng.analysis.emotion.EmotionModel;
import org.minsheng.analysis.emotion.TrainedEmotionModel;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.nlp.Token;

/**
 * Fills the sentiment and emotion fields of an {@link AnalyzedPost} ({@code sentimentLabel}, {@code sentimentScore},
 * {@code sentimentConfidence}, {@code emotion}, {@code emotionProbabilities}). Not a Flink operator itself: the job's
 * sentiment operator creates one in {@code open()} (the models are thread-confined) and calls {@link #annotate}.
 */
public final class SentimentAnnotator {
  private final SentimentModel sentiment;
  private final EmotionModel emotion;

  /** @param emotion may be null: emotion fields are then left untouched */
  public SentimentAnnotator(SentimentModel sentiment, EmotionModel emotion) {
    this.sentiment = Objects.requireNonNull(sentiment, "sentiment model");
    this.emotion = emotion;
  }

  /** The shipped polarity and emotion models. */
  public static SentimentAnnotator trained() {
    return new SentimentAnnotator(new TrainedSentimentModel(), new TrainedEmotionModel());
  }

  public AnalyzedPost annotate(AnalyzedPost p) {
    String text = textOf(p);
    Sentiment s = sentiment.score(text, tokensOf(p));
    p.sentimentLabel = s.label().code();
    p.sentimentScore = s.score();
    p.sentimentConfidence = s.confidence();
    if (emotion != null) {
      Emotion e = emotion.classify(text);
      p.emotion = e.label().code();
      p.emotionProbabilities = e.probabilityMap();
    }
    return p;
  }

  /** The normalised text if the normalise stage ran, else title and text of the post. */
  static String textOf(AnalyzedPost p) {
    if (p.normalisedText != null) {
      return p.normalisedText;
    }
    if (p.post == null) {
      return "";
    }
    String title = p.post.title() == null ? "" : p.post.title();
    String body = p.post.text() == null ? "" : p.post.text();
    return title.isEmpty() ? body : body.isEmpty() ? title : title + "\n" + body;
  }

  private static List<Token> tokensOf(AnalyzedPost p) {
    if (p.tokens == null) {
      return List.of();
    }
    List<Token> tokens = new ArrayList<>(p.tokens.size());
    for (int i = 0; i < p.tokens.size(); i++) {
      String pos = p.pos != null && i < p.pos.size() ? p.pos.get(i) : "";
      tokens.add(new Token(p.tokens.get(i), pos));
    }
    return tokens;
  }
}
