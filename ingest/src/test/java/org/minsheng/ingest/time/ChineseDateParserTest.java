package org.minsheng.ingest.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseDateParserTest {
  private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
  /** 2022-03-25 12:00 in Shanghai. */
  private static final Instant NOW = LocalDateTime.of(2022, 3, 25, 12, 0).atZone(SH).toInstant();
  private final ChineseDateParser parser = new ChineseDateParser();

  private static Instant sh(int y, int mo, int d, int h, int mi, int s) {
    return LocalDateTime.of(y, mo, d, h, mi, s).atZone(SH).toInstant();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2022-03-25 08:39|2022-03-25T08:39:00",
      "2022-03-25 08:39:15|2022-03-25T08:39:15",
      "2022/3/25|2022-03-25T00:00:00",
      "2022.03.25|2022-03-25T00:00:00",
      "2022年3月25日 08:39|2022-03-25T08:39:00",
      "2022年03月25日08:39|2022-03-25T08:39:00",
      "2019年9月7日 13时43分|2019-09-07T13:43:00",
      "发布时间：2019-05-18 来源：中国地理学会|2019-05-18T00:00:00",
      "2019-9-7 21:30:50|2019-09-07T21:30:50",
      "2007-08-20-23:59:59|2007-08-20T23:59:59",
      "19-09-07 13:43|2019-09-07T13:43:00",
      "２０２２年３月２５日 ０８：３９|2022-03-25T08:39:00",
      "2014-03|2014-03-01T00:00:00",
      "3月25日|2022-03-25T00:00:00",
      "03月20日 13:43|2022-03-20T13:43:00",
      "12月30日|2021-12-30T00:00:00",
      "昨天 15:20|2022-03-24T15:20:00",
      "前天|2022-03-23T00:00:00",
      "今天 09:05|2022-03-25T09:05:00"})
  void localShapesAreReadInShanghaiTime(String text, String expectedLocal) {
    Instant expected = LocalDateTime.parse(expectedLocal).atZone(SH).toInstant();
    assertThat(parser.parse(text, NOW)).contains(expected);
  }

  @Test
  void relativeTimes() {
    assertThat(parser.parse("刚刚", NOW)).contains(NOW);
    assertThat(parser.parse("5分钟前", NOW)).contains(NOW.minusSeconds(300));
    assertThat(parser.parse("3小时前", NOW)).contains(NOW.minusSeconds(3 * 3600));
    assertThat(parser.parse("半小时前", NOW)).contains(NOW.minusSeconds(1800));
    assertThat(parser.parse("2天前", NOW)).contains(sh(2022, 3, 23, 12, 0, 0));
  }

  @Test
  void offsetsAreHonoured() {
    assertThat(parser.parse("2019-09-07T13:43:45+08:00", NOW)).contains(sh(2019, 9, 7, 13, 43, 45));
    assertThat(parser.parse("2019-09-07T05:43:45Z", NOW)).contains(sh(2019, 9, 7, 13, 43, 45));
    assertThat(parser.parse("2019-09-07T13:43:45.123+0800", NOW)).contains(sh(2019, 9, 7, 13, 43, 45));
  }

  @Test
  void weiboCreatedAt() {
    assertThat(parser.parse("Fri Mar 25 08:39:00 +0800 2022", NOW)).contains(sh(2022, 3, 25, 8, 39, 0));
    // a wrong weekday (fake servers, old captures) does not lose the date
    assertThat(parser.parse("Mon Mar 25 08:39:00 +0800 2022", NOW)).contains(sh(2022, 3, 25, 8, 39, 0));
  }

  @Test
  void rfc1123WithChineseCst() {
    assertThat(parser.parse("Fri, 25 Mar 2022 00:39:00 GMT", NOW)).contains(sh(2022, 3, 25, 8, 39, 0));
    assertThat(parser.parse("Fri, 25 Mar 2022 08:39:00 CST", NOW)).contains(sh(2022, 3, 25, 8, 39, 0));
    assertThat(parser.parse("Fri, 25 Mar 2022 08:39:00 +0800", NOW)).contains(sh(2022, 3, 25, 8, 39, 0));
  }

  @Test
  void aDayWordInsideASentenceIsNotATimestamp() {
    assertThat(parser.parse("新京报快讯（记者 裴剑飞）今日有网友在微博发布消息称", NOW)).isEmpty();
    assertThat(parser.parse("今日 09:05", NOW)).contains(sh(2022, 3, 25, 9, 5, 0));
    assertThat(parser.parse("昨天", NOW)).contains(sh(2022, 3, 24, 0, 0, 0));
  }

  @Test
  void rejectsTheFutureTheAncientAndNonsense() {
    assertThat(parser.parse("2030-01-01 10:00", NOW)).isEmpty();
    assertThat(parser.parse("1985-01-01", NOW)).isEmpty();
    assertThat(parser.parse("2022-13-45", NOW)).isEmpty();
    assertThat(parser.parse("没有日期的一句话", NOW)).isEmpty();
    assertThat(parser.parse("", NOW)).isEqualTo(Optional.empty());
    assertThat(parser.parse(null, NOW)).isEmpty();
  }
}
