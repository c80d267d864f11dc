package org.minsheng.ingest.forum;

/** A thread found on a list page. */
public record ForumThreadLink(String tid, String url, String title) {}
