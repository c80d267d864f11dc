package org.minsheng.ingest.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A synthetic news portal on loopback for measuring the fetch pipeline: one RSS feed listing {@code articles} GBK
 * article pages (~3 KB each, no charset header), generated on the fly. Used by {@code ./minsheng bench crawl}.
 */
public final class SyntheticPortal implements AutoCloseable {
  static {
    // The JDK HttpServer leaves Nagle's algorithm on; with keep-alive that adds ~40 ms (delayed ACK) to every small
    // response and makes a loopback site look slow. Only our own loopback servers use this JDK class.
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
  }

  private static final Charset GBK = Charset.forName("GB18030");
  private final HttpServer server;
  private final ExecutorService executor;
  private final int articles;

  public SyntheticPortal(int articles) throws IOException {
    this.articles = articles;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "synthetic-portal");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public String feedUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/rss.xml";
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    byte[] body;
    String type;
    if (path.equals("/robots.txt")) {
      body = "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8);
      type = "text/plain";
    } else if (path.equals("/rss.xml")) {
      StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>bench</title>");
      for (int i = 0; i < articles; i++) {
        sb.append("<item><title>文章").append(i).append("</title><link>/a/").append(i).append(".html</link></item>");
      }
      body = sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
      type = "application/rss+xml";
    } else if (path.startsWith("/a/")) {
      String n = path.substring(3, path.length() - 5);
      StringBuilder sb = new StringBuilder("<html><head><meta charset=\"gbk\"><title>第").append(n)
          .append("号新闻</title><meta property=\"article:published_time\" content=\"2026-11-21T08:00:00+08:00\"></head><body>")
          .append("<div class=\"nav\">首页 | 本地 | 财经</div><div class=\"article\">");
      for (int p = 0; p < 12; p++) {
        sb.append("<p>第").append(n).append("号新闻第").append(p).append("段：今日城区遭遇强降雨，多条道路出现积水，市政部门已组织力量排水，市民反映部分路段积水较深。</p>");
      }
      body = sb.append("</div><div class=\"footer\">版权所有</div></body></html>").toString().getBytes(GBK);
      type = "text/html";
    } else {
      body = "not found".getBytes(StandardCharsets.UTF_8);
      type = "text/plain";
    }
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(path.equals("/favicon.ico") ? 404 : 200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    } finally {
      ex.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
