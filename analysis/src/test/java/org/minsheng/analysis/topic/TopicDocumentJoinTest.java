package org.minsheng.analysis.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.heat.TopicHeat;
import org.minsheng.analysis.sink.SinkDocument;

class TopicDocumentJoinTest {

  private static TopicUpdate update(long at, long posts) {
    TopicUpdate u = new TopicUpdate();
    u.topicId = "t-p1";
    u.title = "标题";
    u.updatedAt = at;
    u.postCount = posts;
    return u;
  }

  private static TopicHeat heat(long at, double value) {
    TopicHeat h = new TopicHeat();
    h.topicId = "t-p1";
    h.heat = value;
    h.growth = 1.0;
    h.lifecycle = "rising";
    h.updatedAt = at;
    return h;
  }

  @Test
  void emitsWholeDocumentsWithTheLatestHeatThenForgets() throws Exception {
    var h = new KeyedTwoInputStreamOperatorTestHarness<String, TopicUpdate, TopicHeat, TopicUpdate>(
        new KeyedCoProcessOperator<>(new TopicDocumentJoin(60)), u -> u.topicId, t -> t.topicId, Types.STRING);
    h.open();
    h.processElement2(new StreamRecord<>(heat(0, 10), 0));
    assertEquals(0, h.extractOutputValues().size(), "heat alone waits for the topic");
    h.processElement1(new StreamRecord<>(update(30_000, 3), 30_000));
    h.processElement2(new StreamRecord<>(heat(600_000, 42), 600_000));
    h.processElement1(new StreamRecord<>(update(630_000, 7), 630_000));
    List<TopicUpdate> out = h.extractOutputValues();
    assertEquals(3, out.size());
    assertEquals(10.0, out.get(0).heat);
    assertEquals(42.0, out.get(1).heat);
    assertEquals(3, out.get(1).postCount);
    assertEquals(7, out.get(2).postCount);
    assertEquals(42.0, out.get(2).heat, "the latest heat stays on later snapshots");

    SinkDocument doc = new TopicDocumentConverter().convert(out.get(2));
    assertEquals("minsheng-topics", doc.index());
    assertEquals("t-p1", doc.id());
    assertEquals(42.0, doc.source().get("heat").asDouble(), 1e-6);
    assertEquals("rising", doc.source().get("lifecycle").asText());
    assertNull(doc.source().get("mergedInto"));

    h.processBothWatermarks(new Watermark(630_000 + 61 * 60_000));
    assertEquals(0, h.numKeyedStateEntries());
    assertEquals(0, h.numEventTimeTimers());
    h.close();
  }
}
