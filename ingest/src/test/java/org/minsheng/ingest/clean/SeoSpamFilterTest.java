package org.minsheng.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeoSpamFilterTest {
  private final SeoSpamFilter filter = new SeoSpamFilter();

  @Test
  void dropsSpiderPoolBlocksAndKeywordChains() {
    String text = String.join("\n",
        "国产一区欧美在线I久久一线I国产精品麻豆91I色爽黄I国产四虎影院I日本狠狠色",
        "当前，一些地方存在基层干部身在基层却脱离基层现象。",
        "主站蜘蛛池模板: 精品一区二区三区免费播放 | 性色av免费观看 | www精品国产",
        "久久免费视频在线 | 欧美老妇 | 亚洲午夜精品久久 | 色网视频 | 日韩一区二区三区免费高清");
    assertThat(filter.apply(text)).isEqualTo("当前，一些地方存在基层干部身在基层却脱离基层现象。");
  }

  @Test
  void keepsOrdinaryBarSeparatedLines() {
    String nav = "首页 | 城市快报 | 国内新闻 | 教育播报 | 在线访谈 | 本网原创";
    assertThat(filter.isSpam(nav)).isFalse();
    assertThat(filter.isSpam("Intel与AMD在China发布新品，IBM表示关注。")).isFalse();
  }
}
