package org.minsheng.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecommendationListFilterTest {
  private final RecommendationListFilter filter = new RecommendationListFilter();

  @Test
  void dropsTitleListsAndEverythingAfterATailMarker() {
    String text = String.join("\n",
        "有了这个基础，组织群众参与，那就是水到渠成的事了。",
        "基层治理，需要政府与群众的共同努力，需要我们每个人的参与和付出。",
        "魅魔模拟器  五仙门  是谁偷走了我的百亿集团  病弱小姑大院吃瓜日常  逍遥医圣闹都市",
        "只有这样，我们的社会才能更加和谐，更加美好。",
        "热门小说推荐",
        "明朝第一权臣",
        "魂穿明朝正统年间的一个惹了一身风流债的官二代。如果您喜欢明朝第一权臣，别忘记分享给朋友...");
    assertThat(filter.apply(text)).isEqualTo(String.join("\n",
        "有了这个基础，组织群众参与，那就是水到渠成的事了。",
        "基层治理，需要政府与群众的共同努力，需要我们每个人的参与和付出。",
        "只有这样，我们的社会才能更加和谐，更加美好。"));
  }

  @Test
  void aMarkerAtTheTopDoesNotCutTheArticle() {
    String text = "相关阅读\n第一段正文，内容很长。\n第二段正文，内容也很长。\n第三段。";
    assertThat(filter.apply(text)).isEqualTo(text);
  }

  @Test
  void blurbLinesGo() {
    assertThat(filter.apply("正文第一段。\n如果您喜欢甜妻入怀，别忘记分享给朋友...\n正文第二段。"))
        .isEqualTo("正文第一段。\n正文第二段。");
  }
}
