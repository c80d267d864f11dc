package org.minsheng.analysis.topic;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.minsheng.analysis.dedup.ReprintUpdate;
import org.minsheng.analysis.heat.TopicHeat;
import org.minsheng.analysis.heat.TrendRollup;
import org.minsheng.analysis.model.AnalyzedPost;

/**
 * The streams {@link TopicStages#apply} produces, each with its sink:
 *
 * @param posts every post with simhash, duplicate, spam, keyword, entity and topic fields → {@code minsheng-posts}
 * @param topics topic snapshots → {@code minsheng-topics} (partial update / upsert by topicId)
 * @param topicHeat heat, growth, lifecycle per topic and window → {@code minsheng-topics} (partial update / upsert)
 * @param trends window roll-ups per topic, keyword and region → {@code minsheng-trends} (index by id)
 * @param reprints reprint count and sites of originals → {@code minsheng-posts-YYYY.MM} (partial update of the
 *     original's document)
 */
public record TopicOutputs(DataStream<AnalyzedPost> posts, DataStream<TopicUpdate> topics,
    DataStream<TopicHeat> topicHeat, DataStream<TrendRollup> trends, DataStream<ReprintUpdate> reprints) {}
