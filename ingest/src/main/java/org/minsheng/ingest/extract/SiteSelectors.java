package org.minsheng.ingest.extract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.minsheng.config.Settings;

/**
 * Per-site CSS selectors that override the generic extractor (setting {@code extract.sites} in
 * {@code minsheng-extract-defaults.yaml}). A site matches a URL whose host equals {@code host} or ends with
 * {@code "." + host}; the most specific (longest) host wins. Each selector is optional: a missing one leaves that field
 * to the generic extractor.
 */
public record SiteSelectors(List<Site> sites) {
  public SiteSelectors {
    sites = sites == null ? List.of() : List.copyOf(sites);
  }

  public static SiteSelectors none() {
    return new SiteSelectors(List.of());
  }

  /** The {@code extract.sites} setting of {@code minsheng-extract-defaults.yaml} (layered with a user file). */
  public static SiteSelectors fromSettings(Settings settings) {
    return new SiteSelectors(List.of(settings.bind("extract.sites", Site[].class)));
  }

  /**
   * @param host host name, e.g. {@code news.example.com} or {@code example.com}
   * @param title selector of the headline element
   * @param body selector of the element(s) holding the article text
   * @param author selector of the author element
   * @param publishedAt selector of the element holding the publish time (text or {@code datetime}/{@code content})
   * @param source selector of the 来源 element
   * @param remove selectors of elements to delete before extraction (ads, captions, share bars)
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Site(String host, String title, String body, String author, String publishedAt, String source,
      List<String> remove) {
    public Site {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("extract.sites: every site needs a host");
      }
      host = host.trim().toLowerCase(Locale.ROOT);
      remove = remove == null ? List.of() : List.copyOf(remove);
    }

    boolean matches(String urlHost) {
      return urlHost.equals(host) || urlHost.endsWith("." + host);
    }
  }

  /** The site entry for {@code urlHost}, if any. */
  public Optional<Site> forHost(String urlHost) {
    if (urlHost == null) {
      return Optional.empty();
    }
    String h = urlHost.toLowerCase(Locale.ROOT);
    Site best = null;
    for (Site s : sites) {
      if (s.matches(h) && (best == null || s.host().length() > best.host().length())) {
        best = s;
      }
    }
    return Optional.ofNullable(best);
  }
}
