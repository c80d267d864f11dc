package org.minsheng.api.http;

import java.io.IOException;

/**
 * One API operation. The returned object is written as JSON; a {@link Tabular} result can also be exported as CSV;
 * an {@link HtmlDocument} is written as HTML.
 */
@FunctionalInterface
public interface Endpoint {
  Object handle(ApiRequest request) throws IOException;
}
