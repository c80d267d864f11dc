package org.minsheng.ingest.crawl;

import picocli.CommandLine;

/** Runs {@code crawl} in a child JVM for the kill -9 test (test code only). */
public final class CrawlChild {
  private CrawlChild() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new CrawlCommand()).execute(args));
  }
}
