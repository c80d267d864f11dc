package org.minsheng.ingest.forum;

import java.time.Instant;

/** One floor of a forum thread as parsed from a page, before it becomes a Post. */
public record ForumPost(String pid, Integer floor, String title, String text, String authorId, String authorName,
    Instant publishedAt, String replyToPid, String region, Long replies, Long views) {}
