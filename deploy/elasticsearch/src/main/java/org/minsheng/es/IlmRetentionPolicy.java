package org.minsheng.es;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ILM equivalent of {@link IndexRetention}, for clusters that have index lifecycle management (a default
 * distribution; the local integ-test node has none). A policy {@code <prefix>-posts-retention} with only a delete
 * phase; each monthly index gets it with {@code index.lifecycle.origination_date} = the end of its month (from the
 * name, as the retention job does), so ILM counts the age from the newest possible post, not from the day the index
 * happened to be created (a backfill creates old months today).
 *
 * <p>ILM's {@code min_age} has no months: the period is converted conservatively (a month = 31 days, a year = 366
 * days), so ILM never deletes before the retention; the name-based job stays the exact one. Rollover is not used: the
 * indices are already per month.
 */
public final class IlmRetentionPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(IlmRetentionPolicy.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PostIndexNaming naming;
  private final Period retention;

  public IlmRetentionPolicy(PostIndexNaming naming, RetentionPeriod retention) {
    this.naming = naming;
    this.retention = retention.period().orElseThrow(
        () -> new IllegalArgumentException("a retention of 'forever' needs no ILM policy"));
  }

  /** {@code <prefix>-posts-retention}. */
  public String name() {
    return naming.alias() + "-retention";
  }

  /** {@code min_age} in days, never shorter than the period. */
  static String minAge(Period p) {
    return (p.getYears() * 366L + p.getMonths() * 31L + p.getDays()) + "d";
  }

  /** The body of {@code PUT _ilm/policy/<name>}. */
  public ObjectNode body() {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode policy = body.putObject("policy");
    policy.putObject("_meta").put("description", "Minsheng: delete a monthly posts index " + retention
        + " after the end of its month (origination_date). Written by org.minsheng.es.IlmRetentionPolicy.");
    policy.putObject("phases").putObject("delete").put("min_age", minAge(retention))
        .putObject("actions").putObject("delete");
    return body;
  }

  /** The settings put on a monthly index: the policy and its month's end as origination date. */
  public ObjectNode indexSettings(YearMonth month) {
    ObjectNode settings = JSON.createObjectNode();
    settings.putObject("index").putObject("lifecycle").put("name", name())
        .put("origination_date", IndexRetention.endOf(month).toEpochMilli());
    return settings;
  }

  /** Whether the cluster has ILM: {@code GET _ilm/status} answers 200. */
  public static boolean available(RestClient rest) {
    try {
      return rest.performRequest(new Request("GET", "/_ilm/status")).getStatusLine().getStatusCode() == 200;
    } catch (ResponseException e) {
      int status = e.getResponse().getStatusLine().getStatusCode();
      if (status == 400 || status == 404 || status == 405 || status == 410) {
        return false; // no handler for the URI: no ILM module
      }
      throw new IllegalStateException("cannot tell whether ILM is available: " + EsErrors.describe(e), e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot tell whether ILM is available: " + EsErrors.describe(e), e);
    }
  }

  /**
   * Puts the policy and attaches it to every monthly index in {@code indices} (others are left alone). Returns the
   * indices it was attached to. Call {@link #available} first.
   */
  public List<String> install(RestClient rest, List<String> indices) {
    List<String> attached = new ArrayList<>();
    try {
      Request put = new Request("PUT", "/_ilm/policy/" + name());
      put.setJsonEntity(body().toString());
      rest.performRequest(put);
      for (String index : indices) {
        Optional<YearMonth> month = naming.monthOf(index);
        if (month.isPresent()) {
          Request settings = new Request("PUT", "/" + index + "/_settings");
          settings.setJsonEntity(indexSettings(month.get()).toString());
          rest.performRequest(settings);
          attached.add(index);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot install ILM policy " + name() + ": " + EsErrors.describe(e), e);
    }
    LOG.info("ILM policy {} (delete after {}) attached to {} monthly indices", name(), minAge(retention), attached.size());
    return attached;
  }
}
