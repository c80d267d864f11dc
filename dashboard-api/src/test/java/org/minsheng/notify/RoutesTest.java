package org.minsheng.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesTest {

  @Test
  void defaultsBindAndEnableNothing() {
    NotifySettings s = NotifySettings.load(null, Map.of());
    assertThat(s.retry.max).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.elasticsearch.index).as("empty = derived from the Elasticsearch prefix").isEmpty();
    assertThat(s.elasticsearch.lookback).isEqualTo(Duration.ofDays(7));
    assertThat(Routes.fromSettings(s, Clock.systemUTC())).isEmpty();
  }

  @Test
  void notifyCommandIsRegistered() {
    assertThat(java.util.ServiceLoader.load(org.minsheng.cli.CliCommand.class).stream()
        .map(p -> p.get().path()).toList()).contains(java.util.List.of("notify"));
  }

  @Test
  void environmentEnablesChannelsAndMissingUrlsAreNamed() {
    NotifySettings s = NotifySettings.load(null, Map.of(
        "MINSHENG_CHANNELS_FEISHU_ENABLED", "true",
        "MINSHENG_CHANNELS_FEISHU_URL", "https://open.feishu.cn/open-apis/bot/v2/hook/x",
        "MINSHENG_CHANNELS_FEISHU_QUIETHOURS", "22:00-07:00",
        "MINSHENG_CHANNELS_WEBHOOK_ENABLED", "true"));
    assertThatThrownBy(() -> Routes.fromSettings(s, Clock.systemUTC()))
        .hasMessage("channels.webhook.url must be set when webhook is enabled");
    s.channels.webhook.url = "http://127.0.0.1:9/hook";
    var routes = Routes.fromSettings(s, Clock.systemUTC());
    assertThat(routes).extracting(r -> r.channel().name()).containsExactly("feishu", "webhook");
    assertThat(routes.get(0).quietHours().start().toString()).isEqualTo("22:00");
  }
}
