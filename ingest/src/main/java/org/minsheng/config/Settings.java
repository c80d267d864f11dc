package org.minsheng.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Layered configuration: a module's documented defaults file (a YAML resource on the classpath), overridden by an
 * optional user YAML file, overridden by environment variables.
 *
 * <p>An environment variable overrides a setting that exists in the defaults: {@code MINSHENG_} followed by the
 * setting's path upper-cased with dots as underscores, e.g. {@code elasticsearch.url} ←
 * {@code MINSHENG_ELASTICSEARCH_URL}, {@code sink.bulkMaxActions} ← {@code MINSHENG_SINK_BULKMAXACTIONS}. Its value is
 * read as a YAML scalar (numbers, booleans, strings). Only leaves present in the defaults file can be set this way, so
 * every setting stays documented in one place.
 */
public final class Settings {
  public static final String ENV_PREFIX = "MINSHENG_";

  private final ObjectNode tree;
  private final ObjectMapper yaml;

  private Settings(ObjectNode tree, ObjectMapper yaml) {
    this.tree = tree;
    this.yaml = yaml;
  }

  /** Defaults from {@code resource}, then {@code userFile} (may be null), then {@code env}. */
  public static Settings load(String resource, Path userFile, Map<String, String> env) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());
    ObjectNode tree;
    try (InputStream in = Settings.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("defaults file " + resource + " not found on the classpath");
      }
      tree = (ObjectNode) yaml.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read defaults file " + resource, e);
    }
    if (userFile != null) {
      try {
        JsonNode user = yaml.readTree(Files.readString(userFile));
        if (user != null && !user.isMissingNode() && !user.isNull()) {
          if (!user.isObject()) {
            throw new IllegalArgumentException("configuration file " + userFile + " must be a YAML mapping");
          }
          merge(tree, (ObjectNode) user, "", userFile.toString());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read configuration file " + userFile, e);
      }
    }
    applyEnv(tree, "", env, yaml);
    return new Settings(tree, yaml);
  }

  /** Defaults and environment only. */
  public static Settings load(String resource) {
    return load(resource, null, System.getenv());
  }

  /** Binds the subtree at {@code path} (dot-separated, "" for the root) to {@code type}. */
  public <T> T bind(String path, Class<T> type) {
    JsonNode node = path.isEmpty() ? tree : tree.at("/" + path.replace('.', '/'));
    if (node.isMissingNode()) {
      throw new IllegalArgumentException("no setting '" + path + "'");
    }
    try {
      return yaml.treeToValue(node, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("setting '" + path + "' does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  public String string(String path) {
    return bind(path, String.class);
  }

  public int integer(String path) {
    return bind(path, Integer.class);
  }

  public JsonNode tree() {
    return tree.deepCopy();
  }

  private static void merge(ObjectNode base, ObjectNode override, String prefix, String source) {
    Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode existing = base.get(e.getKey());
      if (existing == null) {
        throw new IllegalArgumentException("unknown setting '" + path + "' in " + source
            + " (every setting is listed in the module's defaults file)");
      }
      if (existing.isObject() && e.getValue().isObject()) {
        merge((ObjectNode) existing, (ObjectNode) e.getValue(), path, source);
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }

  private static void applyEnv(ObjectNode node, String prefix, Map<String, String> env, ObjectMapper yaml) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (e.getValue().isObject()) {
        applyEnv((ObjectNode) e.getValue(), path, env, yaml);
        continue;
      }
      String value = env.get(envName(path));
      if (value != null) {
        e.setValue(parseScalar(value, yaml));
      }
    }
  }

  /** The environment variable that overrides {@code path}. */
  public static String envName(String path) {
    return ENV_PREFIX + path.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  private static JsonNode parseScalar(String value, ObjectMapper yaml) {
    try {
      JsonNode parsed = yaml.readTree(value);
      return parsed == null || parsed.isMissingNode() ? TextNode.valueOf(value) : parsed;
    } catch (IOException e) {
      return TextNode.valueOf(value);
    }
  }

  @Override
  public String toString() {
    return Objects.toString(tree);
  }
}
