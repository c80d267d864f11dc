package org.minsheng.analysis.dedup.eval;

import com.hankcs.hanlp.HanLP;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes realistic reprints of an article, the way portals and content farms copy each other: a changed header (site
 * banner, 原标题, dateline), an inserted 来源 line, a changed footer (责任编辑, disclaimer, "（完）"), a trimmed last
 * paragraph or first sentence, traditional script. Each reprint applies two to four of these at random (seeded, so a
 * run is repeatable). Trimming never removes more than a fifth of the text.
 */
public final class ReprintGenerator {
  private static final List<String> HEADERS = List.of("【新浪新闻】", "央广网北京消息", "本报讯（记者 王磊）",
      "中新网客户端", "澎湃新闻记者 李娜", "原标题：网友热议", "今日头条 | 热点", "凤凰网资讯讯");
  private static final List<String> SOURCES = List.of("来源：新华社", "来源：人民日报客户端", "来源：央视新闻",
      "来源：澎湃新闻", "文章来源：中国青年网", "来源：北京日报");
  private static final List<String> FOOTERS = List.of("责任编辑：张伟", "（完）", "编辑：刘洋 审核：陈静",
      "免责声明：本文转自网络，版权归原作者所有，如有侵权请联系删除。", "点击关注，获取更多资讯", "【纠错】 【责任编辑：赵强】");

  private final Random random;

  public ReprintGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** One reprint of {@code text} (paragraphs separated by line breaks) and the transformations applied. */
  public record Reprint(String text, List<String> transformations) {}

  public Reprint reprint(String text) {
    List<String> ops = new ArrayList<>(List.of("header", "source", "footer", "trim", "traditional"));
    java.util.Collections.shuffle(ops, random);
    List<String> chosen = new ArrayList<>(ops.subList(0, 2 + random.nextInt(3)));
    List<String> paras = new ArrayList<>(Arrays.asList(text.split("\n")));
    paras.removeIf(String::isBlank);
    if (chosen.contains("trim")) {
      trim(paras, text.length());
    }
    if (chosen.contains("header")) {
      paras.add(0, pick(HEADERS));
    }
    if (chosen.contains("source")) {
      paras.add(random.nextBoolean() ? Math.min(1, paras.size()) : paras.size(), pick(SOURCES));
    }
    if (chosen.contains("footer")) {
      paras.add(pick(FOOTERS));
    }
    String out = String.join("\n", paras);
    if (chosen.contains("traditional")) {
      out = HanLP.convertToTraditionalChinese(out);
    }
    return new Reprint(out, chosen);
  }

  private void trim(List<String> paras, int length) {
    int budget = length / 5;
    if (paras.size() > 2 && paras.get(paras.size() - 1).length() <= budget) {
      paras.remove(paras.size() - 1);
      return;
    }
    String first = paras.get(0);
    int cut = first.indexOf('。');
    if (cut > 0 && cut + 1 < first.length() && cut + 1 <= budget) {
      paras.set(0, first.substring(cut + 1));
    }
  }

  private String pick(List<String> options) {
    return options.get(random.nextInt(options.size()));
  }
}
