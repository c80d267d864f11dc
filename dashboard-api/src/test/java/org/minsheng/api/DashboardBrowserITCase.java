package org.minsheng.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.minsheng.api.support.Fixtures;
import org.minsheng.es.testing.SharedElasticsearch;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.WebDriverException;

/**
 * The page in real headless Chromium (Debian's chromium + chromium-driver) against the API and the real Elasticsearch
 * node with fixture data: log in with a token, see the trend chart drawn with data, follow a hot topic to its page,
 * receive a live alert, search, open the brief. Skips only when Chromium is not installed (CI installs it).
 * The dashboard screenshot is written to target/dashboard.png (copied to docs/img/dashboard.png by hand), the
 * regions map to target/region-map.png.
 */
class DashboardBrowserITCase {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String TOKEN = "browser-itcase-admin-token";
  @RegisterExtension static final SharedElasticsearch ES = new SharedElasticsearch();
  static ApiServer server;
  static WebDriver driver;
  static Path profile;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium is not installed (apt-get install chromium chromium-driver): browser tests skipped");
    ES.reset();
    Fixtures.around(Instant.now()).index(ES.client());
    ApiSettings settings = ApiSettings.load(null, Map.of()).withServer("127.0.0.1", 0)
        .withElasticsearchUrl(ES.url()).withAuth(new ApiSettings.Auth("", 10_000, ""));
    server = ApiServer.start(settings, Map.of(ApiServer.DEMO_TOKEN_ENV, TOKEN), true);
    profile = Files.createTempDirectory("minsheng-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=zh-CN", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  /** Polls {@code condition} until it returns a non-null, non-false value (selenium-support is not a dependency). */
  static <T> T await(int seconds, String what, java.util.function.Supplier<T> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        T value = condition.get();
        if (value != null && !Boolean.FALSE.equals(value)) {
          return value;
        }
      } catch (WebDriverException e) {
        last = e;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out after " + seconds + " s waiting for " + what
        + (last == null ? "" : " (last error: " + last.getMessage() + ")"));
  }

  static WebElement visible(int seconds, By by) throws InterruptedException {
    return await(seconds, by + " visible", () -> {
      List<WebElement> found = driver.findElements(by);
      return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
    });
  }

  static WebElement present(int seconds, By by) throws InterruptedException {
    return await(seconds, by + " present", () -> {
      List<WebElement> found = driver.findElements(by);
      return found.isEmpty() ? null : found.get(0);
    });
  }

  static void text(int seconds, By by, String expected) throws InterruptedException {
    await(seconds, by + " containing '" + expected + "'", () -> {
      List<WebElement> found = driver.findElements(by);
      return !found.isEmpty() && found.get(0).getText().contains(expected);
    });
  }

  static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  static long chartSum(String id) {
    Object v = js("const c = window.echarts && echarts.getInstanceByDom(document.getElementById(arguments[0]));"
        + "if (!c) return 0; return c.getOption().series.filter((x) => x.type === 'bar')"
        + ".reduce((s, x) => s + x.data.reduce((a, b) => a + (b || 0), 0), 0);", id);
    return v == null ? 0 : ((Number) v).longValue();
  }

  /** Sum of the values a map series of chart {@code id} shows on provinces; -1 when it has no map series. */
  static long mapSum(String id) {
    Object v = js("const c = window.echarts && echarts.getInstanceByDom(document.getElementById(arguments[0]));"
        + "if (!c) return -1; const m = c.getOption().series.filter((x) => x.type === 'map');"
        + "if (!m.length) return -1; return m[0].data.reduce((s, d) => s + (d.value || 0), 0);", id);
    return v == null ? -1 : ((Number) v).longValue();
  }

  /**
   * Whether chart {@code id} draws the map of China: the geometry is registered, its map series projects Guangzhou
   * (113.27 E, 23.13 N) to a point inside the chart, and the province under that point is 广东 with its value.
   */
  static String mapAtGuangzhou(String id) {
    Object v = js("const el = document.getElementById(arguments[0]);"
        + "const c = window.echarts && echarts.getInstanceByDom(el); if (!c || !echarts.getMap('china')) return null;"
        + "const p = c.convertToPixel({seriesIndex: 0}, [113.27, 23.13]);"
        + "if (!p || !(p[0] > 0 && p[1] > 0 && p[0] < el.clientWidth && p[1] < el.clientHeight)) return null;"
        + "const d = c.getOption().series[0].data.find((x) => x.name === '广东');"
        + "return d ? d.name + '=' + d.value : null;", id);
    return v == null ? null : v.toString();
  }

  @Test
  void dutyOfficerJourney() throws Exception {
    try {
      journey();
    } catch (AssertionError | RuntimeException e) {
      Path failure = Path.of("target", "browser-failure.png");
      Files.createDirectories(failure.getParent());
      Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), failure,
          StandardCopyOption.REPLACE_EXISTING);
      throw e;
    }
  }

  private void journey() throws Exception {
    driver.get(server.url() + "/");
    WebElement tokenInput = visible(10, By.id("login-token"));

    tokenInput.sendKeys("wrong-token-value-123");
    driver.findElement(By.id("login-submit")).click();
    text(10, By.id("login-error"), "令牌无效");

    tokenInput.clear();
    tokenInput.sendKeys(TOKEN);
    driver.findElement(By.id("login-submit")).click();
    visible(10, By.id("view-home"));
    assertThat(driver.findElement(By.id("who")).getText()).contains("demo");

    // trend chart drawn with the fixture posts (15 in the last 24 hours)
    await(15, "chartSum('trend-chart') == 15", () -> chartSum("trend-chart") == 15);
    assertThat(driver.findElements(By.cssSelector("#trend-chart canvas"))).isNotEmpty();
    // regions on the map of China (geometry from /geo/china.js): all 15 fixture posts are in provinces, 5 in 广东
    await(10, "mapSum('region-chart') == 15", () -> mapSum("region-chart") == 15);
    assertThat(mapAtGuangzhou("region-chart")).isEqualTo("广东=5");
    assertThat(chartSum("region-chart")).isZero();
    js("document.getElementById('region-chart').scrollIntoView();");
    Thread.sleep(800); // let the map's animation settle for the screenshot
    Files.createDirectories(Path.of("target"));
    Files.copy(driver.findElement(By.id("region-chart")).getScreenshotAs(OutputType.FILE).toPath(),
        Path.of("target", "region-map.png"), StandardCopyOption.REPLACE_EXISTING);
    js("window.scrollTo(0, 0);");
    WebElement hot = present(10, By.cssSelector("#hot-topics tbody a"));
    assertThat(hot.getText()).isEqualTo("小区物业费上涨三成引发业主维权");
    present(10, By.id("alert-alert-wuye-1"));
    text(10, By.id("live-state"), "实时");
    Thread.sleep(800); // let chart animations settle for the screenshot
    Path shot = Path.of("target", "dashboard.png");
    Files.createDirectories(shot.getParent());
    Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), shot,
        StandardCopyOption.REPLACE_EXISTING);

    // a live alert arrives without reloading
    Fixtures.indexAlert(ES.client(), Fixtures.alert("alert-live-browser", "t-ditie", "地铁延误持续发酵", "I", "红", "burst",
        "声量突增", Instant.now(), "一小时内帖子数为基线的 5 倍"));
    WebElement live = present(20, By.id("alert-alert-live-browser"));
    assertThat(live.getText()).contains("地铁延误持续发酵").contains("红");

    // acknowledge from the panel (admin includes analyst)
    driver.findElement(By.cssSelector("#alert-alert-wuye-1 button[data-act=ack]")).click();
    text(10, By.cssSelector("#alert-alert-wuye-1 .status"), "已确认");

    // follow the hot topic to its page
    driver.findElement(By.cssSelector("#hot-topics tbody a")).click();
    text(10, By.id("topic-title"), "小区物业费上涨三成引发业主维权");
    await(10, "chartSum('topic-timeline') == 8", () -> chartSum("topic-timeline") == 8);
    assertThat(driver.findElement(By.id("topic-cloud")).getText()).contains("物业费");
    await(10, "mapSum('topic-regions') == 8", () -> mapSum("topic-regions") == 8);
    assertThat(mapAtGuangzhou("topic-regions")).isEqualTo("广东=5");
    List<WebElement> kol = driver.findElements(By.cssSelector("#topic-kol tbody tr"));
    assertThat(kol).isNotEmpty();
    assertThat(driver.findElement(By.id("topic-posts")).getText()).contains("首发").contains("业主维权：小区物业费上涨三成");
    assertThat(driver.findElement(By.id("topic-tree-note")).getText()).contains("转发节点");
    Thread.sleep(800);
    Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "topic.png"),
        StandardCopyOption.REPLACE_EXISTING);

    // search with highlight
    driver.get(server.url() + "/#/search?q=" + java.net.URLEncoder.encode("地铁 延误", java.nio.charset.StandardCharsets.UTF_8));
    text(10, By.id("search-summary"), "共 4 条结果");
    assertThat(driver.findElements(By.cssSelector("#search-results mark"))).isNotEmpty();

    // sources page
    driver.get(server.url() + "/#/sources");
    text(10, By.id("sources-table"), "tieba-local");
    assertThat(driver.findElement(By.id("sources-table")).getText()).contains("异常").contains("HTTP 403");

    // the daily brief opens in the page
    driver.get(server.url() + "/#/brief");
    WebElement frame = present(10, By.id("brief-frame"));
    await(10, "String.valueOf(frame.getAttribute('src')).startsWith('blob:')", () -> String.valueOf(frame.getAttribute("src")).startsWith("blob:"));
    driver.switchTo().frame(frame);
    text(10, By.tagName("h1"), "舆情日报");
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("一、总体概况").contains("三、预警");
    driver.switchTo().defaultContent();

    // without the geometry (the file cannot be loaded) the regions fall back to ranked bars
    ChromeDriver chrome = (ChromeDriver) driver;
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/geo/china.js")));
    try {
      driver.get(server.url() + "/?without-map#/"); // a new document (not just a new hash), so scripts load again
      visible(10, By.id("view-home"));
      await(15, "chartSum('region-chart') == 15", () -> chartSum("region-chart") == 15);
      assertThat(mapSum("region-chart")).isEqualTo(-1);
      assertThat(js("return !!echarts.getMap('china');")).isEqualTo(false);
    } finally {
      chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
      chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
    }
  }
}
