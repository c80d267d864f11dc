package org.minsheng.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five real scraped pages in {@code src/test/resources/seeds/} (copied from the team's shared seeds) through the
 * default chain: spam blocks, filler lines, recommendation lists, boilerplate and pinyin residue go; the article's own
 * sentences stay.
 */
class SeedsCleaningTest {
  private static CleaningChain chain;

  @BeforeAll
  static void chain() {
    chain = CleaningChain.fromDefaults();
  }

  private static String seed(String name) throws IOException {
    try (InputStream in = SeedsCleaningTest.class.getResourceAsStream("/seeds/" + name)) {
      assertThat(in).as("seed " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void seed000NovelSiteLosesTitleListsAndRecommendations() throws IOException {
    String in = seed("000_83ea1a453d190977.txt");
    String out = chain.clean(in);
    assertThat(in).contains("魅魔模拟器", "热门小说推荐");
    assertThat(out).doesNotContain("魅魔模拟器", "五仙门", "热门小说推荐", "明朝第一权臣", "别忘记分享给朋友",
        "每日热搜小说推荐", "手机浏览器扫描二维码访问", "请大家收藏");
    assertThat(out).contains(
        "冰冻三尺非一日之寒,这句古老的谚语用在如今政府单位所面临的信任危机上简直是恰如其分。",
        "首先,持续增强政府公信力是关键。",
        "只有这样,我们的社会才能更加和谐,更加美好。");
  }

  @Test
  void seed001LosesInjectedFillerLines() throws IOException {
    String out = chain.clean(seed("001_7835b66b1029dbc8.txt"));
    assertThat(out).doesNotContain("我有了好吃的也会请她第一个品尝", "我仿佛听到了溪水和小桥的交谈", "新人新居,欢歌笑语",
        "有时候读书是一种巧妙地避开思考的方法", "春浓山腹,梅放岭头", "奢侈是舒适的", "我知道,他们出去不辞辛苦地挣钱",
        "送你一捧祝福的心泉", "愿你们的人生", "版权声明", "今天小编就为大家分享");
    assertThat(out).contains(
        "做好群众工作必须牢记党的宗旨。全心全意为人民服务的宗旨意识",
        "近些年来,国家取消农业税,农民告别千年税赋",
        "做好群众工作必须转变作风。",
        "群众工作要加强,关键在干部作风要沉下去。");
    assertThat(out.lines()).noneMatch(l -> l.startsWith("。"));
  }

  @Test
  void seed002LosesPinyinResidueAndBoilerplateAndBecomesSimplified() throws IOException {
    String in = seed("002_93cf25378fd78346.txt");
    String out = chain.clean(in);
    assertThat(in).contains("關(guān)注", "聽(tīng)");
    assertThat(out).doesNotContainPattern("\\p{IsHan}\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\\)");
    assertThat(out).doesNotContain("客服", "责任编辑", "免责声明", "图片新闻", "热点资讯", "欢迎投稿", "浏览量");
    assertThat(out).contains(
        "基层干部只有真心实意听取群众意见,才能听到真话、听到实话,才能汇聚最广泛的群众智慧,更好地指导工作实践。",
        "人民群众是历史的创造者,拥有无穷的智慧和力量");
  }

  @Test
  void seed003LosesSpamNavigationAndFooter() throws IOException {
    String in = seed("003_e856a977af3bd8f7.txt");
    String out = chain.clean(in);
    assertThat(in).contains("主站蜘蛛池模板");
    assertThat(out).doesNotContain("蜘蛛池", "国产一区欧美在线", "久久", "无码", "您的位置", "Copyright", "ICP备",
        "首页 新闻 国内", "关键词", "频道精选", "相关资料图");
    assertThat(out).contains(
        "“成本关”:油价高、补贴低,缺保障、下村难。",
        "有的乡镇统计,一年内被考评的目标任务加起来超过30项。",
        "北京大学政府管理学院教授赵成根等专家建议");
  }

  @Test
  void seed004DocumentSiteLosesSlideDebrisAndDuplicates() throws IOException {
    String in = seed("004_58304c7ac58db55a.txt");
    String out = chain.clean(in);
    assertThat(in).contains("合集下载", "THANKS", "谢谢您的观看");
    assertThat(out).doesNotContain("合集下载", "THANKS", "谢谢您的观看");
    assertThat(out.lines().filter(l -> l.equals("政民互动的总结体会"))).hasSize(1);
    assertThat(out.lines()).noneMatch(l -> l.matches("\\s*\\d{1,3}\\s*"));
    assertThat(out).contains("政民互动是指政权机构与公民之间进行沟通和互动的过程。",
        "通过政民互动,政府能够了解公民的需求和诉求,改进政策和服务,同时也增强了公民对政府的信任和参与感。");
  }
}
