package org.minsheng.bench.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.minsheng.analysis.topic.eval.EventPost;

/** The same transformation as /work/shared/tools/overlap_events.py: every event's start moved into one window. */
final class Overlap {
  private Overlap() {}

  static List<EventPost> of(List<EventPost> posts, long windowSeconds, long seed) {
    Map<String, List<EventPost>> events = new LinkedHashMap<>();
    for (EventPost p : posts) {
      events.computeIfAbsent(p.eventId(), k -> new ArrayList<>()).add(p);
    }
    Random r = new Random(seed);
    List<EventPost> out = new ArrayList<>(posts.size());
    for (List<EventPost> e : events.values()) {
      long t0 = e.stream().mapToLong(EventPost::time).min().orElse(0);
      long start = 1_700_000_000L + (long) (r.nextDouble() * windowSeconds);
      for (EventPost p : e) {
        out.add(new EventPost(p.line(), p.eventId(), start + p.time() - t0, p.text(), p.tokens(), p.pos()));
      }
    }
    out.sort(Comparator.comparingLong(EventPost::time).thenComparingInt(EventPost::line));
    return out;
  }
}
