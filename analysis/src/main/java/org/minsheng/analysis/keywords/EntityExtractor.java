package org.minsheng.analysis.keywords;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * People, places and organisations from the segmenter's part-of-speech tags (HanLP: {@code nr*} person, {@code ns*}
 * place, {@code nt*} organisation), in order of first appearance, without repeats.
 */
public final class EntityExtractor {

  /** The entities of one post. */
  public record Entities(List<String> persons, List<String> places, List<String> organisations) {}

  public Entities extract(List<String> tokens, List<String> pos) {
    Set<String> persons = new LinkedHashSet<>();
    Set<String> places = new LinkedHashSet<>();
    Set<String> orgs = new LinkedHashSet<>();
    if (tokens != null && pos != null) {
      int n = Math.min(tokens.size(), pos.size());
      for (int i = 0; i < n; i++) {
        String w = tokens.get(i);
        String p = pos.get(i);
        if (w == null || p == null || w.length() < 2) {
          continue;
        }
        if (p.startsWith("nr")) {
          persons.add(w);
        } else if (p.startsWith("ns")) {
          places.add(w);
        } else if (p.startsWith("nt")) {
          orgs.add(w);
        }
      }
    }
    return new Entities(new ArrayList<>(persons), new ArrayList<>(places), new ArrayList<>(orgs));
  }
}
