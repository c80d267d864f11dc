package org.minsheng.analysis.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka record value → one raw NDJSON line (UTF-8) tagged with the record's {@code kafka:<topic>/<partition>/
 * <offset>}, which a dead letter of the line then names, parsed later by the job's parse stage so that bad records
 * become dead letters there. Nothing is dropped here: a record without value (a tombstone) becomes an empty line (a
 * dead letter {@code empty line}); bytes that are not valid UTF-8 are decoded with U+FFFD replacements, exactly as
 * the spool directory's {@code TextLineInputFormat} does. Both are logged with the record's topic/partition/offset so
 * an operator can find the original.
 */
public final class KafkaLineDeserializer implements KafkaRecordDeserializationSchema<RawLine> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(KafkaLineDeserializer.class);

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawLine> out) {
    byte[] value = record.value();
    if (value == null) {
      LOG.warn("Kafka record {} has no value (tombstone); passing it on as an empty line (dead letter)",
          coordinates(record));
      out.collect(new RawLine(coordinates(record), ""));
      return;
    }
    out.collect(new RawLine(coordinates(record), decode(value, record)));
  }

  static String decode(byte[] value, ConsumerRecord<?, ?> record) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value)).toString();
    } catch (CharacterCodingException e) {
      LOG.warn("Kafka record {} is not valid UTF-8 ({}); decoding it with replacement characters",
          coordinates(record), e.toString());
      return new String(value, StandardCharsets.UTF_8);
    }
  }

  /** {@code kafka:<topic>/<partition>/<offset>}, the form dead letters use for a Kafka origin. */
  public static String coordinates(ConsumerRecord<?, ?> record) {
    return "kafka:" + record.topic() + "/" + record.partition() + "/" + record.offset();
  }

  @Override
  public TypeInformation<RawLine> getProducedType() {
    return TypeInformation.of(RawLine.class);
  }
}
