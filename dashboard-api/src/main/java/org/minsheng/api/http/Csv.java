package org.minsheng.api.http;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV of a {@link Tabular}, with formula-injection guard for spreadsheet users. */
public final class Csv {
  private Csv() {
  }

  public static String write(Tabular table, int maxRows) {
    StringBuilder out = new StringBuilder("\uFEFF"); // BOM: Excel opens UTF-8 Chinese correctly
    out.append(line(table.columns().stream().map(c -> (Object) c).toList())).append("\r\n");
    int n = 0;
    for (List<Object> row : table.rows()) {
      if (n++ >= maxRows) {
        break;
      }
      out.append(line(row)).append("\r\n");
    }
    return out.toString();
  }

  private static String line(List<Object> values) {
    return values.stream().map(Csv::cell).collect(Collectors.joining(","));
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String s = value instanceof Instant i ? i.toString() : String.valueOf(value);
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
      s = "'" + s; // a cell starting with = + - @ would be run as a formula by spreadsheets
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.contains("'")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
