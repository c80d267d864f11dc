package org.minsheng.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Final tidying after lines were removed: strips trailing spaces, removes punctuation orphaned at the start of a line by
 * an injected line (seed 001's "。近些年来…"), collapses runs of blank lines to one and trims blank lines at both ends.
 * Setting: {@code maxBlankLines} (default 1).
 */
public final class TidyFilter implements CleaningFilter {
  private int maxBlankLines = 1;

  @Override
  public String name() {
    return "tidy";
  }

  @Override
  public void configure(JsonNode settings) {
    maxBlankLines = new FilterSettings(name(), settings).integer("maxBlankLines", 1);
  }

  @Override
  public String apply(String text) {
    List<String> out = new ArrayList<>();
    int blanks = 0;
    for (String line : Lines.split(text)) {
      String t = line.stripTrailing().replaceFirst("^\\s*[。，,；;、]+\\s*", "");
      if (t.isBlank()) {
        blanks++;
        if (blanks > maxBlankLines || out.isEmpty()) {
          continue;
        }
        out.add("");
      } else {
        blanks = 0;
        out.add(t);
      }
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return Lines.join(out);
  }
}
