package org.minsheng.api.auth;

import java.time.Instant;

/** A token as stored: its SHA-256 hash (hex), never the token itself. */
public record StoredToken(String name, Role role, String sha256, Instant createdAt) {
}
