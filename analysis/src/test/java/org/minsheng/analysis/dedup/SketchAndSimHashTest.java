package org.minsheng.analysis.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SketchAndSimHashTest {
  private static final String ARTICLE = "国务院近日正式批复上海市关于撤销静安区、闸北区，设立新的静安区的请示。"
      + "同意以原两区的行政区域为新静安区的行政区域，区人民政府驻原闸北区人民政府驻地。\n"
      + "调整后上海市中心城区的格局将发生变化，市民对此反应不一。有居民表示支持，也有居民担心学区和房价受到影响。\n"
      + "专家认为，合并有利于统筹规划和公共服务均衡发展，相关部门将做好过渡期间的各项工作。";

  @Test
  void reprintWithChromeAndTraditionalScriptSharesTheSketch() {
    String reprint = "澎湃新闻记者 李娜\n來源：新華社\n" + com.hankcs.hanlp.HanLP.convertToTraditionalChinese(ARTICLE)
        + "\n责任编辑：张伟";
    assertTrue(SentenceSketch.reprints(SentenceSketch.of(ARTICLE), SentenceSketch.of(reprint)));
  }

  @Test
  void differentArticleOnTheSameSubjectIsNotAReprint() {
    String other = "上海市静安区与闸北区合并一周年，新静安区发布发展规划。规划提出打造国际静安和品质静安。\n"
        + "区长在发布会上介绍了重点项目的进展情况，并回答了记者提问。";
    assertFalse(SentenceSketch.reprints(SentenceSketch.of(ARTICLE), SentenceSketch.of(other)));
  }

  @Test
  void simhashBandsFindCopiesWithinThreeBits() {
    List<String> words = new ArrayList<>(List.of(ARTICLE.replaceAll("\\p{P}", "").split("")));
    long a = SimHash.of(words);
    assertEquals(0, SimHash.distance(a, SimHash.of(new ArrayList<>(words))));
    // pigeonhole: any hash within 3 bits shares at least one 16-bit band
    long b = a ^ (1L << 3) ^ (1L << 20) ^ (1L << 40);
    boolean shared = false;
    for (int i = 0; i < Bands.COUNT; i++) {
      shared |= Bands.key(a, i).equals(Bands.key(b, i));
    }
    assertTrue(shared);
    assertEquals("0000000000000000", SimHash.hex(SimHash.of(List.of())));
  }

  @Test
  void contentKeyIgnoresSpacingAndPunctuation() {
    assertEquals(ContentKey.of("你好，世界！ abc"), ContentKey.of("你好世界abc"));
  }

  @Test
  void simHashIsTheSameAsTheStringConcatenatingDefinition() {
    SplittableRandom random = new SplittableRandom(11);
    String[] pool = {"拆迁", "补偿", "强拆", " ", "", "\u3000", "ab", "a b", "新闻", "记者", "x", "一二三四五六", " 空格"};
    for (int n = 0; n < 2_000; n++) {
      List<String> tokens = new ArrayList<>();
      int len = random.nextInt(0, 40);
      for (int i = 0; i < len; i++) {
        tokens.add(random.nextInt(20) == 0 ? null : pool[random.nextInt(pool.length)]);
      }
      assertEquals(referenceSimHash(tokens), SimHash.of(tokens), tokens.toString());
    }
  }

  /** The definition SimHash.of had before it stopped building bigram strings; hashes stored in state rely on it. */
  private static long referenceSimHash(List<String> tokens) {
    int[] votes = new int[64];
    String prev = null;
    int features = 0;
    for (String w : tokens) {
      if (w == null || w.isBlank()) {
        continue;
      }
      referenceVote(votes, referenceHash(w));
      if (prev != null) {
        referenceVote(votes, referenceHash(prev + '\u0001' + w));
      }
      prev = w;
      features++;
    }
    if (features == 0) {
      return 0L;
    }
    long h = 0;
    for (int i = 0; i < 64; i++) {
      if (votes[i] > 0) {
        h |= 1L << i;
      }
    }
    return h;
  }

  private static void referenceVote(int[] votes, long h) {
    for (int i = 0; i < 64; i++) {
      votes[i] += ((h >>> i) & 1L) != 0 ? 1 : -1;
    }
  }

  private static long referenceHash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h;
  }
}
