package org.minsheng.es;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.http.ConnectionClosedException;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.ResponseException;

/**
 * Turns what the Elasticsearch clients throw (a {@link ResponseException} carrying JSON, an
 * {@link ElasticsearchException}, an SSL or socket exception several causes deep) into one sentence that names the
 * problem and the setting to check, e.g. {@code Elasticsearch at https://…:9200 rejected user 'minsheng' (401): wrong
 * user name or password (elasticsearch.username / elasticsearch.password)}.
 */
public final class EsErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EsErrors() {
  }

  /** A one-line explanation without connection context. */
  public static String describe(Throwable error) {
    return describe(error, null);
  }

  /** A one-line explanation; {@code settings} (may be null) adds the URL, user and CA file to the message. */
  public static String describe(Throwable error, EsSettings settings) {
    String at = settings == null ? "Elasticsearch" : "Elasticsearch at " + settings.url();
    Integer status = null;
    String reason = null;
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ResponseException re) {
        status = re.getResponse().getStatusLine().getStatusCode();
        reason = reason(re);
        break;
      }
      if (t instanceof ElasticsearchException ee) {
        status = ee.status();
        reason = ee.error() == null ? ee.getMessage() : ee.error().type() + ": " + ee.error().reason();
        break;
      }
      if (t instanceof SSLPeerUnverifiedException) {
        return at + ": TLS host name check failed (" + t.getMessage() + "): the URL's host must be in the server"
            + " certificate's subject alternative names";
      }
      if (t instanceof SSLHandshakeException || t instanceof SSLException) {
        String ca = settings == null ? "elasticsearch.caCertificate"
            : settings.caCertificate() == null ? "elasticsearch.caCertificate (not set: the JVM trust store was used)"
            : "elasticsearch.caCertificate=" + settings.caCertificate();
        return at + ": TLS handshake failed, the server's certificate is not trusted: check " + ca + " ("
            + t.getMessage() + ")";
      }
      if (t instanceof ConnectException) {
        return at + ": connection refused (is Elasticsearch running, and is the port right?)";
      }
      if (t instanceof UnknownHostException) {
        return at + ": unknown host " + t.getMessage();
      }
      if (t instanceof SocketTimeoutException) {
        return at + ": no answer in time (" + t.getMessage() + "); see elasticsearch.socketTimeout / connectTimeout";
      }
      if (t instanceof ConnectionClosedException) {
        String hint = settings != null && settings.url().startsWith("http://")
            ? " (a cluster with TLS closes plain-HTTP connections: use an https:// URL)" : "";
        return at + ": the server closed the connection" + hint;
      }
    }
    if (status == null) {
      return at + ": " + error;
    }
    return at + " " + statusSentence(status, settings) + " (" + status + ")" + (reason == null ? "" : ": " + reason);
  }

  private static String statusSentence(int status, EsSettings settings) {
    if (status == 401) {
      if (settings == null) {
        return "rejected the credentials";
      }
      if (settings.apiKey() != null) {
        return "rejected the API key (wrong, expired or invalidated: check elasticsearch.apiKey, base64 of id:key)";
      }
      if (settings.username() != null) {
        return "rejected user '" + settings.username() + "': wrong user name or password (elasticsearch.username /"
            + " elasticsearch.password)";
      }
      return "requires authentication: set elasticsearch.apiKey or elasticsearch.username/password";
    }
    if (status == 403) {
      return "refused the request: the user or API key lacks the privilege";
    }
    return "answered an error";
  }

  private static String reason(ResponseException e) {
    try {
      if (e.getResponse().getEntity() == null) {
        return null;
      }
      String body = EntityUtils.toString(e.getResponse().getEntity(), StandardCharsets.UTF_8);
      JsonNode error = JSON.readTree(body).path("error");
      if (error.isObject()) {
        String more = error.path("additional_unsuccessful_credentials").asText("");
        return error.path("type").asText() + ": " + error.path("reason").asText() + (more.isEmpty() ? "" : " (" + more + ")");
      }
      return error.isMissingNode() ? body : error.asText();
    } catch (IOException | RuntimeException ex) {
      return e.getResponse().getStatusLine().toString();
    }
  }
}
