package org.minsheng.analysis.textfeatures;

/**
 * One training or evaluation example.
 *
 * @param text the text
 * @param label class index
 * @param domain where it came from (e.g. {@code waimai}), for cross-domain splits and weighting
 * @param weight sample weight
 */
public record LabeledText(String text, int label, String domain, float weight) {}
