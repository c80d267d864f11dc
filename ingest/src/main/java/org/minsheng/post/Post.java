package org.minsheng.post;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The one record that flows from ingest to analysis (see docs/ARCHITECTURE.md).
 *
 * <p>Serialised as versioned JSON ({@code "v": 1}); unknown fields are tolerated so that a newer crawler can talk to an
 * older job. Construct with {@link #builder()}; check with {@link PostValidator} before handing over.
 *
 * @param schemaVersion version of this JSON shape, {@link #CURRENT_VERSION} when written by this code
 * @param id stable id: the platform's id, or a hash of the canonical URL
 * @param platform weibo | forum | news | feed | …
 * @param site the site's host or name, e.g. {@code news.example.cn}
 * @param url canonical URL of the post, where it has one
 * @param author who wrote it, where known
 * @param title title (articles, forum threads), may be null
 * @param text clean body text (simplified script)
 * @param publishedAt when the post was published (event time)
 * @param fetchedAt when ingest fetched it
 * @param region province or city (IP属地 or the site's province), where known
 * @param metrics interaction counts, where known
 * @param parentId the post this one reposts or replies to, where any
 * @param contentHash hash of the normalised text, set by ingest
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Post(
    @JsonProperty("v") int schemaVersion,
    String id,
    String platform,
    String site,
    String url,
    Author author,
    String title,
    String text,
    Instant publishedAt,
    Instant fetchedAt,
    String region,
    Metrics metrics,
    String parentId,
    String contentHash) {

  /** The JSON shape version written by this code. Readers accept 1..CURRENT_VERSION. */
  public static final int CURRENT_VERSION = 1;

  /** Who wrote a post. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Author(String id, String name, Long followers, Boolean verified) {}

  /** Interaction counts at fetch time. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Metrics(Long reposts, Long comments, Long likes, Long views) {
    public static final Metrics NONE = new Metrics(null, null, null, null);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .id(id).platform(platform).site(site).url(url).author(author).title(title).text(text)
        .publishedAt(publishedAt).fetchedAt(fetchedAt).region(region).metrics(metrics)
        .parentId(parentId).contentHash(contentHash);
  }

  /** Fluent builder; {@link #build()} always writes the current schema version. */
  public static final class Builder {
    private String id;
    private String platform;
    private String site;
    private String url;
    private Author author;
    private String title;
    private String text;
    private Instant publishedAt;
    private Instant fetchedAt;
    private String region;
    private Metrics metrics;
    private String parentId;
    private String contentHash;

    public Builder id(String v) { this.id = v; return this; }
    public Builder platform(String v) { this.platform = v; return this; }
    public Builder site(String v) { this.site = v; return this; }
    public Builder url(String v) { this.url = v; return this; }
    public Builder author(Author v) { this.author = v; return this; }
    public Builder title(String v) { this.title = v; return this; }
    public Builder text(String v) { this.text = v; return this; }
    public Builder publishedAt(Instant v) { this.publishedAt = v; return this; }
    public Builder fetchedAt(Instant v) { this.fetchedAt = v; return this; }
    public Builder region(String v) { this.region = v; return this; }
    public Builder metrics(Metrics v) { this.metrics = v; return this; }
    public Builder parentId(String v) { this.parentId = v; return this; }
    public Builder contentHash(String v) { this.contentHash = v; return this; }

    public Post build() {
      return new Post(CURRENT_VERSION, id, platform, site, url, author, title, text, publishedAt, fetchedAt,
          region, metrics, parentId, contentHash);
    }
  }
}
