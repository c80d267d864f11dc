package org.minsheng.analysis.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.heat.TopicHeat;

class TopicDocumentsTest {

  @Test
  void topicDocumentHasTheContractFields() {
    TopicState t = new TopicState();
    t.topicId = "t-p1";
    t.firstPostId = "p1";
    t.representativePostId = "p3";
    t.title = "武汉大学牌坊被拆";
    t.firstSeen = 0;
    t.lastSeen = 60_000;
    t.postCount = 4;
    t.reprintCount = 2;
    t.negative = 3;
    t.neutral = 1;
    t.centroid.put("牌坊", 2.0);
    t.centroid.put("武汉大学", 1.0);
    t.sites.add("a.cn");
    t.regions.add("湖北");
    TopicUpdate u = TopicUpdate.of(t, 5, 120_000);
    Map<String, Object> d = TopicDocuments.toDocument(u);
    assertEquals("t-p1", TopicDocuments.id(u));
    assertEquals(List.of("牌坊", "武汉大学"), d.get("keywords"));
    assertEquals("1970-01-01T00:01:00Z", d.get("lastSeen"));
    assertEquals(Map.of("negative", 3L, "neutral", 1L, "positive", 0L), d.get("sentimentMix"));
    assertEquals(0.75f, d.get("negativeShare"));
    assertFalse(d.containsKey("mergedInto"));
    for (String f : List.of("topicId", "title", "firstPostId", "representativePostId", "firstSeen", "updatedAt",
        "sites", "regions", "postCount", "reprintCount")) {
      assertEquals(true, d.containsKey(f), f);
    }
  }

  @Test
  void heatDocumentIsAPartialUpdate() {
    TopicHeat h = new TopicHeat();
    h.topicId = "t-p1";
    h.heat = 55.5;
    h.growth = 1.5;
    h.lifecycle = "rising";
    h.updatedAt = 600_000;
    assertEquals(Map.of("topicId", "t-p1", "heat", 55.5f, "growth", 1.5f, "lifecycle", "rising", "updatedAt",
        "1970-01-01T00:10:00Z"), TopicDocuments.toDocument(h));
  }
}
