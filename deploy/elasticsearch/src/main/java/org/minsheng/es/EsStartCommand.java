package org.minsheng.es;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.minsheng.cli.CliCommand;
import org.minsheng.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./minsheng es start}: runs a local Elasticsearch node in the foreground (templates applied) until Ctrl-C,
 * which stops the node and everything it started. Prints one JSON object (url, pid, directory) once the node is up.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = "Run a local Elasticsearch node on 127.0.0.1 in the foreground until Ctrl-C (security off: local use only).")
public final class EsStartCommand implements CliCommand {
  private static final Logger LOG = LoggerFactory.getLogger(EsStartCommand.class);

  @Option(names = "--port", description = "HTTP port on 127.0.0.1, 0 = any free port (default: elasticsearch.local.port, 9200).")
  Integer port;

  @Option(names = "--data", description = "The node's directory: config, data, logs (default: elasticsearch.local.dataDirectory).")
  Path data;

  @Option(names = "--heap", description = "Heap, e.g. 512m or 1g (default: elasticsearch.local.heap, 1g).")
  String heap;

  @Option(names = "--config", description = "YAML file overriding minsheng-elasticsearch.yaml.")
  Path config;

  @Override
  public List<String> path() {
    return List.of("es", "start");
  }

  /** The node this command would start, from options over settings. */
  LocalElasticsearch.Builder node(Settings settings) {
    String configuredDir = settings.string("elasticsearch.local.dataDirectory");
    Path dir = data != null ? data
        : configuredDir.isBlank() ? LocalElasticsearch.defaultBaseDirectory().resolve("data") : Path.of(configuredDir);
    return LocalElasticsearch.builder()
        .port(port != null ? port : settings.integer("elasticsearch.local.port"))
        .heap(heap != null ? heap : settings.string("elasticsearch.local.heap"))
        .clusterName(settings.string("elasticsearch.local.clusterName"))
        .dataDirectory(dir);
  }

  @Override
  public Integer call() throws Exception {
    Settings settings = Settings.load("minsheng-elasticsearch.yaml", config, System.getenv());
    LocalElasticsearch es = node(settings).build().start();
    try (EsConnection connection = EsConnection.open(EsSettings.from(settings).withUrl(es.url()))) {
      IndexTemplates.from(settings).apply(connection.client());
    } catch (RuntimeException e) {
      es.close();
      throw e;
    }
    ObjectNode out = EsConnection.objectMapper().createObjectNode()
        .put("url", es.url()).put("pid", es.pid()).put("directory", es.nodeDirectory().toString())
        .put("version", ElasticsearchDistribution.defaultVersion());
    System.out.println(out);
    System.out.flush();
    LOG.info("Elasticsearch runs at {}; press Ctrl-C to stop it", es.url());
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping.set(true), "es-start-stopping"));
    int code = es.waitFor(); // Ctrl-C: the launcher's shutdown hook stops the node's process tree
    if (!stopping.get()) {
      LOG.warn("Elasticsearch exited by itself with code {}; see its logs in {}", code, es.nodeDirectory().resolve("logs"));
    }
    es.close();
    return code == 0 || stopping.get() ? 0 : 1;
  }
}
