package org.minsheng.analysis.nlp;

/**
 * One segmented word with its part-of-speech tag (HanLP's tag set: n, v, a, nr person, ns place, nt organisation, w
 * punctuation, …).
 */
public record Token(String word, String pos) {}
