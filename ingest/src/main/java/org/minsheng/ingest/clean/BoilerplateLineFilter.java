package org.minsheng.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Drops boilerplate lines: editor and copyright lines (责任编辑, 版权声明, 客服电话, 关键词, ICP备…), bylines and
 * counters ("来源：… 浏览量：0"), breadcrumbs (您的位置：首页 > …), share and QR-code prompts, and navigation bars
 * (a line of at least {@code navMinItems} short items separated by spaces or bars, without sentence punctuation).
 *
 * <p>Settings: {@code patterns} (regular expressions; a line with a match is dropped when it is at most
 * {@code maxLength} characters long), {@code shortPatterns} (dropped only when the line is at most
 * {@code shortMaxLength} characters and has no 。！？), {@code navMinItems}, {@code navMaxItemLength}. Patterns are
 * matched after traditional → simplified conversion when the chain runs that first.
 */
public final class BoilerplateLineFilter implements CleaningFilter {
  static final List<String> DEFAULT_PATTERNS = List.of(
      "^\\s*[【\\[（(]?\\s*(责任编辑|责编|值班编辑|编辑|审核|校对|监制|主编|终审|初审)\\s*[:：]",
      "版权声明|免责声明|版权所有|版权归.{0,10}所有|Copyright|©|ICP备|ICP证|公网安备|不良信息举报",
      "客服电话|客服热线|客服\\s*[:：]|联系邮箱|投稿邮箱|欢迎投稿|举报电话|举报邮箱",
      "^\\s*关键[词字]\\s*[:：]",
      "^\\s*(您的位置|当前位置|你的位置|所在位置|你现在的位置)\\s*[:：]",
      "^\\s*(首页|主页|网站首页)\\s*[>»›/|]",
      "分享到|一键分享|扫一扫|扫描二维码|二维码访问|手机浏览器扫描|微信扫码|打印本页|关闭窗口|【\\s*(大|中|小)\\s*】",
      "小编.{0,10}(为大家|给大家)|希望对大家有所帮助|具有很好的参考价值|更多精彩内容|请大家收藏|加入书架|最新章节",
      "^\\s*(上一篇|下一篇|上一章|下一章|返回目录|返回列表)\\s*[:：]?",
      "^\\s*(THANKS|Thanks|THANK YOU|谢谢(您的)?(观看|聆听))\\s*$",
      "^\\s*(合集下载|文档下载|下载文档|立即下载|免费下载|全文阅读)\\s*$",
      "^\\s*[(（]?\\s*(相关资料图|资料图|图片来源[:：].*|图源[:：].*)\\s*[)）]?\\s*$",
      "^\\s*\\d{1,3}\\s*$");
  static final List<String> DEFAULT_SHORT_PATTERNS = List.of(
      "(来源|发布时间|发稿时间|作者|浏览量|阅读量|浏览次数|点击数|字号)\\s*[:：]",
      "^\\s*(原标题|本文来源|文章来源|转载自)\\s*[:：]");
  private static final Pattern NAV_SPLIT = Pattern.compile("\\s*[|｜丨]\\s*|\\s+");

  private List<Pattern> patterns = compile(DEFAULT_PATTERNS);
  private List<Pattern> shortPatterns = compile(DEFAULT_SHORT_PATTERNS);
  private int maxLength = 400;
  private int shortMaxLength = 80;
  private int navMinItems = 4;
  private int navMaxItemLength = 8;

  @Override
  public String name() {
    return "boilerplate-lines";
  }

  @Override
  public void configure(JsonNode settings) {
    FilterSettings s = new FilterSettings(name(), settings);
    patterns = s.patterns("patterns", DEFAULT_PATTERNS);
    shortPatterns = s.patterns("shortPatterns", DEFAULT_SHORT_PATTERNS);
    maxLength = s.integer("maxLength", 400);
    shortMaxLength = s.integer("shortMaxLength", 80);
    navMinItems = s.integer("navMinItems", 4);
    navMaxItemLength = s.integer("navMaxItemLength", 8);
  }

  private static List<Pattern> compile(List<String> regexes) {
    return regexes.stream().map(Pattern::compile).toList();
  }

  @Override
  public String apply(String text) {
    List<String> out = new ArrayList<>();
    for (String line : Lines.split(text)) {
      if (!isBoilerplate(line)) {
        out.add(line);
      }
    }
    return Lines.join(out);
  }

  boolean isBoilerplate(String line) {
    String t = line.strip();
    if (t.isEmpty()) {
      return false;
    }
    int len = t.length();
    if (len <= maxLength && patterns.stream().anyMatch(p -> p.matcher(t).find())) {
      return true;
    }
    boolean sentence = t.contains("。") || t.contains("！") || t.contains("？");
    if (!sentence && len <= shortMaxLength && shortPatterns.stream().anyMatch(p -> p.matcher(t).find())) {
      return true;
    }
    return !sentence && isNavigation(t);
  }

  private boolean isNavigation(String t) {
    if (Lines.sentencePunctuation(t) > 0) {
      return false;
    }
    String[] items = NAV_SPLIT.split(t);
    if (items.length < navMinItems) {
      return false;
    }
    for (String item : items) {
      if (item.length() > navMaxItemLength) {
        return false;
      }
    }
    return true;
  }
}
