package org.minsheng.analysis.alert;

import java.util.ArrayList;
import java.util.List;

/** Hand-made window counts for rule tests. */
final class AlertFixtures {
  static final long W = 30_000;
  static final long T0 = 1_790_000_000_000L / W * W;

  private AlertFixtures() {}

  static WindowCount window(String type, String key, long index, long volume, long negative, int sites) {
    WindowCount w = new WindowCount();
    w.scopeType = type;
    w.scopeKey = key;
    w.windowStart = T0 + index * W;
    w.windowEnd = w.windowStart + W;
    w.volume = volume;
    w.negative = negative;
    w.heat = volume * 2.0;
    List<String> s = new ArrayList<>();
    for (int i = 0; i < sites; i++) {
      s.add("site" + i + ".cn");
    }
    w.sites = s;
    w.regions = new ArrayList<>(List.of("江苏"));
    w.keywords = new ArrayList<>(List.of("拆迁", "补偿"));
    if (volume > 0) {
      w.topPosts = new ArrayList<>(List.of(new PostRef("p" + index, "某地拆迁补偿引争议", "https://bbs.example.cn/t/" + index,
          "bbs.example.cn", 42)));
    }
    return w;
  }

  static WindowCount keyword(long index, long volume) {
    return window(ScopeType.KEYWORD, "拆迁", index, volume, volume / 5, 2);
  }
}
