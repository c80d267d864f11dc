package org.minsheng.analysis.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionaryTransformMatrixDictionary;
import com.hankcs.hanlp.dictionary.TransformMatrix;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HanLpTransformMatrixTest {
  private static final List<String> TEXTS = List.of("武汉大学的牌坊被拆除了，校友们很不满。",
      "春运期间高铁票价上调，铁路局回应称系正常调整。", "王小明在北京市海淀区参加了清华大学的招聘会。",
      "这家店的外卖太难吃了，再也不会点了！");

  private static List<String> tagged(HanLpSegmenter segmenter) {
    return TEXTS.stream().map(t -> segmenter.segment(t).toString()).toList();
  }

  @Test
  void segmenterLeavesTheMatrixExtendedSoTaggingStopsReallocatingIt() {
    HanLpSegmenter segmenter = new HanLpSegmenter();
    TransformMatrix matrix = CoreDictionaryTransformMatrixDictionary.transformMatrixDictionary;
    assertThat(matrix.states).hasSize(Nature.values().length);
    double[][] before = matrix.transititon_probability;
    segmenter.segment(TEXTS.get(0));
    assertThat(matrix.transititon_probability).as("no reallocation per sentence").isSameAs(before);
  }

  @Test
  void taggingIsTheSameAsWithHanLpsPerSentenceExtension() {
    HanLpSegmenter segmenter = new HanLpSegmenter();
    List<String> completed = tagged(segmenter);
    TransformMatrix matrix = CoreDictionaryTransformMatrixDictionary.transformMatrixDictionary;
    int[] full = matrix.states;
    synchronized (matrix) {
      try {
        // HanLP's own state: fewer states than natures, so every tagged sentence extends the matrix again
        matrix.states = Arrays.copyOf(full, full.length - 1);
        double[][] first = matrix.transititon_probability;
        List<String> perSentence = tagged(segmenter);
        assertThat(matrix.transititon_probability).as("HanLP 1.8.6 re-extends on every call").isNotSameAs(first);
        assertThat(perSentence).isEqualTo(completed);
      } finally {
        matrix.states = Arrays.copyOf(full, full.length - 1);
        assertThat(HanLpTransformMatrix.completeExtension()).isTrue();
      }
    }
    assertThat(HanLpTransformMatrix.completeExtension()).as("idempotent").isFalse();
    assertThat(tagged(segmenter)).isEqualTo(completed);
  }

  @Test
  void aCustomWordWithANewNatureIsCoveredToo() {
    HanLpSegmenter segmenter = new HanLpSegmenter(List.of("民声舆情 minsheng_test_nature"));
    assertThat(CoreDictionaryTransformMatrixDictionary.transformMatrixDictionary.states)
        .hasSize(Nature.values().length);
    assertThat(segmenter.segment("我们在看民声舆情的报告").toString()).contains("word=民声舆情, pos=minsheng_test_nature");
  }
}
