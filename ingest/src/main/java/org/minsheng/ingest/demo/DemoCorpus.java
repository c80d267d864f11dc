package org.minsheng.ingest.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bundled demo stories ({@code demo-sites/corpus.yaml}), with reprints resolved. */
public final class DemoCorpus {

  /** One story: a search keyword and its items across the three channels. */
  public record Story(String key, String keyword, List<Item> items) {}

  /** One news article, forum floor or Weibo post; {@code minutes} before server start. */
  public record Item(String id, String channel, int minutes, String author, String region, Long followers, Boolean verified,
      String title, String text, String source, String thread, String repostOf, String reprintOf) {}

  private final List<Story> stories;
  private final Map<String, Item> byId = new LinkedHashMap<>();

  private DemoCorpus(List<Story> raw) {
    for (Story s : raw) {
      for (Item i : s.items()) {
        byId.put(i.id(), i);
      }
    }
    List<Story> resolved = new ArrayList<>();
    for (Story s : raw) {
      List<Item> items = new ArrayList<>();
      for (Item i : s.items()) {
        items.add(resolve(i));
      }
      resolved.add(new Story(s.key(), s.keyword(), items));
    }
    this.stories = List.copyOf(resolved);
    byId.clear();
    stories.forEach(s -> s.items().forEach(i -> byId.put(i.id(), i)));
  }

  private Item resolve(Item i) {
    if (i.reprintOf() == null) {
      return i;
    }
    Item original = byId.get(i.reprintOf());
    if (original == null) {
      throw new IllegalStateException("demo item " + i.id() + " reprints unknown item " + i.reprintOf());
    }
    String text = switch (i.channel()) {
      case "weibo" -> "【" + original.title() + "】" + original.text().replace("\n", "") + "（来源：" + original.source() + "）";
      default -> "【转载】" + original.title() + "\n" + original.text() + "\n来源：" + original.source();
    };
    return new Item(i.id(), i.channel(), i.minutes(), i.author(), i.region(), i.followers(), i.verified(), i.title(), text,
        i.source(), i.thread(), i.repostOf(), i.reprintOf());
  }

  public static DemoCorpus load() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try (InputStream in = DemoCorpus.class.getClassLoader().getResourceAsStream("demo-sites/corpus.yaml")) {
      if (in == null) {
        throw new IllegalStateException("demo-sites/corpus.yaml missing from the classpath");
      }
      record Root(List<Story> stories) {}
      return new DemoCorpus(yaml.readValue(in, Root.class).stories());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo corpus", e);
    }
  }

  public List<Story> stories() {
    return stories;
  }

  public Item item(String id) {
    return byId.get(id);
  }

  public List<Item> channel(String channel) {
    List<Item> out = new ArrayList<>();
    stories.forEach(s -> s.items().stream().filter(i -> i.channel().equals(channel)).forEach(out::add));
    return out;
  }

  public int size() {
    return byId.size();
  }
}
