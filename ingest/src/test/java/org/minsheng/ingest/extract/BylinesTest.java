package org.minsheng.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.minsheng.ingest.time.ChineseDateParser;

class BylinesTest {
  private final Bylines bylines = new Bylines();

  @Test
  void readsSourceAndAuthorLabels() {
    assertThat(bylines.source("2019-09-26 12:11来源：证券时报网作者：李在山")).contains("证券时报网");
    assertThat(bylines.source("2019-09-07 13:43:45　来源: 新京报 举报")).contains("新京报");
    assertThat(bylines.author("来源：证券时报网 作者：李在山")).contains("李在山");
    assertThat(bylines.author("【文/观察者网专栏作者 王文】")).contains("王文");
    assertThat(bylines.author("本报记者 张三")).contains("张三");
  }

  @Test
  void aReporterVerbIsNotAName() {
    assertThat(bylines.author("记者表示，截至发稿时尚未收到回应。")).isEmpty();
    assertThat(bylines.author("记者了解到，涉事项目的名称为长沙")).isEmpty();
  }

  @Test
  void siteNameInAuthorMetaIsRejectedAndAsideBylineIsRead() {
    String html = "<html><head><title>标题在这里很长_网易财经</title><meta name=\"author\" content=\"网易\"></head><body>"
        + "<h1>标题在这里很长</h1><aside class=\"info\">2019-09-05 11:10 作者：李四</aside>"
        + "<div><p>正文第一段，内容足够长，有标点符号。</p><p>正文第二段，同样足够长，也有标点。</p></div></body></html>";
    Article a = new ArticleExtractor(SiteSelectors.none(), new ChineseDateParser(),
        Clock.fixed(Instant.parse("2022-01-01T00:00:00Z"), ZoneOffset.UTC)).extract(html, null);
    assertThat(a.author()).isEqualTo("李四");
    assertThat(a.publishedAt())
        .isEqualTo(LocalDateTime.of(2019, 9, 5, 11, 10).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }
}
