package org.minsheng.es;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The configuration files of one local node: {@code elasticsearch.yml} and a {@code jvm.options.d} file. Pure: tested
 * without starting anything.
 *
 * <p>The node is a development node: bound to 127.0.0.1 only (so Elasticsearch's production bootstrap checks are
 * warnings), single-node discovery, security off (this local mode only: real clusters use TLS and credentials, see
 * docs/ELASTICSEARCH.md), disk watermarks off (shared test machines have full disks), and the ports written to
 * {@code logs/http.ports} so that port 0 (any free port) needs no guess-and-race.
 *
 * @param clusterName cluster name, also the log file's name
 * @param httpPort HTTP port, 0 for any free port
 * @param dataPath {@code path.data}
 * @param logsPath {@code path.logs}
 * @param heap heap size in JVM syntax ({@code 512m}, {@code 1g}); used for both -Xms and -Xmx
 */
public record NodeConfig(String clusterName, int httpPort, Path dataPath, Path logsPath, String heap) {
  private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  public NodeConfig {
    Objects.requireNonNull(dataPath, "dataPath");
    Objects.requireNonNull(logsPath, "logsPath");
    if (clusterName == null || !NAME.matcher(clusterName).matches()) {
      throw new IllegalArgumentException("cluster name must be lower-case letters, digits, '-' or '_': " + clusterName);
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535: " + httpPort);
    }
    if (heap == null || !HEAP.matcher(heap).matches()) {
      throw new IllegalArgumentException("heap must look like 512m or 1g: " + heap);
    }
  }

  /** The content of {@code elasticsearch.yml}. */
  public String elasticsearchYml() {
    return String.join("\n",
        "# Written by org.minsheng.es.LocalElasticsearch for a local development node. Do not use in production.",
        "cluster.name: " + clusterName,
        "node.name: " + clusterName + "-node",
        "path.data: " + quote(dataPath.toAbsolutePath().toString()),
        "path.logs: " + quote(logsPath.toAbsolutePath().toString()),
        "network.host: 127.0.0.1",
        "http.port: " + httpPort,
        "transport.port: 0",
        "node.portsfile: true",
        "discovery.type: single-node",
        "# Security is off for this local, loopback-only node only. Real clusters: TLS + credentials (docs/ELASTICSEARCH.md).",
        "xpack.security.enabled: false",
        "cluster.routing.allocation.disk.threshold_enabled: false",
        "action.destructive_requires_name: false",
        "bootstrap.memory_lock: false",
        "")
        ;
  }

  /** The content of {@code jvm.options.d/minsheng.options}: bounded heap, no heap dumps into the data directory. */
  public String jvmOptions() {
    return String.join("\n",
        "# Written by org.minsheng.es.LocalElasticsearch",
        "-Xms" + heap,
        "-Xmx" + heap,
        "-XX:-HeapDumpOnOutOfMemoryError",
        "");
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
