package org.minsheng.api.auth;

import java.time.Duration;
import org.minsheng.api.http.ApiException;

/**
 * Checks a request's {@code Authorization: Bearer <token>} header against the token store, the required role and the
 * token's rate limit. Failures are {@link ApiException}s: 401 missing / unknown token, 403 role too low, 429 too many
 * requests.
 */
public final class AccessControl {
  private final TokenStore tokens;
  private final RateLimiter limiter;

  public AccessControl(TokenStore tokens, RateLimiter limiter) {
    this.tokens = tokens;
    this.limiter = limiter;
  }

  public Principal authorize(String authorizationHeader, Role required) {
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      throw new ApiException(401, "unauthorized", "missing bearer token: send 'Authorization: Bearer <token>'");
    }
    if (!authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiException(401, "unauthorized", "the Authorization header must use the Bearer scheme");
    }
    Principal principal = tokens.authenticate(authorizationHeader.substring(7).strip())
        .orElseThrow(() -> new ApiException(401, "unauthorized", "unknown or revoked token"));
    Duration wait = limiter.tryAcquire(principal.name());
    if (!wait.isZero()) {
      throw new RateLimitedException(wait);
    }
    if (!principal.role().includes(required)) {
      throw new ApiException(403, "forbidden", "this needs the role " + required.code() + "; token '"
          + principal.name() + "' has " + principal.role().code());
    }
    return principal;
  }

  /** 429 with the wait before the next allowed request. */
  public static final class RateLimitedException extends ApiException {
    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
      super(429, "rate_limited", "too many requests for this token; retry after "
          + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s");
      this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
      return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
  }
}
