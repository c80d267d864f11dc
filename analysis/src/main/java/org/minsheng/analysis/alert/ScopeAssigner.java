package org.minsheng.analysis.alert;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.minsheng.analysis.alert.watch.WatchExpression;
import org.minsheng.analysis.alert.watch.WatchRule;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.post.Post;

/**
 * Decides which scopes an analysed post counts for: its topic, its region, each watched keyword it contains and each
 * watch-list rule it matches. Spam is skipped when configured (content farms must not raise alarms).
 */
public final class ScopeAssigner implements Serializable {
  private static final long serialVersionUID = 1L;

  private final AlertSettings.Scopes cfg;
  private final List<WatchRule> watchRules;
  private final List<WatchExpression.Term> keywords;

  public ScopeAssigner(AlertSettings.Scopes cfg, List<WatchRule> watchRules) {
    this.cfg = cfg;
    this.watchRules = List.copyOf(watchRules);
    this.keywords = cfg.keywords.stream().map(WatchExpression.Term::new).toList();
  }

  public List<ScopedPost> assign(AnalyzedPost a) {
    List<ScopedPost> out = new ArrayList<>();
    if (a == null || a.post == null || a.post.publishedAt() == null || (cfg.skipSpam && a.spam)) {
      return out;
    }
    Post p = a.post;
    if (cfg.topics && a.topicId != null && !a.topicId.isBlank()) {
      out.add(scoped(a, ScopeType.TOPIC, a.topicId));
    }
    if (cfg.regions && p.region() != null && !p.region().isBlank()) {
      out.add(scoped(a, ScopeType.REGION, p.region()));
    }
    if (!keywords.isEmpty() || !watchRules.isEmpty()) {
      String text = a.normalisedText != null ? a.normalisedText
          : ((p.title() == null ? "" : p.title() + " ") + (p.text() == null ? "" : p.text()));
      WatchExpression.MatchInput in = WatchExpression.MatchInput.of(text, a.tokens);
      for (WatchExpression.Term k : keywords) {
        if (k.matches(in)) {
          out.add(scoped(a, ScopeType.KEYWORD, k.word().toLowerCase(Locale.ROOT)));
        }
      }
      for (WatchRule r : watchRules) {
        if (r.matches(p.region(), p.site(), p.platform(), in)) {
          out.add(scoped(a, ScopeType.WATCHLIST, r.name()));
        }
      }
    }
    return out;
  }

  private static ScopedPost scoped(AnalyzedPost a, String type, String key) {
    Post p = a.post;
    ScopedPost s = new ScopedPost();
    s.scopeType = type;
    s.scopeKey = key;
    s.eventTime = p.publishedAt().toEpochMilli();
    s.postId = p.id();
    s.title = p.title() != null && !p.title().isBlank() ? p.title() : snippet(p.text());
    s.url = p.url();
    s.site = p.site();
    s.region = p.region();
    s.negative = "negative".equals(a.sentimentLabel);
    Post.Metrics m = p.metrics();
    if (m != null) {
      s.interactions = nz(m.reposts()) + nz(m.comments()) + nz(m.likes());
    }
    s.keywords = a.keywords;
    return s;
  }

  private static long nz(Long v) {
    return v == null ? 0 : v;
  }

  private static String snippet(String text) {
    if (text == null) {
      return null;
    }
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
