package org.minsheng.es;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.minsheng.cli.CliCommand;
import org.minsheng.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./minsheng es retention [--dry-run]}: deletes the monthly posts indices older than
 * {@code elasticsearch.retention.posts} and prints one JSON object (retention, cutoff, expired, deleted, kept,
 * unrecognised).
 */
@Command(name = "retention", mixinStandardHelpOptions = true,
    description = "Delete monthly posts indices whose month ended more than elasticsearch.retention.posts ago.")
public final class EsRetentionCommand implements CliCommand {
  private static final Logger LOG = LoggerFactory.getLogger(EsRetentionCommand.class);

  @Option(names = "--dry-run", description = "Only list what would be deleted.")
  boolean dryRun;

  @Option(names = "--retention", description = "Override elasticsearch.retention.posts, e.g. '13 months' or P400D.")
  String retention;

  @Option(names = "--ilm", description = "Also install the equivalent ILM policy and attach it to the monthly indices"
      + " when the cluster has ILM (GET _ilm/status answers); the local node has none.")
  boolean ilm;

  @Option(names = "--config", description = "YAML file overriding minsheng-elasticsearch.yaml.")
  Path config;

  @Override
  public List<String> path() {
    return List.of("es", "retention");
  }

  /** The retention this command applies, from options over settings. */
  IndexRetention retention(Settings settings) {
    IndexRetention configured = IndexRetention.from(settings);
    return retention == null ? configured
        : new IndexRetention(new IndexNames(settings.string("elasticsearch.index.prefix")).posts(),
            RetentionPeriod.parse(retention), java.time.Clock.systemUTC());
  }

  @Override
  public Integer call() {
    Settings settings = Settings.load("minsheng-elasticsearch.yaml", config, System.getenv());
    IndexRetention job;
    try {
      job = retention(settings);
    } catch (IllegalArgumentException e) {
      LOG.error("es retention: {}", e.getMessage()); // a bad setting or option: the message names it
      return 2;
    }
    IndexRetention.Plan plan;
    String ilmResult;
    try (EsConnection connection = EsConnection.open(EsSettings.from(settings))) {
      connection.verify();
      plan = job.run(connection.restClient(), dryRun);
      ilmResult = ilm ? ilm(connection, job, plan) : "not requested";
    } catch (IllegalStateException e) {
      LOG.error("es retention failed: {}", e.getMessage()); // already one sentence naming the problem
      return 1;
    }
    System.out.println(toJson(plan).put("ilm", ilmResult));
    System.out.flush();
    return 0;
  }

  private String ilm(EsConnection connection, IndexRetention job, IndexRetention.Plan plan) {
    if (job.retention().isForever()) {
      return "not needed (retention forever)";
    }
    if (!IlmRetentionPolicy.available(connection.restClient())) {
      LOG.info("This cluster has no ILM (GET _ilm/status does not answer): the name-based retention is the only one");
      return "unavailable";
    }
    if (dryRun) {
      return "available (dry run: not installed)";
    }
    IlmRetentionPolicy policy = new IlmRetentionPolicy(job.naming(), job.retention());
    return "installed " + policy.name() + " on " + policy.install(connection.restClient(), plan.kept()).size()
        + " indices";
  }

  static ObjectNode toJson(IndexRetention.Plan plan) {
    ObjectNode out = EsConnection.objectMapper().createObjectNode();
    out.put("retention", plan.retention());
    out.put("cutoff", plan.cutoff() == null ? null : plan.cutoff().toString());
    out.put("dryRun", plan.dryRun());
    array(out.putArray("expired"), plan.expired());
    array(out.putArray("deleted"), plan.deleted());
    array(out.putArray("kept"), plan.kept());
    array(out.putArray("unrecognised"), plan.unrecognised());
    return out;
  }

  private static void array(ArrayNode node, List<String> values) {
    values.forEach(node::add);
  }
}
