package org.minsheng.analysis.sink;

import java.io.Serializable;

/**
 * Turns a record into the document to index: a pure function (no I/O, no hidden state), so it is unit-tested on its
 * own and runs the same on replay. Throwing (e.g. {@link IllegalArgumentException} for a record without a required
 * field) sends the record to the dead letters with the exception's message as the reason.
 *
 * @param <T> record type
 */
@FunctionalInterface
public interface DocumentConverter<T> extends Serializable {
  SinkDocument convert(T record);
}
