package org.minsheng.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/openapi.json}: the OpenAPI 3.0 document kept as a resource next to the code. */
public final class OpenApiHandler implements Endpoint {
  public static final String RESOURCE = "openapi.json";
  private final JsonNode document;

  public OpenApiHandler(ObjectMapper json) {
    try (InputStream in = OpenApiHandler.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the classpath");
      }
      document = json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  @Override
  public JsonNode handle(ApiRequest request) {
    return document;
  }
}
