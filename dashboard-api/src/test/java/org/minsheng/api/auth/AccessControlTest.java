package org.minsheng.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.api.http.ApiException;

class AccessControlTest {
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
  final AtomicLong nanos = new AtomicLong();
  final TokenStore tokens = TokenStore.inMemory(JSON);
  final AccessControl access = new AccessControl(tokens, new RateLimiter(3, nanos::get));

  @Test
  void missingWrongAndUnderPrivilegedTokensAreRefusedWithTheirStatus() {
    String viewer = tokens.create("duty", Role.VIEWER);
    assertThatThrownBy(() -> access.authorize(null, Role.VIEWER)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status()).isEqualTo(401));
    assertThatThrownBy(() -> access.authorize("Basic abc", Role.VIEWER)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.getMessage()).contains("Bearer"));
    assertThatThrownBy(() -> access.authorize("Bearer " + viewer + "x", Role.VIEWER))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThatThrownBy(() -> access.authorize("Bearer " + viewer, Role.ANALYST))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.getMessage()).contains("analyst").contains("'duty' has viewer");
        });
    assertThat(access.authorize("bearer " + viewer, Role.VIEWER)).isEqualTo(new Principal("duty", Role.VIEWER));
  }

  @Test
  void rateLimitIsPerTokenAndRefills() {
    String a = tokens.create("a", Role.ADMIN);
    String b = tokens.create("b", Role.ADMIN);
    for (int i = 0; i < 3; i++) {
      access.authorize("Bearer " + a, Role.VIEWER);
    }
    assertThatThrownBy(() -> access.authorize("Bearer " + a, Role.VIEWER))
        .isInstanceOfSatisfying(AccessControl.RateLimitedException.class, e -> {
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.retryAfterSeconds()).isEqualTo(20);
        });
    access.authorize("Bearer " + b, Role.VIEWER);
    nanos.addAndGet(Duration.ofSeconds(20).toNanos());
    access.authorize("Bearer " + a, Role.VIEWER);
  }

  @Test
  void storeKeepsOnlyHashesAndSurvivesRestart(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tokens.json");
    TokenStore store = new TokenStore(file, JSON, Clock.systemUTC());
    String token = store.create("analyst1", Role.ANALYST);
    store.register("demo", Role.ADMIN, "a-demo-token-of-some-length");
    String saved = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(saved).doesNotContain(token).doesNotContain("a-demo-token-of-some-length")
        .contains(TokenStore.sha256(token));
    TokenStore reloaded = new TokenStore(file, JSON, Clock.systemUTC());
    assertThat(reloaded.authenticate(token)).contains(new Principal("analyst1", Role.ANALYST));
    assertThat(reloaded.revoke("analyst1")).isTrue();
    assertThat(new TokenStore(file, JSON, Clock.systemUTC()).authenticate(token)).isEmpty();
  }

  @Test
  void shortTokensAndOddNamesAreRefused() {
    assertThatThrownBy(() -> tokens.register("demo", Role.ADMIN, "short")).hasMessageContaining("at least 16");
    assertThatThrownBy(() -> tokens.create("a b", Role.ADMIN)).hasMessageContaining("token name");
  }

  @Test
  void rolesIncludeTheOnesBelow() {
    assertThat(Role.ADMIN.includes(Role.ANALYST)).isTrue();
    assertThat(Role.ANALYST.includes(Role.VIEWER)).isTrue();
    assertThat(Role.VIEWER.includes(Role.ANALYST)).isFalse();
  }
}
