package org.minsheng.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchDistributionTest {
  @TempDir Path tmp;

  private static Properties props(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  @Test
  void versionComesFromTheBuild() {
    assertThat(ElasticsearchDistribution.defaultVersion()).matches("8\\.19\\.\\d+");
  }

  @Test
  void mavenRepositoryPrecedence() {
    assertThat(ElasticsearchDistribution.mavenRepository(Map.of("MINSHENG_MAVEN_REPO_LOCAL", "/env/repo"),
        props("maven.repo.local", "/prop/repo", "user.home", "/home/u"))).isEqualTo(Path.of("/prop/repo"));
    assertThat(ElasticsearchDistribution.mavenRepository(Map.of("MINSHENG_MAVEN_REPO_LOCAL", "/env/repo"),
        props("user.home", "/home/u"))).isEqualTo(Path.of("/env/repo"));
    assertThat(ElasticsearchDistribution.mavenRepository(Map.of(), props("user.home", "/home/u")))
        .isEqualTo(Path.of("/home/u/.m2/repository"));
  }

  @Test
  void zipIsWhereMavenPutsIt() {
    assertThat(ElasticsearchDistribution.zipPath(Path.of("/r"), "8.19.21")).isEqualTo(Path.of(
        "/r/org/elasticsearch/distribution/integ-test-zip/elasticsearch/8.19.21/elasticsearch-8.19.21.zip"));
  }

  @Test
  void missingZipNamesTheCommandThatFetchesIt() {
    assertThatThrownBy(() -> ElasticsearchDistribution.locateZip(tmp, "8.19.21"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Elasticsearch server 8.19.21 is not in the local Maven repository")
        .hasMessageContaining("./mvnw -B -pl deploy/elasticsearch generate-resources");
  }

  @Test
  void unpacksOnceEvenWhenManyAskAtOnce() throws Exception {
    Path zip = fakeDistribution("9.9.9");
    Path base = tmp.resolve("dist");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Path>> homes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        homes.add(pool.submit(() -> ElasticsearchDistribution.unpack(zip, "9.9.9", base)));
      }
      for (Future<Path> home : homes) {
        assertThat(home.get()).isEqualTo(base.resolve("elasticsearch-9.9.9"));
      }
    } finally {
      pool.shutdown();
    }
    Path home = base.resolve("elasticsearch-9.9.9");
    assertThat(Files.readString(home.resolve("config/jvm.options"), StandardCharsets.UTF_8)).isEqualTo("-Xms1g\n");
    assertThat(Files.getPosixFilePermissions(home.resolve("bin/elasticsearch"))).contains(
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_READ);
    assertThat(Files.getPosixFilePermissions(home.resolve("config/jvm.options"))).contains(PosixFilePermission.OTHERS_READ);
    try (var left = Files.list(base)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".unpacking-"));
    }
    // a second call finds it complete and does not touch it
    Files.writeString(home.resolve("config/jvm.options"), "changed", StandardCharsets.UTF_8);
    ElasticsearchDistribution.unpack(zip, "9.9.9", base);
    assertThat(Files.readString(home.resolve("config/jvm.options"), StandardCharsets.UTF_8)).isEqualTo("changed");
  }

  @Test
  void refusesEntriesThatEscapeTheTarget() throws IOException {
    Path zip = tmp.resolve("evil.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("../../evil"));
      out.write(1);
      out.closeEntry();
    }
    assertThatThrownBy(() -> ElasticsearchDistribution.unpack(zip, "6.6.6", tmp.resolve("dist")))
        .hasRootCauseMessage("zip entry escapes the target directory: ../../evil");
  }

  private Path fakeDistribution(String version) throws IOException {
    Path zip = tmp.resolve("es.zip");
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      String top = "elasticsearch-" + version + "/";
      out.putNextEntry(new ZipEntry(top));
      out.putNextEntry(new ZipEntry(top + "bin/"));
      out.putNextEntry(new ZipEntry(top + "bin/elasticsearch"));
      out.write("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new ZipEntry(top + "config/jvm.options"));
      out.write("-Xms1g\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return zip;
  }
}
