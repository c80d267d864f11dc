package org.minsheng.local;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.minsheng.cli.CliCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./minsheng demo}: the whole local stack until Ctrl-C. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
        "Starts the local stack: Elasticsearch, the analysis job on a Flink MiniCluster, the dashboard API and page,",
        "and the bundled sample sites with the crawler feeding the job. Ctrl-C stops everything."})
public final class DemoCommand implements CliCommand {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

  @Option(names = "--data", defaultValue = "data/demo",
      description = "Directory for the spool, crawl state and checkpoints (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--port", defaultValue = "8080", description = "Dashboard/API port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--es-port", defaultValue = "0",
      description = "Elasticsearch HTTP port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int esPort;

  @Option(names = "--es-heap", defaultValue = "1g", description = "Elasticsearch heap (default: ${DEFAULT-VALUE}).")
  String esHeap;

  @Option(names = "--es-url", description = "Use this running Elasticsearch instead of starting a local node.")
  String esUrl;

  @Option(names = "--sites-port", defaultValue = "0",
      description = "Port of the sample sites; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int sitesPort;

  @Option(names = "--fresh", description = {"Delete the demo's spool, crawl state, checkpoints and local Elasticsearch"
      + " data first.", "Without it the demo resumes: the job from its newest retained checkpoint"
      + " (analysis.checkpoint.restore), Elasticsearch with its data."})
  boolean fresh;

  @Override
  public List<String> path() {
    return List.of("demo");
  }

  @Override
  public Integer call() throws Exception {
    if (fresh) {
      DemoStack.deleteQuietly(data);
      DemoStack.deleteQuietly(DemoStack.elasticsearchDirectory(data));
    }
    long t0 = System.nanoTime();
    DemoStack stack = DemoStack.start(new DemoStack.Options(data, port, esPort, esHeap, sitesPort, esUrl, System.getenv()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("demo: stopping…");
      stack.close();
      stopped.countDown();
    }, "minsheng-demo-shutdown"));
    LOG.info("demo: started in {} s", (System.nanoTime() - t0) / 1_000_000_000);
    System.out.println(stack.summary());
    System.out.flush();
    stopped.await();
    return 0;
  }
}
