package org.minsheng.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BoilerplateLineFilterTest {
  private final BoilerplateLineFilter filter = new BoilerplateLineFilter();

  @Test
  void dropsEditorCopyrightServiceKeywordNavigationAndBylineLines() {
    String kept = "基层干部只有真心实意听取群众意见，才能听到真话、听到实话。";
    String text = String.join("\n",
        "首页 新闻 国内 聚焦 教育 关注 热点 要闻",
        "您的位置:首页>新闻 > 国内 >",
        "2022-03-25 08:39 来源: 编辑:供稿 浏览量:0",
        kept,
        "【责任编辑:陆超】",
        "江苏苏讯网客服:025-86163400",
        "关键词:",
        "版权声明:本文内容由互联网用户自发贡献，该文观点仅代表作者本人。",
        "Copyright @2008-2018 经贸网 版权所有 豫ICP备18004326号-5",
        "手机浏览器扫描二维码访问",
        "首页 | 城市快报 | 国内新闻 | 教育播报 | 在线访谈 | 本网原创 | 娱乐看点",
        "12");
    assertThat(filter.apply(text)).isEqualTo(kept);
  }

  @Test
  void keepsArticleSentencesThatMentionTheSameWords() {
    String text = "记者从客服中心了解到，投诉电话全天开通，群众反映的问题将在三日内答复。\n"
        + "来源于群众的意见，是改进工作的依据，编辑部将持续跟踪报道。";
    assertThat(filter.apply(text)).isEqualTo(text);
  }

  @Test
  void patternsAreConfigurable() throws Exception {
    filter.configure(new ObjectMapper().readTree("{\"patterns\": [\"^广告\"], \"shortPatterns\": []}"));
    assertThat(filter.apply("广告：欢迎订阅\n【责任编辑:陆超】")).isEqualTo("【责任编辑:陆超】");
  }
}
