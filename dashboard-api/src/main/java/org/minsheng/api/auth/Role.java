package org.minsheng.api.auth;

import io.javalin.security.RouteRole;
import java.util.Locale;
import java.util.Optional;

/**
 * Roles in increasing power: a viewer reads dashboards, topics, alerts, search and the brief; an analyst also exports
 * CSV and acknowledges / resolves alerts; an admin also manages tokens. Each role includes the ones below it.
 */
public enum Role implements RouteRole {
  VIEWER, ANALYST, ADMIN;

  public boolean includes(Role required) {
    return ordinal() >= required.ordinal();
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String code) {
    for (Role r : values()) {
      if (r.code().equals(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
