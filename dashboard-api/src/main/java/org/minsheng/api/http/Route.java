package org.minsheng.api.http;

import org.minsheng.api.auth.Role;

/**
 * One API route: method, path (Javalin syntax, {@code {id}} for path parameters), the least role that may call it
 * (null = public), the operation and a one-line summary (also used by the OpenAPI test).
 */
public record Route(String method, String path, Role role, Endpoint endpoint, String summary) {
}
