package org.minsheng.analysis.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.analysis.emotion.EmotionLabel;
import org.minsheng.analysis.emotion.TrainEmotionCommand;
import org.minsheng.analysis.emotion.TrainedEmotionModel;
import picocli.CommandLine;

/** Runs both train commands end to end on a tiny hand-made folder laid out like shared/data (no lexicons). */
class TrainCommandsTest {
  @TempDir
  Path dir;

  private void write(String relative, List<String> lines) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private void fixtureData() throws IOException {
    List<String> reviews = new ArrayList<>(List.of("label,review"));
    List<String> emotions = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      reviews.add("1,味道很好，送得也快" + i);
      reviews.add("0,\"太难吃了,再也不点了" + i + "\"");
      emotions.add("{\"content\":\"今天真开心，好高兴" + i + "\",\"label\":\"happy\"}");
      emotions.add("{\"content\":\"气死我了，太过分了" + i + "\",\"label\":\"angry\"}");
      emotions.add("{\"content\":\"市政府召开会议部署工作" + i + "\",\"label\":\"neutral\"}");
    }
    write("sentiment/waimai_10k/waimai_10k.csv", reviews);
    write("emotion/smp2020_ewect/virus_train.jsonl", emotions);
    write("emotion/smp2020_ewect/virus_eval_labeled.jsonl", emotions.subList(0, 9));
  }

  private static void run(Object command, String... args) {
    PrintStream original = System.out;
    try (PrintStream ps = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
      System.setOut(ps);
      assertThat(new CommandLine(command).execute(args)).isZero();
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void trainSentimentWritesALoadableDeterministicModel() throws IOException {
    fixtureData();
    Path a = dir.resolve("a.gz");
    Path b = dir.resolve("b.gz");
    run(new TrainSentimentCommand(), "--data", dir.toString(), "--out", a.toString(), "--bits", "16");
    run(new TrainSentimentCommand(), "--data", dir.toString(), "--out", b.toString(), "--bits", "16");
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    TrainedSentimentModel model = TrainedSentimentModel.fromFile(a);
    assertThat(model.score("味道很好").score()).isGreaterThan(model.score("太难吃了").score());
  }

  @Test
  void trainEmotionWritesALoadableModel() throws IOException {
    fixtureData();
    Path out = dir.resolve("emotion.gz");
    run(new TrainEmotionCommand(), "--data", dir.toString(), "--out", out.toString(), "--bits", "16");
    TrainedEmotionModel model = TrainedEmotionModel.fromFile(out);
    assertThat(model.classify("今天真开心").label()).isEqualTo(EmotionLabel.HAPPY);
    assertThat(model.classify("气死我了").label()).isEqualTo(EmotionLabel.ANGRY);
  }
}
