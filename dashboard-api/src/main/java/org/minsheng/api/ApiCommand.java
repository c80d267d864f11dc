package org.minsheng.api;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.minsheng.cli.CliCommand;
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
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "minsheng-api-shutdown"));
    System.out.println("{\"url\":\"" + server.url() + "\""
        + server.demoToken().map(t -> ",\"demoToken\":\"" + t + "\"").orElse("") + "}");
    System.out.flush();
    stopped.await();
    return 0;
  }
}
