package org.minsheng.api.http;

import java.util.List;

/** A result that is a table, so it can be exported as CSV ({@code ?format=csv}). */
public interface Tabular {
  List<String> columns();

  List<List<Object>> rows();

  /** File name stem for the download, e.g. {@code trends}. */
  String exportName();
}
