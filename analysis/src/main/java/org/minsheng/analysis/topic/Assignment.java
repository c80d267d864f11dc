package org.minsheng.analysis.topic;

import java.util.List;

/**
 * The clusterer's verdict on one post.
 *
 * @param topicId the topic the post joined or opened
 * @param opened true when the post opened a new topic
 * @param via how: {@code parent}, {@code reprint}, {@code similar}, {@code new}
 * @param score the winning combined score (0 for parent / reprint / new)
 * @param merged topics merged into {@code topicId} while handling this post (their ids)
 * @param evicted topics evicted while handling this post (their ids)
 */
public record Assignment(String topicId, boolean opened, String via, double score, List<String> merged,
    List<String> evicted) {}
