package org.minsheng.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.minsheng.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes whole monthly posts indices older than the retention. The month comes from the index <em>name</em>
 * ({@code minsheng-posts-2025.01}, see {@link PostIndexNaming}), never from a creation date or a guess: an index is
 * expired when its whole month ended before {@code now - retention} (UTC, calendar arithmetic), so every post in it is
 * older than the retention. An index whose name does not parse (another suffix, a reindex copy, month 13) is reported
 * as unrecognised and never deleted; the current and future months are never expired.
 *
 * <p>Pure planning ({@link #plan}) is separate from the two requests that act ({@link #run}): list with
 * {@code GET _cat/indices/<prefix>-posts-*}, then one {@code DELETE /<index>} per expired index, by its exact name
 * (works with {@code action.destructive_requires_name: true}, the default of real clusters).
 */
public final class IndexRetention {
  private static final Logger LOG = LoggerFactory.getLogger(IndexRetention.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PostIndexNaming naming;
  private final RetentionPeriod retention;
  private final Clock clock;

  public IndexRetention(PostIndexNaming naming, RetentionPeriod retention, Clock clock) {
    this.naming = Objects.requireNonNull(naming, "naming");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** From {@code elasticsearch.index.prefix} and {@code elasticsearch.retention.posts}, with the UTC system clock. */
  public static IndexRetention from(Settings settings) {
    return new IndexRetention(new IndexNames(settings.string("elasticsearch.index.prefix")).posts(),
        RetentionPeriod.parse(settings.string("elasticsearch.retention.posts")), Clock.systemUTC());
  }

  public PostIndexNaming naming() {
    return naming;
  }

  public RetentionPeriod retention() {
    return retention;
  }

  /** {@code now - retention}; empty when the retention is forever. */
  public Optional<Instant> cutoff() {
    return retention.period().map(p -> clock.instant().atZone(ZoneOffset.UTC).minus(p).toInstant());
  }

  /** Sorts {@code indices} into expired, kept and unrecognised, without touching any cluster. */
  public Plan plan(Collection<String> indices) {
    Optional<Instant> cutoff = cutoff();
    List<String> expired = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    List<String> unrecognised = new ArrayList<>();
    for (String index : new TreeSet<>(indices)) {
      Optional<YearMonth> month = naming.monthOf(index);
      if (month.isEmpty()) {
        unrecognised.add(index);
      } else if (cutoff.isPresent() && !endOf(month.get()).isAfter(cutoff.get())) {
        expired.add(index);
      } else {
        kept.add(index);
      }
    }
    return new Plan(retention.toString(), cutoff.orElse(null), expired, kept, unrecognised, List.of(), false);
  }

  /** The first instant after {@code month} (UTC). */
  static Instant endOf(YearMonth month) {
    return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Lists the monthly indices, then deletes the expired ones unless {@code dryRun}. */
  public Plan run(RestClient rest, boolean dryRun) {
    List<String> indices;
    try {
      indices = list(rest);
    } catch (IOException e) {
      throw new IllegalStateException("retention: cannot list " + naming.pattern() + ": " + EsErrors.describe(e), e);
    }
    Plan plan = plan(indices);
    for (String index : plan.unrecognised()) {
      LOG.warn("Retention: {} matches {} but is not named <alias>-YYYY.MM; left alone (delete it by hand if it is"
          + " obsolete)", index, naming.pattern());
    }
    if (retention.isForever()) {
      LOG.info("Retention of posts is 'forever': {} monthly indices kept", plan.kept().size());
      return plan;
    }
    if (dryRun) {
      LOG.info("Retention {} (dry run): would delete {} of {} monthly posts indices ended before {}: {}", retention,
          plan.expired().size(), plan.expired().size() + plan.kept().size(), plan.cutoff(), plan.expired());
      return plan.withDryRun();
    }
    List<String> deleted = new ArrayList<>();
    for (String index : plan.expired()) {
      try {
        rest.performRequest(new Request("DELETE", "/" + index));
        deleted.add(index);
        LOG.info("Retention {}: deleted {} (its month ended before {})", retention, index, plan.cutoff());
      } catch (ResponseException e) {
        if (e.getResponse().getStatusLine().getStatusCode() != 404) {
          throw new IllegalStateException("retention: cannot delete " + index + " (deleted so far: " + deleted + "): "
              + EsErrors.describe(e), e);
        }
        LOG.info("Retention {}: {} was already gone (deleted by another process)", retention, index);
      } catch (IOException e) {
        throw new IllegalStateException("retention: cannot delete " + index + " (deleted so far: " + deleted + "): "
            + EsErrors.describe(e), e);
      }
    }
    LOG.info("Retention {}: deleted {} monthly posts indices, kept {}", retention, deleted.size(), plan.kept().size());
    return plan.withDeleted(deleted);
  }

  private List<String> list(RestClient rest) throws IOException {
    Response r = rest.performRequest(new Request("GET",
        "/_cat/indices/" + naming.pattern() + "?format=json&h=index&expand_wildcards=all"));
    JsonNode rows = JSON.readTree(EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8));
    List<String> names = new ArrayList<>();
    rows.forEach(row -> names.add(row.path("index").asText()));
    return names;
  }

  /**
   * What a retention run found and did.
   *
   * @param retention the retention, ISO-8601 or {@code forever}
   * @param cutoff {@code now - retention}, null when forever
   * @param expired monthly indices whose month ended before the cutoff
   * @param kept monthly indices within the retention
   * @param unrecognised indices matching the pattern whose name has no valid month (never deleted)
   * @param deleted the expired indices actually deleted (empty on a dry run)
   * @param dryRun whether deletion was skipped on purpose
   */
  public record Plan(String retention, Instant cutoff, List<String> expired, List<String> kept,
      List<String> unrecognised, List<String> deleted, boolean dryRun) {
    public Plan {
      expired = List.copyOf(expired);
      kept = List.copyOf(kept);
      unrecognised = List.copyOf(unrecognised);
      deleted = List.copyOf(deleted);
    }

    Plan withDeleted(List<String> done) {
      return new Plan(retention, cutoff, expired, kept, unrecognised, done, dryRun);
    }

    Plan withDryRun() {
      return new Plan(retention, cutoff, expired, kept, unrecognised, deleted, true);
    }
  }
}
