package org.minsheng.analysis.textfeatures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Weibo emoticons ({@code [哈哈]}, {@code [泪]}, …): a built-in polarity list (written for this project) and a helper
 * that removes them, used in training so that the model does not learn only the emoticons the distant-supervision
 * labels of weibo_senti_100k came from.
 */
public final class Emoticons {
  private static final Pattern EMOTICON = Pattern.compile("\\[[^\\[\\]\\s]{1,8}\\]");

  static final List<String> POSITIVE = List.of("哈哈", "嘻嘻", "偷笑", "爱你", "心", "赞", "good", "鼓掌", "太开心", "可爱",
      "亲亲", "花心", "耶", "ok", "威武", "给力", "笑哈哈", "挤眼", "酷", "馋嘴", "礼物", "蛋糕", "鲜花", "微笑", "害羞",
      "好爱哦", "握手", "哈哈哈", "憧憬", "开心", "笑", "喜", "good!", "棒", "强", "愛你", "噢耶", "鼓掌鼓掌", "得意地笑",
      "嘿嘿", "色", "飞吻", "太阳", "赞啊", "互粉", "抱抱");
  static final List<String> NEGATIVE = List.of("怒", "泪", "衰", "抓狂", "悲伤", "伤心", "生病", "鄙视", "哼", "委屈", "吐",
      "失望", "怒骂", "汗", "晕", "可怜", "弱", "哭", "心碎", "囧", "打脸", "黑线", "左哼哼", "右哼哼", "闭嘴", "泪流满面",
      "崩溃", "蜡烛", "允悲", "费解", "生气", "大哭", "悲催", "淚", "抓狂了", "困", "怒吼", "不高兴");

  /** Value 1 positive, 2 negative; immutable. */
  static final WordTable POLARITY;

  static {
    Map<String, Short> m = new HashMap<>();
    POSITIVE.forEach(e -> m.put(e, (short) 1));
    NEGATIVE.forEach(e -> m.put(e, (short) 2));
    POLARITY = WordTable.of(m);
  }

  private Emoticons() {}

  /** The text without its bracketed emoticons. */
  public static String strip(String text) {
    return EMOTICON.matcher(text).replaceAll("");
  }

  public static boolean contains(String text) {
    return EMOTICON.matcher(text).find();
  }
}
