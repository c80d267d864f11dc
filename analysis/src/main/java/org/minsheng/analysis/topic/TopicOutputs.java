package org.minsheng.analysis.topic;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.minsheng.analysis.dedup.ReprintUpdate;
import org.minsheng.analysis.heat.TrendRollup;
import org.minsheng.analysis.model.AnalyzedPost;

/**
 * The streams {@link TopicStages#apply} produces, each with its sink:
 *
 * @param posts every post with simhash, duplicate, spam, keyword, entity and topic fields → {@code minsheng-posts}
 * @param topics whole topic documents (clusterer fields + latest heat, growth, lifecycle) → {@code minsheng-topics}
 *     ({@link TopicDocumentConverter}, id = topicId, indexed whole)
 * @param trends window roll-ups per topic, keyword and region → {@code minsheng-trends}
 *     ({@link org.minsheng.analysis.heat.TrendDocumentConverter})
 * @param reprints reprint count and sites of originals → {@code minsheng-posts-YYYY.MM} (partial update of the
 *     original's document)
 */
public record TopicOutputs(DataStream<AnalyzedPost> posts, DataStream<TopicUpdate> topics,
    DataStream<TrendRollup> trends, DataStream<ReprintUpdate> reprints) {}
