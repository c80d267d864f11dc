package org.minsheng.ingest.fetch;

import java.net.URI;
import java.util.Optional;

/**
 * The result of {@link PoliteFetcher#fetch}: the outcome, the final URL after redirects, the status, the body (only for
 * {@link FetchOutcome#OK}) and the validators for the next conditional GET.
 *
 * @param reason human-readable explanation for any outcome other than OK (goes to the skip / error counters)
 */
public record FetchResult(
    FetchOutcome outcome,
    URI requested,
    URI finalUri,
    int status,
    String contentType,
    byte[] body,
    String etag,
    String lastModified,
    int attempts,
    String reason) {

  public boolean ok() {
    return outcome == FetchOutcome.OK;
  }

  public Optional<String> contentTypeHeader() {
    return Optional.ofNullable(contentType);
  }

  static FetchResult failure(FetchOutcome outcome, URI requested, URI finalUri, int status, int attempts, String reason) {
    return new FetchResult(outcome, requested, finalUri, status, null, null, null, null, attempts, reason);
  }

  @Override
  public String toString() {
    return "FetchResult[" + outcome + " " + status + " " + finalUri + (reason == null ? "" : " (" + reason + ")")
        + (body == null ? "" : ", " + body.length + " bytes") + "]";
  }
}
