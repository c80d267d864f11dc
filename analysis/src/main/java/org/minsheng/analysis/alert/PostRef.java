package org.minsheng.analysis.alert;

import java.io.Serializable;

/** A post quoted in an alert: the {@code topPosts} entries of the document. */
public class PostRef implements Serializable {
  private static final long serialVersionUID = 1L;

  public String id;
  public String title;
  public String url;
  public String site;
  public long interactions;

  public PostRef() {}

  public PostRef(String id, String title, String url, String site, long interactions) {
    this.id = id;
    this.title = title;
    this.url = url;
    this.site = site;
    this.interactions = interactions;
  }
}
