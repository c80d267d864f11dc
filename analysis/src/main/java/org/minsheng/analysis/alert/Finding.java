package org.minsheng.analysis.alert;

/**
 * A rule's verdict that a window of a scope is alarming, before grading and hygiene.
 *
 * @param rule rule kind: burst | negative_surge | watchlist | spread
 * @param ruleName the configured name (watch-list rule name, or the kind)
 * @param figures the numbers that made it fire
 * @param explanation one sentence naming the condition that held, in Chinese, with the numbers
 */
public record Finding(String rule, String ruleName, Figures figures, String explanation) {}
