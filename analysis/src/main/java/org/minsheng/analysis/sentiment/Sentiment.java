package org.minsheng.analysis.sentiment;

/**
 * A polarity judgement.
 *
 * @param label the most likely class
 * @param score polarity in [-1, 1]: P(positive) - P(negative)
 * @param confidence calibrated probability of {@code label}, in [0, 1]
 * @param pNegative probability of negative
 * @param pNeutral probability of neutral
 * @param pPositive probability of positive
 */
public record Sentiment(SentimentLabel label, double score, double confidence, double pNegative, double pNeutral,
    double pPositive) {}
