package org.minsheng.api.http;

/** An HTML answer; with {@code download} set it is sent as an attachment named {@code fileName}. */
public record HtmlDocument(String html, String fileName, boolean download) {
}
