package org.minsheng.api.query;

import java.util.List;

/** A series of buckets for one keyword expression ({@code q} = "" for all posts). */
public record TrendSeries(String q, long total, List<TrendBucket> buckets) {
}
