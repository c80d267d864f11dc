package org.minsheng.analysis.topic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Single-pass streaming topic clustering. Each post joins the best-scoring live topic or opens a new one:
 *
 * <pre>
 *   score(topic) = ev(mass · shared) · cos(post, centroid) · exp(-(t - lastSeen) / similarityTau) / joinThreshold
 *                + gate · quiet · activity(topic, t) / (Σ activity(t) + newTopicIntensity) / priorShare
 *   join the best topic if score ≥ 1, else open a new topic
 * </pre>
 *
 * <p>The words carry the clustering: the first term alone reaches 1 when the TF-IDF cosine against the topic's
 * time-decayed centroid reaches {@code joinThreshold}, scaled by how much content the match rests on ({@code shared} =
 * the part of the post's vector norm on terms the centroid holds, {@code mass} = the post's TF-IDF norm in rare-term
 * units, {@code ev(x) = 1 - exp(-x / evidenceMass)}): one shared common word is weak evidence, three shared names
 * strong.
 *
 * <p>The second term is a time prior from a self-exciting process: each topic's activity jumps when a post joins it
 * and decays with {@code activityTau}; its share of all activity is the chance the next post continues it. It carries
 * a post on its own only when one topic holds {@code priorShare} of the activity, i.e. one thread is running (a quiet
 * hour in which "拆啦！[怒]" can only be a reaction to it); two threads running at once split the share and a word-less
 * reaction opens its own topic rather than being forced into one. {@code gate} is 0 when a content-rich post (mass ≥
 * {@code vetoMass}) shares no term with the topic: its words say it is about something else; in a busy stream (recent
 * volume, corrected for a short history, ≥ {@code busyActivity}) also when its content outside the topic's centroid
 * reaches {@code vetoTerms} rare terms and its words give less than {@code busyMinText} of a join — when dozens of
 * posts arrive a minute new events start all the time, and a topic holding most of the activity is no evidence that a
 * post with words of its own belongs to it (docs/TOPICS.md "Busy streams"). Only what the words
 * confirm counts fully: a post carried by the prior adds {@code reactionWeight} to its topic's centroid and activity,
 * and a word-less post that opens a topic adds no activity, so neither catch-all topics nor singleton reactions take
 * over the prior. Posts with a known parent (repost, reply) or an earliest copy (reprint) join that post's topic
 * directly. Topics whose centroids converge ({@code mergeThreshold}) are merged.
 *
 * <p>Candidates are found through an inverted index over each topic's heaviest centroid terms plus the few most
 * recently active topics, so the cost per post does not grow with the number of live topics. Memory is bounded:
 * topics expire after {@code topicTtl} without posts or when more than {@code maxLiveTopics} are live, centroids keep
 * {@code maxCentroidTerms} terms, index postings {@code maxPostingsPerTerm} topics.
 *
 * <p>The in-memory index, the recency order and the total activity are derived from the {@link TopicStore} and are
 * rebuilt with {@link #rebuild()} after a restore. Not thread-safe: one instance per clustering subtask.
 */
public final class TopicClusterer {
  public static final String VIA_PARENT = "parent";
  public static final String VIA_REPRINT = "reprint";
  public static final String VIA_SIMILAR = "similar";
  public static final String VIA_NEW = "new";

  private final ClusterSettings s;
  private final TopicStore store;
  private final double simTauMs;
  private final double actTauMs;
  private final double centroidTauMs;
  private final long ttlMs;
  private final double quietTauMs;

  private final HashMap<String, LinkedHashSet<String>> index = new HashMap<>();
  private final HashMap<String, List<String>> indexedTerms = new HashMap<>();
  /** Topic id → last seen, in order of last activity (oldest first). Includes merged tombstones. */
  private final LinkedHashMap<String, Long> order = new LinkedHashMap<>();
  private final ArrayDeque<String> recent = new ArrayDeque<>();
  private double totalActivity;
  private long totalActivityAt;
  private long clock = Long.MIN_VALUE;
  /** Event time of the first post this clusterer saw (or of the oldest restored topic): how much history A holds. */
  private long streamStart = Long.MIN_VALUE;
  private int live;

  public TopicClusterer(ClusterSettings settings, TopicStore store) {
    this.s = settings;
    this.store = store;
    this.simTauMs = settings.similarityTauMinutes() * 60_000;
    this.actTauMs = settings.activityTauMinutes() * 60_000;
    this.centroidTauMs = settings.centroidTauMinutes() * 60_000;
    this.ttlMs = (long) (settings.topicTtlMinutes() * 60_000);
    this.quietTauMs = settings.quietTauMinutes() * 60_000;
  }

  /** Rebuilds the derived in-memory structures from the store (after a restore). */
  public void rebuild() {
    index.clear();
    indexedTerms.clear();
    order.clear();
    recent.clear();
    live = 0;
    List<TopicState> all = new ArrayList<>();
    store.all().forEach(all::add);
    all.sort((a, b) -> Long.compare(a.lastSeen, b.lastSeen));
    long latest = Long.MIN_VALUE;
    for (TopicState t : all) {
      order.put(t.topicId, t.lastSeen);
      latest = Math.max(latest, t.lastSeen);
      if (t.mergedInto == null) {
        live++;
        reindex(t);
      }
    }
    clock = latest;
    streamStart = all.isEmpty() ? Long.MIN_VALUE : all.stream().mapToLong(x -> x.firstSeen).min().getAsLong();
    totalActivityAt = latest == Long.MIN_VALUE ? 0 : latest;
    totalActivity = 0;
    for (TopicState t : all) {
      if (t.mergedInto == null) {
        totalActivity += t.decayedActivity(totalActivityAt, actTauMs);
        touchRecent(t.topicId);
      }
    }
  }

  /** Assigns one post; updates the topic it joins or opens. */
  public Assignment assign(ClusterPost p) {
    long t = p.eventTime();
    clock = Math.max(clock, t);
    if (streamStart == Long.MIN_VALUE) {
      streamStart = t;
    }
    List<String> evicted = evict();

    String linked = null;
    String via = null;
    if (p.parentId() != null) {
      linked = resolve(store.topicOfPost(p.parentId()));
      via = VIA_PARENT;
    }
    if (linked == null && p.duplicateOf() != null) {
      linked = resolve(store.topicOfPost(p.duplicateOf()));
      via = VIA_REPRINT;
    }
    TopicState topic;
    double bestScore = 0;
    boolean opened = false;
    double confirmed;
    if (linked != null) {
      topic = store.get(linked);
      confirmed = 1;
    } else {
      topic = null;
      boolean vetoable = !p.vector().isEmpty() && p.mass() >= s.vetoMass();
      double bestText = 0;
      double l1 = 0;
      for (double v : p.vector().values()) {
        l1 += Math.abs(v);
      }
      // in a busy stream new events start all the time: a post bringing enough words of its own is not carried by
      // timing into a topic that lacks them, however much of the activity that topic holds
      boolean busy = recentVolume(t) >= s.busyActivity();
      for (String id : candidates(p)) {
        TopicState c = store.get(id);
        if (c == null || c.mergedInto != null) {
          continue;
        }
        double[] m = match(p.vector(), c.centroid);
        double sim = m[0];
        // content the topic lacks, in rare-term units: the post's L1 weight on terms outside the centroid
        double novel = p.mass() * Math.max(0, l1 - m[2]);
        // words: the decayed cosine in units of the join threshold (1 = enough on its own), times how much of the
        // post's content the match rests on (one shared common word is weak evidence, three shared names strong)
        double shared = evidence(p.mass() * m[1]);
        double text = shared * sim * Math.exp(-Math.max(0, t - c.lastSeen) / simTauMs) / s.joinThreshold();
        // time: the topic's share of recent activity in units of priorShare, unless the words say "something else"
        double prior = vetoable && sim == 0 || busy && novel >= s.vetoTerms() && text < s.busyMinText() ? 0 : timeShare(c, t) / s.priorShare();
        double sc = text + prior;
        if (sc > bestScore) {
          bestScore = sc;
          bestText = text;
          topic = c;
        }
      }
      if (topic != null && bestScore >= 1) {
        via = VIA_SIMILAR;
        confirmed = Math.min(1, bestText);
      } else {
        topic = open(p);
        opened = true;
        via = VIA_NEW;
        bestScore = 0;
        // a word-less post that opened a topic of its own must not take the activity share of the running thread
        confirmed = Math.min(1, p.mass() / s.vetoMass());
      }
    }
    // only what the post's words confirm counts fully: a reaction carried by the time prior alone must neither make
    // its topic ever more attractive to the next reaction nor blur its centroid (rich-get-richer, catch-all topics)
    double weight = opened ? confirmed : Math.max(s.reactionWeight(), confirmed);
    update(topic, p, VIA_REPRINT.equals(via), opened ? 1 : weight, weight);
    store.rememberPost(p.postId(), topic.topicId, t);
    List<String> merged = opened ? List.of() : mergeConverging(topic);
    if (opened && live > s.maxLiveTopics()) {
      evicted = new ArrayList<>(evicted);
      evicted.addAll(evict());
    }
    return new Assignment(topic.topicId, opened, via, bestScore, merged, evicted);
  }

  /** Live (not merged) topics held. */
  public int liveTopics() {
    return live;
  }

  /** Topics held including merged tombstones. */
  public int heldTopics() {
    return order.size();
  }

  public int indexTerms() {
    return index.size();
  }

  /** Follows merge links to the surviving topic; null when unknown or expired. */
  public String resolve(String topicId) {
    String id = topicId;
    for (int hops = 0; id != null && hops < 16; hops++) {
      TopicState t = store.get(id);
      if (t == null) {
        return null;
      }
      if (t.mergedInto == null) {
        return id;
      }
      id = t.mergedInto;
    }
    return null;
  }

  /** Evicts every topic (end of input or test teardown); returns their ids. */
  public List<String> evictAll() {
    List<String> out = new ArrayList<>(order.keySet());
    for (String id : out) {
      drop(id);
    }
    totalActivity = 0;
    return out;
  }

  /** Evicts topics quiet for longer than the TTL as of {@code now}, and beyond the live-topic cap. */
  public List<String> evictUntil(long now) {
    clock = Math.max(clock, now);
    return evict();
  }

  // --- scoring -----------------------------------------------------------------------------------------------

  /** The topic's share of recent activity (the chance the next post continues it), damped by its quiet gap. */
  private double timeShare(TopicState c, long t) {
    double share = c.decayedActivity(t, actTauMs) / (totalActivityAt(t) + s.newTopicIntensity());
    double quiet = Math.exp(-Math.max(0, t - c.lastSeen) / quietTauMs);
    return share * quiet;
  }

  /**
   * The stream's recent volume in activity units (≈ posts within {@code activityTau}), corrected for a short history:
   * {@code elapsed} after the stream started the decayed sum holds only {@code 1 - exp(-elapsed / tau)} of its
   * steady-state value, so without the correction every stream would look quiet in its first half hour, and the first
   * topic, holding all of that little activity, would take in every new story starting then.
   */
  private double recentVolume(long t) {
    double a = totalActivityAt(t);
    double filled = 1 - Math.exp(-Math.max(0, t - streamStart) / actTauMs);
    return filled <= 0 ? 0 : a / filled;
  }

  /** How much content of this mass says about a topic, in [0, 1). */
  private double evidence(double mass) {
    return 1 - Math.exp(-mass / s.evidenceMass());
  }

  private double totalActivityAt(long t) {
    return totalActivity * Math.exp(-Math.max(0, t - totalActivityAt) / actTauMs);
  }

  /**
   * Cosine of a normalised post vector with a centroid, the share of the post's vector norm on the terms they share
   * ({@code sqrt(Σ shared v²)}, in [0, 1]) and the post's L1 weight on them ({@code Σ shared |v|}).
   */
  static double[] match(Map<String, Double> post, Map<String, Double> centroid) {
    if (post.isEmpty() || centroid.isEmpty()) {
      return new double[] {0, 0, 0};
    }
    double dot = 0;
    double sharedSq = 0;
    double sharedL1 = 0;
    for (Map.Entry<String, Double> e : post.entrySet()) {
      Double w = centroid.get(e.getKey());
      if (w != null) {
        double v = e.getValue();
        dot += w * v;
        sharedSq += v * v;
        sharedL1 += Math.abs(v);
      }
    }
    if (dot == 0) {
      return new double[] {0, 0, 0};
    }
    return new double[] {dot / (norm(centroid) * norm(post)), Math.sqrt(sharedSq), sharedL1};
  }

  static double cosine(Map<String, Double> post, Map<String, Double> centroid) {
    if (post.isEmpty() || centroid.isEmpty()) {
      return 0;
    }
    double dot = 0;
    for (Map.Entry<String, Double> e : post.entrySet()) {
      Double w = centroid.get(e.getKey());
      if (w != null) {
        dot += w * e.getValue();
      }
    }
    if (dot == 0) {
      return 0;
    }
    return dot / (norm(centroid) * norm(post));
  }

  private static double norm(Map<String, Double> v) {
    double n = 0;
    for (double w : v.values()) {
      n += w * w;
    }
    return Math.sqrt(n);
  }

  private LinkedHashSet<String> candidates(ClusterPost p) {
    HashMap<String, Double> hits = new HashMap<>();
    for (Map.Entry<String, Double> e : p.vector().entrySet()) {
      LinkedHashSet<String> postings = index.get(e.getKey());
      if (postings != null) {
        for (String id : postings) {
          hits.merge(id, e.getValue(), Double::sum);
        }
      }
    }
    LinkedHashSet<String> out = new LinkedHashSet<>(recent);
    if (hits.size() <= s.maxCandidates()) {
      out.addAll(hits.keySet());
    } else {
      hits.entrySet().stream()
          .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
          .limit(s.maxCandidates())
          .forEach(e -> out.add(e.getKey()));
    }
    return out;
  }

  // --- updates -----------------------------------------------------------------------------------------------

  private TopicState open(ClusterPost p) {
    TopicState t = new TopicState();
    t.topicId = "t-" + p.postId();
    t.firstPostId = p.postId();
    t.representativePostId = p.postId();
    t.title = p.title();
    t.firstSeen = p.eventTime();
    t.lastSeen = p.eventTime();
    t.activityAt = p.eventTime();
    t.representativeWeight = p.weight();
    live++;
    return t;
  }

  private void update(TopicState topic, ClusterPost p, boolean reprint, double weight, double excitation) {
    long t = p.eventTime();
    // centroid: decay old terms, add the post
    double keep = Math.exp(-Math.max(0, t - topic.lastSeen) / centroidTauMs);
    if (keep < 0.999) {
      topic.centroid.replaceAll((k, w) -> w * keep);
    }
    for (Map.Entry<String, Double> e : p.vector().entrySet()) {
      topic.centroid.merge(e.getKey(), weight * e.getValue(), Double::sum);
    }
    pruneCentroid(topic);
    // activity
    double total = totalActivityAt(t);
    totalActivity = total + excitation;
    totalActivityAt = Math.max(totalActivityAt, t);
    topic.activity = topic.decayedActivity(t, actTauMs) + excitation;
    topic.activityAt = Math.max(topic.activityAt, t);
    // counts
    if (reprint) {
      topic.reprintCount++;
    } else {
      topic.postCount++;
    }
    topic.firstSeen = Math.min(topic.firstSeen, t);
    topic.lastSeen = Math.max(topic.lastSeen, t);
    if (p.weight() > topic.representativeWeight && !reprint) {
      topic.representativeWeight = p.weight();
      topic.representativePostId = p.postId();
      if (p.title() != null && !p.title().isBlank()) {
        topic.title = p.title();
      }
    }
    addBounded(topic.sites, p.site());
    addBounded(topic.regions, p.region());
    if ("negative".equals(p.sentiment())) {
      topic.negative++;
    } else if ("positive".equals(p.sentiment())) {
      topic.positive++;
    } else if (p.sentiment() != null) {
      topic.neutral++;
    }
    store.put(topic);
    order.remove(topic.topicId);
    order.put(topic.topicId, topic.lastSeen);
    touchRecent(topic.topicId);
    reindex(topic);
  }

  private void addBounded(List<String> list, String value) {
    if (value != null && !value.isBlank() && list.size() < s.maxSites() && !list.contains(value)) {
      list.add(value);
    }
  }

  private void pruneCentroid(TopicState topic) {
    if (topic.centroid.size() <= s.maxCentroidTerms()) {
      return;
    }
    List<String> keep = topic.topTerms(s.maxCentroidTerms());
    topic.centroid.keySet().retainAll(new java.util.HashSet<>(keep));
  }

  private void touchRecent(String id) {
    recent.remove(id);
    recent.addFirst(id);
    while (recent.size() > s.recentTopics()) {
      recent.removeLast();
    }
  }

  private void reindex(TopicState topic) {
    unindex(topic.topicId);
    List<String> terms = topic.topTerms(s.indexTermsPerTopic());
    for (String term : terms) {
      LinkedHashSet<String> postings = index.computeIfAbsent(term, k -> new LinkedHashSet<>());
      postings.remove(topic.topicId);
      postings.add(topic.topicId);
      if (postings.size() > s.maxPostingsPerTerm()) {
        Iterator<String> it = postings.iterator();
        it.next();
        it.remove();
      }
    }
    indexedTerms.put(topic.topicId, terms);
  }

  private void unindex(String topicId) {
    List<String> old = indexedTerms.remove(topicId);
    if (old == null) {
      return;
    }
    for (String term : old) {
      LinkedHashSet<String> postings = index.get(term);
      if (postings != null) {
        postings.remove(topicId);
        if (postings.isEmpty()) {
          index.remove(term);
        }
      }
    }
  }

  /** Merges live topics whose centroids converged with {@code topic}; the larger survives. */
  private List<String> mergeConverging(TopicState topic) {
    List<String> merged = new ArrayList<>();
    HashMap<String, Integer> hits = new HashMap<>();
    for (String term : topic.topTerms(4)) {
      LinkedHashSet<String> postings = index.get(term);
      if (postings != null) {
        for (String id : postings) {
          if (!id.equals(topic.topicId)) {
            hits.merge(id, 1, Integer::sum);
          }
        }
      }
    }
    TopicState survivor = topic;
    for (Map.Entry<String, Integer> e : hits.entrySet()) {
      if (e.getValue() < 2) {
        continue;
      }
      TopicState other = store.get(e.getKey());
      if (other == null || other.mergedInto != null || other == survivor) {
        continue;
      }
      if (cosine(survivor.centroid, other.centroid) < s.mergeThreshold()) {
        continue;
      }
      TopicState big = survivor.postCount >= other.postCount ? survivor : other;
      TopicState small = big == survivor ? other : survivor;
      absorb(big, small);
      merged.add(small.topicId);
      survivor = big;
    }
    return merged;
  }

  private void absorb(TopicState big, TopicState small) {
    for (Map.Entry<String, Double> e : small.centroid.entrySet()) {
      big.centroid.merge(e.getKey(), e.getValue(), Double::sum);
    }
    pruneCentroid(big);
    big.postCount += small.postCount;
    big.reprintCount += small.reprintCount;
    big.negative += small.negative;
    big.neutral += small.neutral;
    big.positive += small.positive;
    if (small.firstSeen < big.firstSeen) {
      big.firstSeen = small.firstSeen;
      big.firstPostId = small.firstPostId;
    }
    big.lastSeen = Math.max(big.lastSeen, small.lastSeen);
    long at = Math.max(big.activityAt, small.activityAt);
    big.activity = big.decayedActivity(at, actTauMs) + small.decayedActivity(at, actTauMs);
    big.activityAt = at;
    for (String site : small.sites) {
      addBounded(big.sites, site);
    }
    for (String region : small.regions) {
      addBounded(big.regions, region);
    }
    small.mergedInto = big.topicId;
    small.centroid = new HashMap<>();
    small.activity = 0;
    unindex(small.topicId);
    recent.remove(small.topicId);
    live--;
    store.put(small);
    store.put(big);
    reindex(big);
    order.remove(big.topicId);
    order.put(big.topicId, big.lastSeen);
  }

  private List<String> evict() {
    List<String> out = new ArrayList<>();
    Iterator<Map.Entry<String, Long>> it = order.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Long> e = it.next();
      boolean expired = clock - e.getValue() > ttlMs;
      if (!expired && live <= s.maxLiveTopics()) {
        break;
      }
      it.remove();
      String id = e.getKey();
      TopicState t = store.get(id);
      if (t != null && t.mergedInto == null) {
        live--;
        totalActivity = Math.max(0, totalActivity - t.decayedActivity(totalActivityAt, actTauMs));
      }
      unindex(id);
      recent.remove(id);
      store.remove(id);
      out.add(id);
    }
    return out;
  }

  private void drop(String id) {
    TopicState t = store.get(id);
    if (t != null && t.mergedInto == null) {
      live--;
    }
    order.remove(id);
    unindex(id);
    recent.remove(id);
    store.remove(id);
  }
}
