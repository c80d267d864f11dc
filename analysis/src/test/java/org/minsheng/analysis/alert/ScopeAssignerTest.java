package org.minsheng.analysis.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.alert.eval.AlertBenchCommand;
import org.minsheng.analysis.alert.watch.WatchRule;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.cli.CliCommand;
import org.minsheng.post.Post;
import picocli.CommandLine;

class ScopeAssignerTest {

  private static AnalyzedPost post(String text, String region, String site, boolean spam) {
    Post p = Post.builder().id("p1").platform("forum").site(site).url("https://" + site + "/t/1").title(null)
        .text(text).publishedAt(Instant.parse("2026-11-21T02:00:00Z")).region(region)
        .metrics(new Post.Metrics(3L, 4L, 5L, 100L)).build();
    AnalyzedPost a = new AnalyzedPost(p);
    a.normalisedText = text;
    a.tokens = List.of("AI", "换脸");
    a.sentimentLabel = "negative";
    a.topicId = "t9";
    a.spam = spam;
    return a;
  }

  private static ScopeAssigner assigner() {
    AlertSettings s = AlertSettings.defaults();
    s.scopes.keywords = List.of("拆迁", "ai", "暴雨");
    AlertSettings.WatchRuleSpec rule = new AlertSettings.WatchRuleSpec();
    rule.name = "江苏拆迁";
    rule.expression = "拆迁 AND (补偿 OR 强拆)";
    rule.regions = List.of("江苏");
    return new ScopeAssigner(s.scopes, List.of(WatchRule.fromSpec(rule)));
  }

  @Test
  void aPostCountsForItsTopicRegionKeywordsAndMatchingWatchRules() {
    List<ScopedPost> out = assigner().assign(post("城东拆迁补偿不公 AI 换脸", "江苏", "bbs.example.cn", false));
    assertThat(out).extracting(ScopedPost::scopeId)
        .containsExactly("topic:t9", "region:江苏", "keyword:拆迁", "keyword:ai", "watchlist:江苏拆迁");
    ScopedPost first = out.get(0);
    assertThat(first.negative).isTrue();
    assertThat(first.interactions).isEqualTo(12);
    assertThat(first.title).isEqualTo("城东拆迁补偿不公 AI 换脸");
    assertThat(first.eventTime).isEqualTo(Instant.parse("2026-11-21T02:00:00Z").toEpochMilli());
  }

  @Test
  void scopeFiltersAndSpamAreRespected() {
    assertThat(assigner().assign(post("城东拆迁补偿不公", "浙江", "a.cn", false))).extracting(ScopedPost::scopeId)
        .containsExactly("topic:t9", "region:浙江", "keyword:拆迁", "keyword:ai");
    assertThat(assigner().assign(post("城东拆迁补偿不公", "江苏", "a.cn", true))).isEmpty();
  }

  @Test
  void commandsAreRegisteredAndTheBenchPrintsOneJsonObject() {
    List<List<String>> paths = ServiceLoader.load(CliCommand.class).stream().map(p -> p.get().path()).toList();
    assertThat(paths).contains(List.of("bench", "alerts"));
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      int code = new CommandLine(new AlertBenchCommand()).execute("--days", "1", "--scopes", "3", "--seed", "5");
      assertThat(code).isZero();
    } finally {
      System.setOut(old);
    }
    String json = buf.toString(StandardCharsets.UTF_8).strip();
    assertThat(json).startsWith("{\"bursts\":").contains("\"median_delay_s\":").contains("\"p95_delay_s\":")
        .contains("\"false_alarms_per_day\":").endsWith("}").doesNotContain("\n");
  }
}
