package org.minsheng.ingest.frontier;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashMap;
import java.util.Map;

/**
 * One unit of queued work: a URL to fetch for a source, with the kind of page it is and whatever the source needs
 * to interpret it (thread id, parent post id, a partial post waiting for its long text…).
 *
 * @param source name of the configured source that owns the entry
 * @param kind page kind understood by that source (feed, article, thread, search, …)
 * @param url absolute, canonical URL
 * @param attrs small string attributes for the source
 * @param oneShot true for pages fetched once (articles, threads); false for listings polled again (feeds, search)
 * @param notBefore epoch millis before which the entry must not be fetched (retry later, paused source)
 * @param attempts failed attempts so far
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FrontierEntry(String source, String kind, String url, Map<String, String> attrs, boolean oneShot,
    long notBefore, int attempts) {

  public FrontierEntry {
    attrs = attrs == null ? Map.of() : Map.copyOf(attrs);
  }

  public static FrontierEntry of(String source, String kind, String url, boolean oneShot) {
    return new FrontierEntry(source, kind, url, Map.of(), oneShot, 0, 0);
  }

  public FrontierEntry with(String key, String value) {
    Map<String, String> m = new HashMap<>(attrs);
    m.put(key, value);
    return new FrontierEntry(source, kind, url, m, oneShot, notBefore, attempts);
  }

  public FrontierEntry deferred(long notBeforeMillis, int newAttempts) {
    return new FrontierEntry(source, kind, url, attrs, oneShot, notBeforeMillis, newAttempts);
  }

  public String attr(String key) {
    return attrs.get(key);
  }

  /** Identity in the frontier and the seen-set: the same page of the same source is queued once. */
  @JsonIgnore
  public String key() {
    return source + "|" + kind + "|" + url;
  }
}
