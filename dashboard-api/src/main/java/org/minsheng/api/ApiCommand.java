package org.minsheng.api;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.minsheng.cli.CliCommand;
import org.minsheng.es.EsSettings;
import org.minsheng.es.RetentionSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./minsheng api}: runs the dashboard API and web page until Ctrl-C. */
@Command(name = "api", mixinStandardHelpOptions = true,
    description = "Run the dashboard API and web page against an existing Elasticsearch (Ctrl-C stops it).")
public final class ApiCommand implements CliCommand {
  @Option(names = "--config", description = "YAML file overriding minsheng-api.yaml")
  Path config;

  @Option(names = "--demo-token", description = "Register an admin token named 'demo' (value from "
      + ApiServer.DEMO_TOKEN_ENV + " or generated) and print it")
  boolean demoToken;

  @Override
  public List<String> path() {
    return List.of("api");
  }

  @Override
  public Integer call() throws InterruptedException {
    ApiSettings settings = ApiSettings.load(config, System.getenv());
    CountDownLatch stopped = new CountDownLatch(1);
    ApiServer server = ApiServer.start(settings, System.getenv(), demoToken);
    // the API process owns the posts retention (deleting whole monthly indices older than
    // elasticsearch.retention.posts): it runs for as long as the indices are read, one instance per deployment is
    // enough and a second one is harmless (a 404 counts as already gone)
    RetentionSchedule retention = RetentionSchedule.start(connection(settings.elasticsearch()), EsSettings.loadDefaults());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      retention.close();
      server.close();
      stopped.countDown();
    }, "minsheng-api-shutdown"));
    System.out.println("{\"url\":\"" + server.url() + "\""
        + server.demoToken().map(t -> ",\"demoToken\":\"" + t + "\"").orElse("") + "}");
    System.out.flush();
    stopped.await();
    return 0;
  }

  private static EsSettings connection(ApiSettings.Elasticsearch es) {
    return new EsSettings(es.url(), es.username(), es.password(), es.apiKey(), es.caCertificate(), null,
        es.requestTimeout());
  }
}
