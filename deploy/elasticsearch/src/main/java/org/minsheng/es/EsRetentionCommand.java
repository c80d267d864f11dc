package org.minsheng.es;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.minsheng.cli.CliCommand;
import org.minsheng.config.Settings;
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

  @Option(names = "--dry-run", description = "Only list what would be deleted.")
  boolean dryRun;

  @Option(names = "--retention", description = "Override elasticsearch.retention.posts, e.g. '13 months' or P400D.")
  String retention;

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
    IndexRetention job = retention(settings);
    IndexRetention.Plan plan;
    try (EsConnection connection = EsConnection.open(EsSettings.from(settings))) {
      connection.verify();
      plan = job.run(connection.restClient(), dryRun);
    }
    System.out.println(toJson(plan));
    System.out.flush();
    return 0;
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
