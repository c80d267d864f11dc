package org.minsheng.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ArticlePipelineTest {
  private final ArticlePipeline pipeline =
      ArticlePipeline.fromConfig(null, Clock.fixed(Instant.parse("2022-06-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void gbkBytesInCleanSimplifiedTextOut() throws Exception {
    byte[] page;
    try (InputStream in = getClass().getResourceAsStream("/extract/gbk-notice.html")) {
      page = in.readAllBytes();
    }
    Article a = pipeline.process(page, "text/html", "http://www.example.gov.cn/zwgk/notice.html");
    assertThat(a.title()).isEqualTo("关于开展夏季防汛安全检查的通知");
    assertThat(a.body()).contains("一、检查重点。").doesNotContain("网站首页");
  }

  @Test
  void traditionalPageWithPinyinResidueComesOutSimplified() {
    String html = "<html><head><meta charset=\"big5\"><title>基層幹部要多聽群眾的聲音</title></head><body>"
        + "<div class=\"nav\"><a href=\"/\">首頁</a> <a href=\"/n\">新聞</a></div><div class=\"content\">"
        + "<p>關(guān)注民生，服務(wù)社會(huì)。習近平總書記指出，要用好交換、比較、反覆的方法，重視聽取各方面意見。</p>"
        + "<p>基層幹部只有真心實意聽取群眾意見，才能聽到真話、聽到實話，更好地指導工作實踐。</p>"
        + "<p>【責任編輯:陸超】</p></div></body></html>";
    Article a = pipeline.process(html.getBytes(Charset.forName("Big5-HKSCS")), null, null);
    assertThat(a.title()).isEqualTo("基层干部要多听群众的声音");
    assertThat(a.body()).startsWith("关注民生，服务社会。")
        .contains("基层干部只有真心实意听取群众意见").doesNotContain("责任编辑", "(guān)");
  }
}
