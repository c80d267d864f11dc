package org.minsheng.analysis.textfeatures;

/**
 * The four tables of a {@link PolarityLexicon} (words, negators, degrees, prefixes) merged into one open-addressing
 * table whose slot holds the key and a packed value side by side, so that extending a candidate by one character costs
 * one probe into one cache line instead of up to four probes into eight arrays. Scoring in the job is bound by memory
 * reads, not arithmetic (it shares the caches with HanLP and Elasticsearch), so this is what makes the lexicon scan
 * cheaper; the answers are exactly those of the four tables.
 *
 * <p>Packed value: bits 0–15 the word value (0 = not a word), bits 16–31 the degree level (0 = not a degree adverb),
 * bit 32 negator, bit 33 "a proper prefix of some entry". Zero means absent.
 */
final class LexiconIndex {
  static final long NEGATOR = 1L << 32;
  static final long PREFIX = 1L << 33;

  /** keys at even indices, packed values at odd ones. */
  private final long[] slots;
  private final int mask;
  private final boolean hasPrefixes;

  LexiconIndex(PolarityLexicon lexicon) {
    int entries = lexicon.words().size() + lexicon.degrees().size() + lexicon.negators().size()
        + (lexicon.prefixes() == null ? 0 : lexicon.prefixes().size());
    int capacity = Integer.highestOneBit(Math.max(4, entries * 2 + 1)) << 1;
    this.slots = new long[capacity * 2];
    this.mask = capacity - 1;
    this.hasPrefixes = lexicon.prefixes() != null;
    lexicon.words().forEach((hash, value) -> merge(hash, value & 0xFFFFL));
    lexicon.degrees().forEach((hash, value) -> merge(hash, (value & 0xFFFFL) << 16));
    lexicon.negators().forEach((hash, value) -> merge(hash, NEGATOR));
    if (hasPrefixes) {
      lexicon.prefixes().forEach((hash, value) -> merge(hash, PREFIX));
    }
  }

  private void merge(long storedKey, long bits) {
    int slot = (int) Hashing.mix(storedKey) & mask;
    while (slots[2 * slot] != 0 && slots[2 * slot] != storedKey) {
      slot = (slot + 1) & mask;
    }
    slots[2 * slot] = storedKey;
    slots[2 * slot + 1] |= bits;
  }

  /** The packed value of the string whose {@link Hashing#of} hash is {@code hash}, or 0. */
  long get(long hash) {
    long k = hash == 0 ? 1 : hash; // as WordTable stores it
    int slot = (int) Hashing.mix(k) & mask;
    while (true) {
      long found = slots[2 * slot];
      if (found == k) {
        return slots[2 * slot + 1];
      }
      if (found == 0) {
        return 0;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** False for a lexicon without prefix table (format-1 model files): the scan then never stops early. */
  boolean hasPrefixes() {
    return hasPrefixes;
  }

  static short word(long packed) {
    return (short) packed;
  }

  static short degree(long packed) {
    return (short) (packed >>> 16);
  }

  static boolean negator(long packed) {
    return (packed & NEGATOR) != 0;
  }

  static boolean prefix(long packed) {
    return (packed & PREFIX) != 0;
  }
}
