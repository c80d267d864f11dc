package org.minsheng.ingest.extract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads author and 来源 from byline text near the title or at the end of the body ("2019-09-07 13:43:45　来源: 新京报",
 * "来源：证券时报网 作者：李在山", "本报记者 张三"). Labels, not class names, because portals hash their class names.
 */
final class Bylines {
  private static final String STOP = "[^\\s　|丨/，,。;；:：【】\\[\\]()（）<>]";
  private static final Pattern SOURCE = Pattern.compile(
      "(?:信息来源|文章来源|本文来源|稿件来源|来源)\\s*[:：]\\s*(" + STOP + "{2,30})");
  private static final Pattern AUTHOR = Pattern.compile(
      "(?:作者|撰文|撰稿|文\\s*/|文)\\s*[:：/]\\s*(" + STOP + "{2,20}(?:[ 、](?![编来责发时日浏])" + STOP + "{2,4}){0,3})");
  private static final Pattern REPORTER = Pattern.compile("(?:本报|本台|本刊)?记者\\s*[:：]?\\s*"
      + "(?!表示|了解|获悉|发现|注意|调查|采访|走访|从|在|向|对|近日|日前|昨日|今天|今日|获知|看到|证实|联系)([\\p{IsHan}·]{2,4}(?:[ 、][\\p{IsHan}·]{2,4}){0,3})(?=\\s|$|[，,。）)])");

  Optional<String> source(String text) {
    Matcher m = SOURCE.matcher(text);
    return m.find() ? Optional.of(clean(m.group(1))) : Optional.empty();
  }

  Optional<String> author(String text) {
    Matcher m = AUTHOR.matcher(text);
    if (m.find()) {
      return Optional.of(clean(m.group(1)));
    }
    Matcher r = REPORTER.matcher(text);
    if (r.find() && text.length() < 80) {
      return Optional.of(clean(r.group(1)));
    }
    return Optional.empty();
  }

  /** Strips the {@code 来源：} prefix that people.com.cn puts in its meta tag, and trailing label words. */
  static String clean(String value) {
    String v = value.strip().replaceFirst("^(?:信息来源|文章来源|本文来源|来源)\\s*[:：]\\s*", "");
    v = v.replaceFirst("\\s*(?:原创稿|编辑|责任编辑|作者|发布时间|时间)$", "");
    v = v.replaceFirst("^.{0,12}(?:作者|记者)\\s+(?=\\S)", ""); // 观察者网专栏作者 王文 → 王文
    return v.strip();
  }
}
