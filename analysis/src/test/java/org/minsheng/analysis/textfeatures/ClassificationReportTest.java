package org.minsheng.analysis.textfeatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {
  @Test
  void computesAccuracyAndMacroF1() {
    ClassificationReport r = new ClassificationReport(List.of("a", "b", "c"));
    // a: 2 right, 1 predicted b; b: 1 right; c never occurs and is never predicted
    r.add(0, 0);
    r.add(0, 0);
    r.add(0, 1);
    r.add(1, 1);
    assertThat(r.n()).isEqualTo(4);
    assertThat(r.accuracy()).isEqualTo(0.75);
    // F1(a) = 2*1*(2/3)/(1+2/3) = 0.8; F1(b) = 2*0.5*1/1.5 = 0.6667
    assertThat(r.macroF1()).isCloseTo((0.8 + 2.0 / 3) / 2, within(1e-9));
    Map<String, Object> m = r.toMap();
    assertThat(((Map<?, ?>) m.get("per_class")).keySet().toString()).isEqualTo("[a, b]");
  }

  @Test
  void balancingEqualisesClassTotals() {
    List<LabeledText> data = List.of(new LabeledText("x", 0, "d", 1f), new LabeledText("y", 0, "d", 1f),
        new LabeledText("z", 0, "d", 1f), new LabeledText("w", 1, "d", 1f));
    List<LabeledText> b = TrainingRecipe.balance(data, 2, 1.0);
    double c0 = b.stream().filter(t -> t.label() == 0).mapToDouble(LabeledText::weight).sum();
    double c1 = b.stream().filter(t -> t.label() == 1).mapToDouble(LabeledText::weight).sum();
    assertThat(c0).isCloseTo(c1, within(1e-5));
    assertThat(c0 + c1).isCloseTo(4, within(1e-5));
  }
}
