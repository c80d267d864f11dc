package org.minsheng.analysis.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.minsheng.analysis.textfeatures.CorpusFiles;
import org.minsheng.analysis.textfeatures.Emoticons;
import org.minsheng.analysis.textfeatures.Hashing;
import org.minsheng.analysis.textfeatures.HeldOutTexts;
import org.minsheng.analysis.textfeatures.LabeledText;
import org.minsheng.analysis.textfeatures.TrainingRecipe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three-way polarity training data assembled from the shared data folder (layout of {@code shared/data}).
 * Class indices follow {@link #CLASSES}: 0 negative, 1 neutral, 2 positive.
 *
 * <p>Domains: {@code weibo_senti} (emoticon-labelled Weibo, two-way), {@code waimai} (food delivery reviews),
 * {@code shopping} (e-commerce reviews, 7 categories), {@code weibo_emotion} (SMP2020 virus_train, NLPCC 2013/2014,
 * CLUE emotion: emotions mapped to polarity, neutral/none to neutral, surprise left out), {@code news} (TNEWS
 * headlines as neutral, at reduced weight because headlines are not reliably neutral and their style differs).
 * SMP2020 {@code virus_eval_labeled} is the development set; texts of {@code usual_eval_labeled} (the test set) are
 * removed from the corpus ({@link HeldOutTexts}); a text that several corpora list is kept once, with its first label.
 */
public final class SentimentCorpus {
  private static final Logger LOG = LoggerFactory.getLogger(SentimentCorpus.class);
  public static final List<String> CLASSES = List.of("negative", "neutral", "positive");
  public static final int NEGATIVE = 0;
  public static final int NEUTRAL = 1;
  public static final int POSITIVE = 2;
  static final float NEWS_WEIGHT = 0.4f;
  /** Emoticon-derived labels are noisy; they count less than reviewed labels. */
  static final float WEIBO_SENTI_WEIGHT = 0.5f;
  /** Share of emoticon-bearing weibo_senti posts whose emoticons are removed before training. */
  static final int EMOTICON_DROP_PERCENT = 50;

  private SentimentCorpus() {}

  /** Polarity class of an emotion label of SMP2020 / NLPCC / CLUE, or -1 when it has none (surprise, unknown). */
  public static int polarityOfEmotion(String label) {
    return switch (label.toLowerCase(Locale.ROOT)) {
      case "happy", "happiness", "like" -> POSITIVE;
      case "angry", "anger", "sad", "sadness", "fear", "disgust" -> NEGATIVE;
      case "neutral", "none" -> NEUTRAL;
      default -> -1;
    };
  }

  /** Everything usable for training under {@code dataDir} (missing files are logged and skipped). */
  public static List<LabeledText> load(Path dataDir) throws IOException {
    List<LabeledText> out = new ArrayList<>();
    for (String f : List.of("sentiment/weibo_senti_100k_part/train.csv", "sentiment/weibo_senti_100k_part/dev.csv")) {
      binary(dataDir.resolve(f), "weibo_senti", true, WEIBO_SENTI_WEIGHT, out);
    }
    binary(dataDir.resolve("sentiment/waimai_10k/waimai_10k.csv"), "waimai", false, 1f, out);
    binary(dataDir.resolve("sentiment/online_shopping_7_cats/online_shopping_7_cats.csv"), "shopping", false, 1f, out);
    emotionJsonl(dataDir.resolve("emotion/smp2020_ewect/virus_train.jsonl"), "weibo_emotion", out);
    emotionCsv(dataDir.resolve("emotion/nlpcc2013_sentences/nlpcc2013_sentences.csv"), out);
    emotionCsv(dataDir.resolve("emotion/nlpcc2014_train_sentences/nlpcc2014_train_sentences.csv"), out);
    emotionJsonl(dataDir.resolve("emotion/clue_emotion2020/valid.jsonl"), "weibo_emotion", out);
    Path tnews = dataDir.resolve("topic/tnews_dev/dev.jsonl");
    if (Files.exists(tnews)) {
      for (CorpusFiles.Row r : CorpusFiles.readJsonl(tnews, "sentence", "label").rows()) {
        out.add(new LabeledText(r.text(), NEUTRAL, "news", NEWS_WEIGHT));
      }
    } else {
      LOG.warn("{} not found: no news headlines", tnews);
    }
    if (out.isEmpty()) {
      throw new IOException("no training data found under " + dataDir);
    }
    return TrainingRecipe.firstOccurrences(HeldOutTexts.without(out, dataDir));
  }

  /** The development set: SMP2020 virus_eval_labeled mapped to three-way polarity. */
  public static List<LabeledText> development(Path dataDir) throws IOException {
    List<LabeledText> out = new ArrayList<>();
    emotionJsonl(dataDir.resolve("emotion/smp2020_ewect/virus_eval_labeled.jsonl"), "virus_eval", out);
    return out;
  }

  private static void binary(Path file, String domain, boolean dropEmoticons, float weight,
      List<LabeledText> out)
      throws IOException {
    if (!Files.exists(file)) {
      LOG.warn("{} not found: skipped", file);
      return;
    }
    Map<String, Integer> labels = Map.of("0", NEGATIVE, "1", POSITIVE);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CorpusFiles.csv(reader)) {
      String labelColumn = CorpusFiles.pick(parser.getHeaderMap(), List.of("label"));
      String textColumn = CorpusFiles.pick(parser.getHeaderMap(), List.of("review", "text"));
      String catColumn = CorpusFiles.pick(parser.getHeaderMap(), List.of("cat"));
      if (labelColumn == null || textColumn == null) {
        throw new IOException(file + ": no label/review columns in " + parser.getHeaderNames());
      }
      for (CSVRecord rec : parser) {
        long line = parser.getCurrentLineNumber();
        Integer label = rec.isSet(labelColumn) ? labels.get(rec.get(labelColumn).strip()) : null;
        String text = rec.isSet(textColumn) ? rec.get(textColumn) : "";
        if (label == null || text.isBlank()) {
          LOG.warn("{} line {}: label not 0/1 or empty text: skipped", file, line);
          continue;
        }
        if (dropEmoticons && Math.floorMod(Hashing.mix(Hashing.of(text)), 100) < EMOTICON_DROP_PERCENT) {
          String stripped = Emoticons.strip(text);
          text = stripped.isBlank() ? text : stripped;
        }
        String sub = catColumn != null && rec.isSet(catColumn) ? "/" + rec.get(catColumn).strip() : "";
        out.add(new LabeledText(text, label, domain + sub, weight));
      }
    }
  }

  private static void emotionCsv(Path file, List<LabeledText> out) throws IOException {
    addByPolarity(CorpusFiles.readCsvIfPresent(file, List.of("label"), List.of("text", "content")), "weibo_emotion", out);
  }

  private static void emotionJsonl(Path file, String domain, List<LabeledText> out) throws IOException {
    addByPolarity(CorpusFiles.readJsonlIfPresent(file, "content", "label"), domain, out);
  }

  /** Adds emotion-labelled rows as polarity examples of {@code domain}; rows without a polarity are left out. */
  static void addByPolarity(List<CorpusFiles.Row> rows, String domain, List<LabeledText> out) {
    for (CorpusFiles.Row r : rows) {
      int label = polarityOfEmotion(r.label());
      if (label >= 0) {
        out.add(new LabeledText(r.text(), label, domain, 1f));
      }
    }
  }
}
