package org.minsheng.analysis.recovery;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.minsheng.handoff.SpoolDirectoryWriter;
import org.minsheng.post.Post;

/**
 * The recovery tests' input: {@code r:<i>} posts on a few unrelated stories, one after the other in event time (each
 * story has its own words and its own hour), a post without text every {@value #INVALID_EVERY} (a dead letter),
 * strictly increasing publication times, and at the end "clock" posts far in the future that move the watermark past
 * everything. Words are drawn unevenly (a story's first words most often), a quarter of them from a pool shared by all
 * stories and one in ten from the previous story, so that term frequencies differ across the stream: a post's
 * keywords (their order by TF-IDF) then depend on the document frequencies learnt from every earlier post, and a run
 * that lost or re-learnt them after a restore gives other keywords than a clean run.
 */
final class RecoveryPosts {
  static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  static final int INVALID_EVERY = 250;
  /** The test's own posts (not the clock posts). */
  static final String REAL = "{\"prefix\":{\"id\":\"r:\"}}";
  private static final String[] REGIONS = {"北京", "上海", "广东", "四川"};
  private static final String[][] STORIES = {
      {"地铁三号线晚高峰故障停运", "地铁 停运 乘客 滞留 站台 信号 抢修 列车 晚点 换乘 运营 公司 通勤 拥挤"},
      {"幸福小区连续停水", "小区 停水 居民 物业 投诉 自来水 管道 爆裂 维修 水压 储水 业主 生活 不便"},
      {"实验中学食堂饭菜引发家长不满", "学校 食堂 家长 学生 午餐 分量 价格 教育局 整改 营养 卫生 校长 膳食 监督"},
      {"暴雨导致城区道路积水", "暴雨 积水 道路 预警 交警 司机 绕行 排水 气象台 内涝 车辆 熄火 雨量 抢险"},
  };
  private static final String[] SHARED = "网友 表示 情况 相关 部门 回应 视频 现场 消息 市民".split(" ");
  /** Posts per story before the next one starts; a story spans 12.5 min of event time, then a quiet spell. */
  static final int PER_STORY = 250;
  /** Heat and trend window ({@code topics.heat.windowMinutes} default). */
  static final long TREND_WINDOW_MS = 10 * 60_000L;
  private static final Duration STEP = Duration.ofSeconds(3);
  private static final Duration STORY_GAP = Duration.ofMinutes(110);

  private RecoveryPosts() {}

  static Instant publishedAt(int i) {
    int story = i / PER_STORY;
    return START.plus(STORY_GAP.multipliedBy(story)).plus(STEP.multipliedBy(i % PER_STORY));
  }

  static Post post(int i) {
    int story = (i / PER_STORY) % STORIES.length;
    String[] s = STORIES[story];
    String[] words = s[1].split(" ");
    String[] previous = STORIES[(story + STORIES.length - 1) % STORIES.length][1].split(" ");
    StringBuilder text = new StringBuilder();
    java.util.Random pick = new java.util.Random(i);
    for (int k = 0; k < 8; k++) {
      int kind = pick.nextInt(20);
      double u = pick.nextDouble();
      // uneven: u² favours the first words of a list
      String[] from = kind < 5 ? SHARED : kind < 7 && i >= PER_STORY ? previous : words;
      text.append(from[(int) (u * u * from.length)]);
      text.append(k % 3 == 2 ? "，" : "");
    }
    return Post.builder().id("r:" + i).platform("forum").site("bbs" + (i % 7) + ".example.cn")
        .region(region(i))
        .title(s[0])
        .text(text + "。第" + i + "帖")
        .publishedAt(publishedAt(i)).build();
  }

  static String region(int i) {
    return REGIONS[i % REGIONS.length];
  }

  /** No text: the job writes a dead letter for it. */
  static Post invalid(int i) {
    return Post.builder().id("bad:" + i).platform("forum").site("bbs.example.cn").text("")
        .publishedAt(publishedAt(i)).build();
  }

  /** Dead letters among the first {@code n} posts. */
  static int invalidIn(int n) {
    return (n + INVALID_EVERY - 1) / INVALID_EVERY;
  }

  /** Posts {@code from} (inclusive) to {@code to}, with the invalid ones. */
  static void send(SpoolDirectoryWriter spool, int from, int to) throws IOException {
    for (int i = from; i < to; i++) {
      spool.send(post(i));
      if (i % INVALID_EVERY == 0) {
        spool.send(invalid(i));
      }
    }
  }

  /**
   * Clock posts a day after the last story, in two files so that both source subtasks see one. Send them once every
   * post is read: a clock read before older files would make those late.
   */
  static void sendClock(SpoolDirectoryWriter spool, int total) throws IOException {
    Instant at = publishedAt(total).plus(Duration.ofDays(1));
    for (int k = 0; k < 2; k++) {
      spool.send(Post.builder().id("clock:" + k).platform("forum").site("clock.example.cn").text("时钟")
          .publishedAt(at.plusSeconds(k)).build());
      spool.flush();
    }
  }
}
