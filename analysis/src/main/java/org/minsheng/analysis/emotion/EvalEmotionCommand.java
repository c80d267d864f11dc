package org.minsheng.analysis.emotion;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.minsheng.analysis.textfeatures.ClassificationReport;
import org.minsheng.analysis.textfeatures.CorpusFiles;
import org.minsheng.analysis.textfeatures.JsonOut;
import org.minsheng.cli.CliCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./minsheng eval emotion --input FILE.jsonl}: streams JSON Lines with {@code content} and {@code label}
 * (happy/angry/sad/fear/surprise/neutral; NLPCC/CLUE names are mapped) and prints accuracy, macro-F1 and per-class
 * figures. Malformed lines are reported on stderr with their number and counted.
 */
@Command(name = "emotion", mixinStandardHelpOptions = true,
    description = "Evaluate the emotion model on JSON Lines with content and label.")
public final class EvalEmotionCommand implements CliCommand {
  @Option(names = "--input", required = true, description = "JSON Lines file.")
  Path input;

  @Option(names = "--model", description = "Model file; default: the shipped model.")
  Path model;

  @Override
  public List<String> path() {
    return List.of("eval", "emotion");
  }

  @Override
  public Integer call() throws Exception {
    TrainedEmotionModel classifier = model == null ? new TrainedEmotionModel() : TrainedEmotionModel.fromFile(model);
    ClassificationReport report = new ClassificationReport(TrainedEmotionModel.CLASSES);
    long[] malformed = {0};
    CorpusFiles.streamJsonl(input, "content", "label", row -> {
      EmotionLabel gold = EmotionLabel.fromDatasetLabel(row.label());
      if (gold == null) {
        malformed[0]++;
        System.err.println(input + " line " + row.line() + ": unknown label '" + row.label() + "': skipped");
        return;
      }
      report.add(gold.ordinal(), classifier.classify(row.text()).label().ordinal());
    }, (line, reason) -> {
      malformed[0]++;
      System.err.println(input + " line " + line + ": " + reason + ": skipped");
    });
    Map<String, Object> result = report.toMap();
    result.put("malformed", malformed[0]);
    System.out.println(JsonOut.write(result));
    return 0;
  }
}
