package org.minsheng.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.minsheng.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index templates, versioned JSON files in {@code es/templates/*.json} (composable index template bodies, as
 * accepted by {@code PUT _index_template/<name>}), and their application at start.
 *
 * <p>The files are written for the default prefix {@code minsheng}; another prefix replaces it in index patterns and
 * aliases. Shards and replicas come from the settings. {@link #apply(ElasticsearchClient)} is idempotent: it puts every
 * template (logging the version found and the version put) and creates the non-time-based indices when absent; for
 * existing ones it puts the template's mappings again, which adds new fields (changing a field's type needs a new index).
 */
public final class IndexTemplates {
  private static final Logger LOG = LoggerFactory.getLogger(IndexTemplates.class);
  /** Template files, by short name: {@code es/templates/<name>.json}. */
  public static final List<String> TEMPLATES = List.of("posts", "deadletters", "topics", "trends", "alerts", "sources");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IndexNames names;
  private final IndexSizing defaultSizing;
  private final Map<String, IndexSizing> sizing;

  /** The same shards and replicas for every family. */
  public IndexTemplates(IndexNames names, int shards, int replicas) {
    this(names, new IndexSizing(shards, replicas), Map.of());
  }

  /**
   * @param defaultSizing shards and replicas of every family not in {@code perFamily}
   * @param perFamily by template short name ({@code posts}, {@code deadletters}, …; see {@link #TEMPLATES})
   */
  public IndexTemplates(IndexNames names, IndexSizing defaultSizing, Map<String, IndexSizing> perFamily) {
    for (String family : perFamily.keySet()) {
      if (!TEMPLATES.contains(family)) {
        throw new IllegalArgumentException("no index family '" + family + "'; families: " + TEMPLATES);
      }
    }
    this.names = Objects.requireNonNull(names, "names");
    this.defaultSizing = Objects.requireNonNull(defaultSizing, "defaultSizing");
    this.sizing = Map.copyOf(perFamily);
  }

  /** Prefix {@code minsheng}, 1 shard, 0 replicas (one local node). */
  public static IndexTemplates defaults() {
    return new IndexTemplates(IndexNames.DEFAULT, 1, 0);
  }

  /**
   * From {@code elasticsearch.index.*} of {@code minsheng-elasticsearch.yaml}: {@code shards}/{@code replicas} for every
   * family, overridden per family by {@code elasticsearch.index.<family>.shards}/{@code replicas} when not empty.
   */
  public static IndexTemplates from(Settings settings) {
    IndexSizing all = new IndexSizing(settings.integer("elasticsearch.index.shards"),
        settings.integer("elasticsearch.index.replicas"));
    Map<String, IndexSizing> perFamily = new LinkedHashMap<>();
    for (String family : TEMPLATES) {
      String base = "elasticsearch.index." + family + ".";
      Integer shards = optionalInt(settings, base + "shards");
      Integer replicas = optionalInt(settings, base + "replicas");
      if (shards != null || replicas != null) {
        perFamily.put(family, new IndexSizing(shards != null ? shards : all.shards(),
            replicas != null ? replicas : all.replicas()));
      }
    }
    return new IndexTemplates(new IndexNames(settings.string("elasticsearch.index.prefix")), all, perFamily);
  }

  private static Integer optionalInt(Settings settings, String path) {
    String value = settings.string(path);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting '" + path + "' must be a whole number or empty: " + value, e);
    }
  }

  /** The shards and replicas of {@code family} ({@code posts}, {@code deadletters}, …). */
  public IndexSizing sizing(String family) {
    return sizing.getOrDefault(family, defaultSizing);
  }

  /** Applies the default templates ({@link #defaults()}). */
  public static void applyDefaults(ElasticsearchClient client) {
    defaults().apply(client);
  }

  public IndexNames names() {
    return names;
  }

  /** The template name of {@code name} ({@code posts} → {@code minsheng-posts}). */
  public String templateName(String name) {
    return names.prefix() + "-" + name;
  }

  /** The template bodies by template name, after prefix, shards and replicas are applied. */
  public Map<String, ObjectNode> templates() {
    Map<String, ObjectNode> all = new LinkedHashMap<>();
    for (String name : TEMPLATES) {
      all.put(templateName(name), template(name));
    }
    return all;
  }

  /** The body of template {@code name} ({@code posts}, {@code deadletters}, …). */
  public ObjectNode template(String name) {
    String resource = "es/templates/" + name + ".json";
    ObjectNode body;
    try (InputStream in = IndexTemplates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no index template " + resource + " on the classpath");
      }
      body = (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    JsonNode original = body.get("index_patterns");
    ArrayNode patterns = body.putArray("index_patterns");
    for (JsonNode p : original) {
      patterns.add(rename(p.asText()));
    }
    ObjectNode template = (ObjectNode) body.get("template");
    ObjectNode settings = template.withObjectProperty("settings");
    IndexSizing size = sizing(name);
    settings.put("number_of_shards", size.shards());
    settings.put("number_of_replicas", size.replicas());
    if (template.has("aliases")) {
      ObjectNode renamed = JSON.createObjectNode();
      for (Map.Entry<String, JsonNode> alias : template.get("aliases").properties()) {
        renamed.set(rename(alias.getKey()), alias.getValue());
      }
      template.set("aliases", renamed);
    }
    return body;
  }

  private String rename(String name) {
    String defaultPrefix = IndexNames.DEFAULT_PREFIX + "-";
    if (!name.startsWith(defaultPrefix)) {
      throw new IllegalStateException("template names must start with '" + defaultPrefix + "': " + name);
    }
    return names.prefix() + "-" + name.substring(defaultPrefix.length());
  }

  /** Puts every template and creates the fixed indices when absent. */
  public void apply(ElasticsearchClient client) {
    if (!(client._transport() instanceof RestClientTransport transport)) {
      throw new IllegalArgumentException("IndexTemplates needs a client over RestClientTransport (see EsConnection)");
    }
    apply(transport.restClient());
  }

  /** Same as {@link #apply(ElasticsearchClient)} over the low-level client. */
  public void apply(RestClient rest) {
    try {
      for (Map.Entry<String, ObjectNode> t : templates().entrySet()) {
        String found = existingVersion(rest, t.getKey());
        send(rest, "PUT", "/_index_template/" + t.getKey(), t.getValue().toString());
        String version = "version " + t.getValue().path("version").asText("?");
        if (found.equals(version)) {
          LOG.debug("Index template {}: {} applied again", t.getKey(), version);
        } else {
          LOG.info("Index template {}: {} applied (was {})", t.getKey(), version, found);
        }
      }
      for (String name : TEMPLATES) {
        if (name.equals("posts")) {
          // monthly indices are created by the first document of each month; existing ones get the replicas setting
          putReplicas(rest, names.posts().pattern(), sizing(name));
          continue;
        }
        ensureIndex(rest, names.prefix() + "-" + name, template(name));
        putReplicas(rest, names.prefix() + "-" + name, sizing(name));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot apply the index templates: " + EsErrors.describe(e), e);
    }
  }

  private static String existingVersion(RestClient rest, String name) throws IOException {
    try {
      Response r = rest.performRequest(new Request("GET", "/_index_template/" + name));
      JsonNode body = JSON.readTree(EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8));
      JsonNode version = body.path("index_templates").path(0).path("index_template").path("version");
      return version.isMissingNode() ? "unversioned" : "version " + version.asText();
    } catch (ResponseException e) {
      if (e.getResponse().getStatusLine().getStatusCode() == 404) {
        return "absent";
      }
      throw e;
    }
  }

  private static void ensureIndex(RestClient rest, String index, ObjectNode template) throws IOException {
    Response head = rest.performRequest(new Request("HEAD", "/" + index));
    if (head.getStatusLine().getStatusCode() == 404) {
      try {
        send(rest, "PUT", "/" + index, "{}");
        LOG.debug("Created index {}", index);
        return;
      } catch (ResponseException e) {
        if (!EntityUtils.toString(e.getResponse().getEntity(), StandardCharsets.UTF_8).contains("resource_already_exists_exception")) {
          throw e;
        }
      }
    }
    JsonNode mappings = template.path("template").path("mappings");
    try {
      send(rest, "PUT", "/" + index + "/_mapping", mappings.toString());
    } catch (ResponseException e) {
      LOG.warn("Index {} exists with mappings that conflict with its template (a field changed type: reindex into a new"
          + " index): {}", index, e.getMessage());
    }
    JsonNode refresh = template.path("template").path("settings").path("refresh_interval");
    if (refresh.isTextual()) {
      // a dynamic setting: an index created under an older template version follows the current one
      send(rest, "PUT", "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":" + refresh + "}}");
    }
  }

  /**
   * Replicas are a dynamic index setting: existing indices of a family follow the configured value. Shards are fixed
   * when an index is created; a new value applies to indices created afterwards (next month's posts index).
   */
  private static void putReplicas(RestClient rest, String indices, IndexSizing size) throws IOException {
    send(rest, "PUT", "/" + indices + "/_settings?allow_no_indices=true&ignore_unavailable=true",
        "{\"index\":{\"number_of_replicas\":" + size.replicas() + "}}");
  }

  private static void send(RestClient rest, String method, String path, String json) throws IOException {
    Request request = new Request(method, path);
    request.setJsonEntity(json);
    rest.performRequest(request);
  }
}
