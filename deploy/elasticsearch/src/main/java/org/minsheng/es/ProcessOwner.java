package org.minsheng.es;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the Elasticsearch process runs as. Elasticsearch refuses to run as root (and we must never patch that check), so
 * when this JVM is root the node runs as an unprivileged system user through {@code runuser -u <user> --}; the user is
 * created with {@code useradd --system} when missing. Every directory the node writes is chowned to that user.
 */
public final class ProcessOwner {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessOwner.class);
  /** The system user a root JVM runs Elasticsearch as. */
  public static final String DEFAULT_USER = "minsheng-es";

  private final String runAs; // null: run as the current user

  private ProcessOwner(String runAs) {
    this.runAs = runAs;
  }

  /** Runs as the current user when it is not root, else as {@code user}. */
  public static ProcessOwner detect(String user) {
    return isRoot() ? new ProcessOwner(user) : new ProcessOwner(null);
  }

  public static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  public boolean switchesUser() {
    return runAs != null;
  }

  /** The user name Elasticsearch runs as. */
  public String userName() {
    return runAs != null ? runAs : System.getProperty("user.name");
  }

  /**
   * Creates the system user when missing (root only). Several JVMs may race here: "already exists" is fine, and
   * "cannot lock /etc/passwd" (another useradd is running) is retried.
   */
  public void ensureUserExists() {
    if (runAs == null || userExists(runAs)) {
      return;
    }
    int code = -1;
    for (int attempt = 0; attempt < 10 && !userExists(runAs); attempt++) {
      code = run(List.of("useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
          "--shell", "/usr/sbin/nologin", runAs));
      if (code == 0) {
        LOG.info("Created system user '{}' to run Elasticsearch (it refuses to run as root)", runAs);
        return;
      }
      sleepQuietly(500);
    }
    if (!userExists(runAs)) {
      throw new IllegalStateException("cannot create system user '" + runAs + "' (useradd exit code " + code
          + "); Elasticsearch refuses to run as root, create an unprivileged user or run as one");
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the Elasticsearch user", e);
    }
  }

  /** {@code command}, prefixed with {@code runuser -u <user> --} when switching user. */
  public List<String> wrap(List<String> command) {
    if (runAs == null) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", runAs, "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Gives {@code dir} and everything below it to the node's user (no-op when not switching user). */
  public void own(Path dir) {
    if (runAs == null) {
      return;
    }
    try {
      UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
      UserPrincipal user = lookup.lookupPrincipalByName(runAs);
      GroupPrincipal group = lookup.lookupPrincipalByGroupName(runAs);
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) paths::iterator) {
          PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
          view.setOwner(user);
          view.setGroup(group);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot give " + dir + " to user " + runAs, e);
    }
  }

  /**
   * Checks that the node's user can reach {@code dir}: every existing ancestor must be searchable by others (or owned
   * by that user). /root is 0700, so a root JVM must put node directories elsewhere (e.g. /var/tmp/minsheng).
   */
  public void checkTraversable(Path dir) {
    if (runAs == null) {
      return;
    }
    for (Path p = dir.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
      if (!Files.exists(p)) {
        continue;
      }
      try {
        boolean others = Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE);
        boolean owned = Files.getOwner(p).getName().equals(runAs);
        if (!others && !owned) {
          throw new IllegalArgumentException("Elasticsearch runs as user '" + runAs + "' (this JVM is root) and cannot"
              + " enter " + p + " (mode " + Files.getPosixFilePermissions(p) + ") to reach " + dir
              + "; choose a directory such as /var/tmp/minsheng/…");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read permissions of " + p, e);
      }
    }
  }

  private static boolean userExists(String user) {
    return run(List.of("id", "-u", user)) == 0;
  }

  private static int run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in 30 s");
      }
      if (p.exitValue() != 0 && !out.isEmpty()) {
        LOG.debug("{} exited with {}: {}", command, p.exitValue(), out);
      }
      return p.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }
}
