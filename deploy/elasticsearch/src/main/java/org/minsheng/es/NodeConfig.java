package org.minsheng.es;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * @param extraSettings further {@code elasticsearch.yml} settings (key → scalar value); a key that is also a default
 *     replaces the default (e.g. {@code xpack.security.enabled: true} for a secured node)
 */
public record NodeConfig(String clusterName, int httpPort, Path dataPath, Path logsPath, String heap,
    Map<String, String> extraSettings) {
  private static final Pattern KEY = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
  private static final Pattern PLAIN = Pattern.compile("true|false|-?[0-9]+");
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
    extraSettings = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extraSettings, "extraSettings")));
    for (Map.Entry<String, String> e : extraSettings.entrySet()) {
      if (!KEY.matcher(e.getKey()).matches() || e.getValue() == null) {
        throw new IllegalArgumentException("not an elasticsearch.yml setting: " + e.getKey() + ": " + e.getValue());
      }
    }
  }

  /** Without extra settings: the default local node (security off). */
  public NodeConfig(String clusterName, int httpPort, Path dataPath, Path logsPath, String heap) {
    this(clusterName, httpPort, dataPath, logsPath, heap, Map.of());
  }

  /** The content of {@code elasticsearch.yml}. */
  public String elasticsearchYml() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("cluster.name", clusterName);
    settings.put("node.name", clusterName + "-node");
    settings.put("path.data", quote(dataPath.toAbsolutePath().toString()));
    settings.put("path.logs", quote(logsPath.toAbsolutePath().toString()));
    settings.put("network.host", "127.0.0.1");
    settings.put("http.port", Integer.toString(httpPort));
    settings.put("transport.port", "0");
    settings.put("node.portsfile", "true");
    settings.put("discovery.type", "single-node");
    settings.put("xpack.security.enabled", "false");
    settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
    settings.put("action.destructive_requires_name", "false");
    settings.put("bootstrap.memory_lock", "false");
    extraSettings.forEach((k, v) -> settings.put(k, PLAIN.matcher(v).matches() ? v : quote(v)));
    StringBuilder yml = new StringBuilder(
        "# Written by org.minsheng.es.LocalElasticsearch for a local development node. Do not use in production.\n");
    settings.forEach((k, v) -> {
      if (k.equals("xpack.security.enabled") && v.equals("false")) {
        yml.append("# Security is off for this local, loopback-only node only. Real clusters: TLS + credentials"
            + " (docs/ELASTICSEARCH.md).\n");
      }
      yml.append(k).append(": ").append(v).append('\n');
    });
    return yml.toString();
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
