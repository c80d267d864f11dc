package org.minsheng.api.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens, kept only as SHA-256 hashes. Tokens are 256 random bits, so a fast hash is enough (no dictionary to
 * attack); lookups go by hash, so no token is ever compared character by character. Optionally persisted to a JSON
 * file (written to a temp file and renamed into place).
 */
public final class TokenStore {
  private static final Logger LOG = LoggerFactory.getLogger(TokenStore.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
  private static final int MIN_TOKEN_LENGTH = 16;

  private final Map<String, StoredToken> byHash = new ConcurrentHashMap<>();
  private final Path file;
  private final ObjectMapper json;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** @param file where hashes persist, or null for memory only */
  public TokenStore(Path file, ObjectMapper json, Clock clock) {
    this.file = file;
    this.json = json;
    this.clock = clock;
    if (file != null && Files.exists(file)) {
      try {
        List<StoredToken> stored = json.readValue(Files.readString(file, StandardCharsets.UTF_8),
            new TypeReference<List<StoredToken>>() { });
        stored.forEach(t -> byHash.put(t.sha256(), t));
        LOG.info("Loaded {} token hashes from {}", stored.size(), file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read token file " + file, e);
      }
    }
  }

  public static TokenStore inMemory(ObjectMapper json) {
    return new TokenStore(null, json, Clock.systemUTC());
  }

  public Optional<Principal> authenticate(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    StoredToken stored = byHash.get(sha256(token));
    return stored == null ? Optional.empty() : Optional.of(new Principal(stored.name(), stored.role()));
  }

  /** Creates a new random token for {@code name}; the value is returned once and never stored. */
  public synchronized String create(String name, Role role) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = "msk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    register(name, role, token);
    return token;
  }

  /** Registers a token chosen by the operator (e.g. MINSHENG_DEMO_TOKEN); replaces one of the same name. */
  public synchronized void register(String name, Role role, String token) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("token name must be 1-64 of A-Z a-z 0-9 _ . @ -, got '" + name + "'");
    }
    if (token.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException("a token needs at least " + MIN_TOKEN_LENGTH + " characters");
    }
    byHash.values().removeIf(t -> t.name().equals(name));
    byHash.put(sha256(token), new StoredToken(name, role, sha256(token), clock.instant()));
    save();
  }

  /** @return whether a token of that name existed */
  public synchronized boolean revoke(String name) {
    boolean removed = byHash.values().removeIf(t -> t.name().equals(name));
    if (removed) {
      save();
    }
    return removed;
  }

  public List<StoredToken> list() {
    List<StoredToken> all = new ArrayList<>(byHash.values());
    all.sort(Comparator.comparing(StoredToken::name));
    return all;
  }

  private void save() {
    if (file == null) {
      return;
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".tokens", ".tmp");
      Files.writeString(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsString(list()), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write token file " + file, e);
    }
  }

  static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
