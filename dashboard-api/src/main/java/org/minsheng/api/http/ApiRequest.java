package org.minsheng.api.http;

import java.util.List;
import java.util.Map;
import org.minsheng.api.auth.Principal;

/** What a handler sees of a request: query and path parameters, the caller, the body. Free of Javalin types. */
public record ApiRequest(Map<String, List<String>> query, Map<String, String> path, Principal principal, String body) {

  public static ApiRequest of(Map<String, List<String>> query) {
    return new ApiRequest(query, Map.of(), null, "");
  }

  public String pathParam(String name) {
    String value = path.get(name);
    if (value == null) {
      throw new IllegalStateException("route has no path parameter " + name);
    }
    return value;
  }
}
