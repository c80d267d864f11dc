package org.minsheng.notify;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.minsheng.es.EsConnection;
import org.minsheng.es.EsSettings;
import org.minsheng.es.IndexNames;
import org.minsheng.cli.CliCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./minsheng notify}: the long-running notifier that drains the alert outbox in Elasticsearch to the
 * configured channels. {@code --once} polls once and prints {@code {"delivered":N}}.
 */
@Command(name = "notify", mixinStandardHelpOptions = true,
    description = "Deliver alerts from minsheng-alerts to DingTalk, WeCom, Feishu, a webhook and e-mail.")
public final class NotifyCommand implements CliCommand {
  private static final Logger LOG = LoggerFactory.getLogger(NotifyCommand.class);

  @Option(names = "--config", description = "YAML file overriding notify/notify-defaults.yaml")
  Path config;

  @Option(names = "--once", description = "poll once, print {\"delivered\":N} and exit")
  boolean once;

  @Override
  public List<String> path() {
    return List.of("notify");
  }

  @Override
  public Integer call() throws Exception {
    NotifySettings s = NotifySettings.load(config, System.getenv());
    List<Notifier.Route> routes = Routes.fromSettings(s, Clock.systemUTC());
    if (routes.isEmpty()) {
      LOG.warn("no channel is enabled (channels.*.enabled): nothing to deliver");
    }
    String owner = s.owner == null || s.owner.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : s.owner;
    org.minsheng.config.Settings es = EsSettings.loadDefaults();
    String index = s.elasticsearch.index == null || s.elasticsearch.index.isBlank()
        ? new IndexNames(es.string("elasticsearch.index.prefix")).alerts() : s.elasticsearch.index;
    try (EsConnection connection = EsConnection.open(EsSettings.from(es))) {
      ElasticsearchClient client = connection.client();
      LOG.info("notifier reading the outbox {} at {}", index, connection.settings());
      ElasticsearchOutbox outbox = new ElasticsearchOutbox(client, index, s.elasticsearch.lookback);
      new PendingChannelsBackfill(client, index).run();
      Notifier notifier = new Notifier(outbox, routes,
          new Backoff(s.retry.initial, s.retry.multiplier, s.retry.max), s.retry.maxAttempts, s.lease, owner,
          Clock.systemUTC(), s.sendThreads);
      if (once) {
        try {
          int n = notifier.pollOnce(s.batch);
          System.out.println("{\"delivered\":" + n + "}");
          return 0;
        } catch (java.io.UncheckedIOException e) {
          LOG.error("cannot poll the outbox {}: {}", index, e.getCause() == null ? e : e.getCause().toString());
          return 1;
        }
      }
      notifier.run(s.pollInterval, s.batch);
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.info("notifier stopped");
      return 0;
    }
  }
}
