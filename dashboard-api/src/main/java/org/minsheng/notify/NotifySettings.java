package org.minsheng.notify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.minsheng.config.Settings;

/** Notifier settings, bound from {@code notify/notify-defaults.yaml} (documented there). */
public class NotifySettings {
  public static final String DEFAULTS = "notify/notify-defaults.yaml";

  public Elasticsearch elasticsearch = new Elasticsearch();
  public Duration pollInterval;
  public int batch;
  public int sendThreads;
  public Duration lease;
  public String owner;
  public Duration httpTimeout;
  public Retry retry = new Retry();
  public String quietHoursZone;
  public Channels channels = new Channels();

  public static NotifySettings load(Path userFile, Map<String, String> env) {
    return Settings.load(DEFAULTS, userFile, env).bind("", NotifySettings.class);
  }

  public static class Elasticsearch {
    public String index;
    public Duration lookback;
  }

  public static class Retry {
    public Duration initial;
    public double multiplier;
    public Duration max;
    public int maxAttempts;
  }

  public static class Channels {
    public DingTalk dingtalk = new DingTalk();
    public WeCom wecom = new WeCom();
    public Feishu feishu = new Feishu();
    public Webhook webhook = new Webhook();
    public Email email = new Email();
  }

  public static class Common {
    public boolean enabled;
    public String quietHours = "";
    public int maxPerMinute;
  }

  public static class DingTalk extends Common {
    public String url;
    public String secret;
    public List<String> atMobiles = new ArrayList<>();
  }

  public static class WeCom extends Common {
    public String url;
    public List<String> mentionUserIds = new ArrayList<>();
  }

  public static class Feishu extends Common {
    public String url;
    public String secret;
    public boolean atAllOnRed;
  }

  public static class Webhook extends Common {
    public String url;
    public String secret;
  }

  public static class Email extends Common {
    public String host;
    public int port;
    public boolean startTls;
    public String user;
    public String password;
    public String from;
    public List<String> to = new ArrayList<>();
  }
}
