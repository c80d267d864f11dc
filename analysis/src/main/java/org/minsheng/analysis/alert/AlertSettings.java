package org.minsheng.analysis.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.minsheng.config.Settings;

/**
 * Alerting settings, bound from {@code minsheng-analysis.yaml}, key {@code alerts} (every field is documented there with its reason).
 * Plain serialisable fields so that Flink can ship them to the operators.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public class AlertSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The classpath resource holding the documented defaults. */
  public static final String DEFAULTS = "minsheng-analysis.yaml";

  public Window window = new Window();
  public Scopes scopes = new Scopes();
  public Burst burst = new Burst();
  public NegativeSurge negativeSurge = new NegativeSurge();
  public Spread spread = new Spread();
  public Watchlist watchlist = new Watchlist();
  public Levels levels = new Levels();
  public Hygiene hygiene = new Hygiene();
  public Content content = new Content();
  public Sink sink = new Sink();

  /** Defaults, then {@code userFile} (may be null), then {@code MINSHENG_*} environment variables. */
  public static AlertSettings load(Path userFile, Map<String, String> env) {
    return Settings.load(DEFAULTS, userFile, env).bind("alerts", AlertSettings.class);
  }

  /** The documented defaults alone (tests, benchmarks). */
  public static AlertSettings defaults() {
    return load(null, Map.of());
  }

  public static class Window implements Serializable {
    public Duration size = Duration.ofSeconds(30);
    public Duration allowedLateness = Duration.ofMinutes(10);
    public Duration idleStateRetention = Duration.ofDays(7);
    public int topPosts = 5;
    public int maxSites = 50;
    public int maxKeywords = 10;
  }

  public static class Scopes implements Serializable {
    public boolean topics = true;
    public boolean regions = true;
    public List<String> keywords = new ArrayList<>();
    public boolean skipSpam = true;
    public List<String> warmupTypes = new ArrayList<>(List.of("keyword", "region", "watchlist"));
  }

  public static class Burst implements Serializable {
    public boolean enabled = true;
    public int halfLifeWindows = 40;
    public int warmupWindows = 60;
    public long minVolume = 8;
    public double ratio = 2.2;
    public double zScore = 4.0;
    public int confirmWindows = 2;
    public double anomalyLearningFactor = 0.05;
    public double learnClipSigmas = 2.0;
  }

  public static class NegativeSurge implements Serializable {
    public boolean enabled = true;
    public int halfLifeWindows = 120;
    public int warmupWindows = 20;
    public long minNegative = 8;
    public double minShare = 0.5;
    public double shareRise = 0.2;
    public double ratio = 2.0;
    public int confirmWindows = 2;
  }

  public static class Spread implements Serializable {
    public boolean enabled = true;
    public int horizonWindows = 10;
    public int minNewSites = 5;
    public int minNewRegions = 4;
    public Duration memory = Duration.ofDays(1);
    public int warmupWindows = 120;
  }

  public static class Watchlist implements Serializable {
    public List<WatchRuleSpec> rules = new ArrayList<>();
    public int minPosts = 2;
  }

  /** One watch-list rule as written in YAML. */
  public static class WatchRuleSpec implements Serializable {
    public String name;
    public String expression;
    public List<String> regions = new ArrayList<>();
    public List<String> sites = new ArrayList<>();
    public List<String> platforms = new ArrayList<>();
    /** Null = {@link Watchlist#minPosts}. */
    public Integer minPosts;
  }

  public static class Levels implements Serializable {
    public LevelThreshold I = new LevelThreshold(20, 3000, 200);
    public LevelThreshold II = new LevelThreshold(10, 1200, 80);
    public LevelThreshold III = new LevelThreshold(5, 400, 25);
    public double negativeBoostShare = 0.6;
  }

  public static class LevelThreshold implements Serializable {
    public double minRatio;
    public double minHeat;
    public long minVolume;

    public LevelThreshold() {}

    public LevelThreshold(double minRatio, double minHeat, long minVolume) {
      this.minRatio = minRatio;
      this.minHeat = minHeat;
      this.minVolume = minVolume;
    }
  }

  public static class Hygiene implements Serializable {
    public Duration quietAfter = Duration.ofMinutes(30);
    public Duration cooldown = Duration.ofHours(1);
  }

  public static class Content implements Serializable {
    public String dashboardBaseUrl = "http://127.0.0.1:8080";
    public List<String> channels = new ArrayList<>();
  }

  public static class Sink implements Serializable {
    public Duration flushInterval = Duration.ofMillis(100);
  }
}
