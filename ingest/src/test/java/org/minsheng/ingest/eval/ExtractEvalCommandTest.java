package org.minsheng.ingest.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractEvalCommandTest {

  @Test
  void charOverlapIsOverNonWhitespaceCharacterMultisets() {
    CharOverlap o = CharOverlap.of("甲乙 乙\n丙", "甲乙丙丁");
    assertThat(o.precision()).isCloseTo(3 / 4.0, within(1e-9));
    assertThat(o.recall()).isCloseTo(3 / 4.0, within(1e-9));
    assertThat(o.f1()).isCloseTo(0.75, within(1e-9));
    assertThat(CharOverlap.of("", "甲").f1()).isZero();
    assertThat(CharOverlap.of("甲", "甲").f1()).isEqualTo(1.0);
  }

  @Test
  void macroAveragesOverGoldFilesCountingMissingPagesAsZero(@TempDir Path dir) throws Exception {
    Path html = Files.createDirectories(dir.resolve("html/site"));
    Path gold = Files.createDirectories(dir.resolve("gold"));
    String body = "记者从市住建局获悉，今年以来全市老旧小区加装电梯工作明显提速，已有一百二十台电梯完成安装。";
    String page = "<html><head><meta charset=\"gbk\"></head><body><div><a href=\"/\">首页</a> <a href=\"/n\">新闻</a>"
        + " <a href=\"/v\">视频</a></div><div><p>" + body + "</p></div></body></html>";
    Files.write(html.resolve("1.html"), page.getBytes(Charset.forName("GB18030")));
    Files.writeString(gold.resolve("site_1.txt"), body, StandardCharsets.UTF_8);
    Files.writeString(gold.resolve("site_2.txt"), "没有对应页面的金标准。", StandardCharsets.UTF_8);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ExtractEvalCommand command = new ExtractEvalCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    int exit = new CommandLine(command).execute("--html", dir.resolve("html").toString(), "--gold", gold.toString());
    assertThat(exit).isZero();
    JsonNode json = new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8));
    assertThat(json.get("pages").asInt()).isEqualTo(2);
    assertThat(json.get("precision").asDouble()).isCloseTo(0.5, within(1e-4));
    assertThat(json.get("recall").asDouble()).isCloseTo(0.5, within(1e-4));
    assertThat(json.get("f1").asDouble()).isCloseTo(0.5, within(1e-4));
    assertThat(json.get("failed").get(0).asText()).isEqualTo("site_2");
  }

  @Test
  void pathIsEvalExtract() {
    assertThat(new ExtractEvalCommand().path()).containsExactly("eval", "extract");
  }
}
