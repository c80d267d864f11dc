package org.minsheng.api.auth;

/** Who made a request: the token's name and role. */
public record Principal(String name, Role role) {
}
