package org.minsheng.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.minsheng.api.auth.AuditLog;
import org.minsheng.api.auth.Role;
import org.minsheng.api.auth.TokenStore;

/** Admin: list, create and revoke bearer tokens. Every change is audited; a token value is shown once. */
public final class TokenHandlers {
  private final TokenStore tokens;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;

  public TokenHandlers(TokenStore tokens, AuditLog audit, ObjectMapper json, Clock clock) {
    this.tokens = tokens;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  public record TokenInfo(String name, String role, Instant createdAt) {
  }

  public record Created(String name, String role, String token) {
  }

  public final Endpoint list = this::listImpl;

  private Object listImpl(ApiRequest request) throws java.io.IOException {
    return Map.of("items", tokens.list().stream()
      .map(t -> new TokenInfo(t.name(), t.role().code(), t.createdAt())).toList());
  }

  /** Body {@code {"name": "...", "role": "viewer|analyst|admin"}}. */
  public final Endpoint create = this::createImpl;

  private Object createImpl(ApiRequest request) throws java.io.IOException {
    JsonNode body;
    try {
      body = json.readTree(request.body().isBlank() ? "{}" : request.body());
    } catch (java.io.IOException e) {
      throw new BadParameterException("body", "expected a JSON object {\"name\":…, \"role\":…}");
    }
    String name = body.path("name").asText("");
    Role role = Role.parse(body.path("role").asText("")).orElseThrow(() -> new BadParameterException("role",
        "expected one of viewer, analyst, admin"));
    if (tokens.list().stream().anyMatch(t -> t.name().equals(name))) {
      throw new ApiException(409, "conflict", "a token named '" + name + "' exists; revoke it first");
    }
    String token;
    try {
      token = tokens.create(name, role);
    } catch (IllegalArgumentException e) {
      throw new BadParameterException("name", e.getMessage());
    }
    audit.record(new AuditLog.Event(clock.instant(), request.principal().name(), request.principal().role().code(),
        "token.create", Map.of("name", name, "role", role.code())));
    return new Created(name, role.code(), token);
  }

  public final Endpoint revoke = this::revokeImpl;

  private Object revokeImpl(ApiRequest request) throws java.io.IOException {
    String name = request.pathParam("name");
    if (name.equals(request.principal().name())) {
      throw new ApiException(409, "conflict", "a token cannot revoke itself");
    }
    if (!tokens.revoke(name)) {
      throw ApiException.notFound("token '" + name + "'");
    }
    audit.record(new AuditLog.Event(clock.instant(), request.principal().name(), request.principal().role().code(),
        "token.revoke", Map.of("name", name)));
    return Map.of("revoked", name);
  }

  static List<String> roles() {
    return List.of("viewer", "analyst", "admin");
  }
}
