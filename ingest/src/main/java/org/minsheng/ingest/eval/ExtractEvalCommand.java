package org.minsheng.ingest.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.minsheng.cli.CliCommand;
import org.minsheng.ingest.charset.HtmlDecoder;
import org.minsheng.ingest.clean.CleaningChain;
import org.minsheng.ingest.extract.ArticleExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./minsheng eval extract --html DIR --gold DIR}: body-extraction accuracy.
 *
 * <p>Gold bodies are {@code <gold>/<name>.txt} (UTF-8). The page for {@code <name>} is {@code <html>/<name>.html} or,
 * for nested corpora such as GNE's {@code tests/<site>/<n>.html}, the page whose path relative to {@code --html},
 * without {@code .html} and with {@code /} replaced by {@code _}, is {@code <name>}. Pages are decoded by
 * {@link HtmlDecoder} (any encoding). Per page, precision and recall are over the multiset of non-whitespace
 * characters ({@link CharOverlap}); the printed figures are macro-averages over the gold files. A page that is missing
 * or fails to parse counts as zero.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Body-extraction precision/recall/F1 over non-whitespace characters, macro-averaged over pages.")
public final class ExtractEvalCommand implements CliCommand {
  private static final Logger LOG = LoggerFactory.getLogger(ExtractEvalCommand.class);

  @Option(names = "--html", required = true, description = "Directory of pages <name>.html (searched recursively).")
  Path html;

  @Option(names = "--gold", required = true, description = "Directory of gold bodies <name>.txt (UTF-8).")
  Path gold;

  @Option(names = "--clean", description = "Also run the cleaning chain on the extracted body (default: ${DEFAULT-VALUE}).")
  boolean clean;

  @Option(names = "--per-page", description = "Log each page's figures on stderr.")
  boolean perPage;

  @Option(names = "--output", description = "Write each extracted body to this directory as <name>.txt (for error analysis).")
  Path output;

  private final PrintStream out;

  public ExtractEvalCommand() {
    this(System.out);
  }

  ExtractEvalCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public List<String> path() {
    return List.of("eval", "extract");
  }

  @Override
  public Integer call() throws IOException {
    Map<String, Path> pages = indexPages(html);
    List<Path> golds;
    try (Stream<Path> s = Files.list(gold)) {
      golds = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
    }
    if (golds.isEmpty()) {
      throw new IllegalArgumentException("no gold bodies (*.txt) in " + gold);
    }
    HtmlDecoder decoder = new HtmlDecoder();
    ArticleExtractor extractor = new ArticleExtractor();
    CleaningChain chain = clean ? CleaningChain.fromDefaults() : null;
    double p = 0;
    double r = 0;
    double f = 0;
    List<String> failed = new ArrayList<>();
    for (Path g : golds) {
      String name = g.getFileName().toString().replaceFirst("\\.txt$", "");
      CharOverlap score;
      Path page = pages.get(name);
      if (page == null) {
        LOG.warn("no page {}.html under {}: counted as zero", name, html);
        failed.add(name);
        score = CharOverlap.ZERO;
      } else {
        try {
          String text = decoder.decode(Files.readAllBytes(page), null).html();
          String body = extractor.extract(text, null).body();
          if (chain != null) {
            body = chain.clean(body);
          }
          if (output != null) {
            Files.createDirectories(output);
            Files.writeString(output.resolve(name + ".txt"), body, StandardCharsets.UTF_8);
          }
          score = CharOverlap.of(body, Files.readString(g, StandardCharsets.UTF_8));
        } catch (RuntimeException | IOException e) {
          LOG.warn("page {} failed: {}: counted as zero", page, e.toString());
          failed.add(name);
          score = CharOverlap.ZERO;
        }
      }
      if (perPage) {
        LOG.info(String.format(Locale.ROOT, "%-24s p=%.3f r=%.3f f1=%.3f", name, score.precision(), score.recall(), score.f1()));
      }
      p += score.precision();
      r += score.recall();
      f += score.f1();
    }
    int n = golds.size();
    ObjectMapper json = new ObjectMapper();
    ObjectNode result = json.createObjectNode();
    result.put("pages", n);
    result.put("precision", round(p / n));
    result.put("recall", round(r / n));
    result.put("f1", round(f / n));
    if (!failed.isEmpty()) {
      result.putPOJO("failed", failed);
    }
    out.println(json.writeValueAsString(result));
    return 0;
  }

  static Map<String, Path> indexPages(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--html " + dir + " is not a directory");
    }
    Map<String, Path> pages = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> p.getFileName().toString().endsWith(".html") || p.getFileName().toString().endsWith(".htm"))
          .forEach(p -> {
            String rel = dir.relativize(p).toString().replace('\\', '/').replaceFirst("\\.html?$", "");
            pages.putIfAbsent(rel.replace('/', '_'), p);
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return pages;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
