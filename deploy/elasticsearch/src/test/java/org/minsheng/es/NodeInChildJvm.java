package org.minsheng.es;

import java.util.stream.Collectors;

/**
 * Test helper run in a separate JVM by {@link LocalElasticsearchITCase}: starts a node, prints its URL and the pids of
 * its process tree on one stdout line, then waits to be killed.
 */
public final class NodeInChildJvm {
  private NodeInChildJvm() {}

  public static void main(String[] args) throws InterruptedException {
    LocalElasticsearch es = LocalElasticsearch.builder().heap("512m").clusterName("minsheng-kill").build().start();
    String pids = es.processTree().stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining(","));
    System.out.println("NODE " + es.url() + " " + pids + " " + es.nodeDirectory());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
