package org.minsheng.analysis.sentiment;

import java.io.BufferedReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.minsheng.analysis.textfeatures.ClassificationReport;
import org.minsheng.analysis.textfeatures.CorpusFiles;
import org.minsheng.analysis.textfeatures.JsonOut;
import org.minsheng.cli.CliCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./minsheng eval sentiment --input FILE.csv}: streams a labelled CSV and prints accuracy, macro-F1 and
 * per-class figures. Labels 0/1 → two-way (negative vs positive, the likelier of the two); -1/0/1 (or the words
 * negative/neutral/positive) → three-way. Malformed rows are reported on stderr with their line number and counted.
 */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
    description = "Evaluate the polarity model on a labelled CSV (label|polarity, text|review|content).")
public final class EvalSentimentCommand implements CliCommand {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, description = "CSV file with a header.")
  Path input;

  @Option(names = "--model", description = "Model file; default: the shipped model.")
  Path model;

  @Override
  public List<String> path() {
    return List.of("eval", "sentiment");
  }

  @Override
  public Integer call() throws Exception {
    TrainedSentimentModel scorer = model == null ? new TrainedSentimentModel() : TrainedSentimentModel.fromFile(model);
    ClassificationReport twoWay = new ClassificationReport(List.of("negative", "positive"));
    ClassificationReport threeWay = new ClassificationReport(SentimentCorpus.CLASSES);
    boolean sawThreeWay = false;
    long malformed = 0;
    try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        CSVParser parser = CorpusFiles.csv(reader)) {
      String labelColumn = CorpusFiles.pick(parser.getHeaderMap(), List.of("label", "polarity"));
      String textColumn = CorpusFiles.pick(parser.getHeaderMap(), List.of("text", "review", "content"));
      if (labelColumn == null || textColumn == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), input + ": header " + parser.getHeaderNames()
            + " needs a label column (label|polarity) and a text column (text|review|content)");
      }
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        CSVRecord rec;
        try {
          if (!records.hasNext()) {
            break;
          }
          rec = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          malformed++;
          System.err.println(input + " line " + parser.getCurrentLineNumber() + ": unparseable CSV ("
              + e.getMessage() + "); the rest of the file cannot be read reliably and was not evaluated");
          break;
        }
        long line = rec.getParser().getCurrentLineNumber();
        String text = rec.isSet(textColumn) ? rec.get(textColumn) : null;
        String raw = rec.isSet(labelColumn) ? rec.get(labelColumn).strip().toLowerCase(Locale.ROOT) : null;
        Integer gold = raw == null ? null : LABELS.get(raw);
        if (text == null || text.isBlank() || gold == null) {
          malformed++;
          System.err.println(input + " line " + line + ": " + (gold == null ? "label '" + raw
              + "' is not one of -1/0/1, negative/neutral/positive" : "empty text") + ": skipped");
          continue;
        }
        Sentiment s = scorer.score(text);
        int three = s.label().ordinal(); // NEGATIVE, NEUTRAL, POSITIVE = 0, 1, 2
        if (gold == -1 || raw.equals("neutral") || raw.equals("negative") || raw.equals("positive")) {
          sawThreeWay = true;
        }
        threeWay.add(gold + 1, three);
        if (gold >= 0 && !raw.equals("neutral")) {
          // two-way reading: 0 = negative, 1 = positive; decision between P(negative) and P(positive)
          int g = raw.equals("negative") ? 0 : gold;
          twoWay.add(g, s.pPositive() > s.pNegative() ? 1 : 0);
        }
      }
    }
    Map<String, Object> result = (sawThreeWay ? threeWay : twoWay).toMap();
    result.put("mode", sawThreeWay ? "three-way" : "two-way");
    result.put("malformed", malformed);
    System.out.println(JsonOut.write(result));
    return 0;
  }

  private static final Map<String, Integer> LABELS = Map.of("-1", -1, "0", 0, "1", 1, "negative", -1, "neutral", 0,
      "positive", 1, "-1.0", -1, "0.0", 0, "1.0", 1);
}
