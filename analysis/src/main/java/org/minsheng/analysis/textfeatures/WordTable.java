package org.minsheng.analysis.textfeatures;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * An immutable open-addressing table from a word's 64-bit {@link Hashing#of} hash to a small value. It stores hashes,
 * not the words, so that lookups while scanning a text need no substring allocation (the scanner extends the hash one
 * char at a time). A 64-bit collision between a lexicon word and an unrelated substring is negligible.
 */
public final class WordTable {
  private final long[] keys;
  private final short[] values;
  private final int mask;
  private final int maxLength;
  private final int size;

  private WordTable(long[] keys, short[] values, int maxLength, int size) {
    this.keys = keys;
    this.values = values;
    this.mask = keys.length - 1;
    this.maxLength = maxLength;
    this.size = size;
  }

  /** Builds a table from words to values (values must be non-zero). */
  public static WordTable of(Map<String, Short> words) {
    int capacity = Integer.highestOneBit(Math.max(4, words.size() * 2 + 1)) << 1;
    long[] keys = new long[capacity];
    short[] values = new short[capacity];
    int maxLength = 0;
    for (Map.Entry<String, Short> e : words.entrySet()) {
      if (e.getValue() == 0) {
        throw new IllegalArgumentException("value 0 is reserved: " + e.getKey());
      }
      put(keys, values, Hashing.of(e.getKey()), e.getValue());
      maxLength = Math.max(maxLength, e.getKey().length());
    }
    return new WordTable(keys, values, maxLength, words.size());
  }

  private static void put(long[] keys, short[] values, long key, short value) {
    long k = key == 0 ? 1 : key;
    int mask = keys.length - 1;
    int slot = (int) Hashing.mix(k) & mask;
    while (keys[slot] != 0 && keys[slot] != k) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = k;
    values[slot] = value;
  }

  /** The value stored for the word whose {@link Hashing#of} hash is {@code hash}, or 0. */
  public short get(long hash) {
    long k = hash == 0 ? 1 : hash;
    int slot = (int) Hashing.mix(k) & mask;
    while (true) {
      long found = keys[slot];
      if (found == k) {
        return values[slot];
      }
      if (found == 0) {
        return 0;
      }
      slot = (slot + 1) & mask;
    }
  }

  public short get(String word) {
    return get(Hashing.of(word));
  }

  /** Calls {@code action} with every stored key (the hash as stored: 0 is kept as 1) and its value. */
  void forEach(KeyValueConsumer action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        action.accept(keys[i], values[i]);
      }
    }
  }

  /** Receives a table entry. */
  @FunctionalInterface
  interface KeyValueConsumer {
    void accept(long storedKey, short value);
  }

  /** Length of the longest word in the table. */
  public int maxLength() {
    return maxLength;
  }

  public int size() {
    return size;
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(size);
    out.writeInt(maxLength);
    out.writeInt(keys.length);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        out.writeLong(keys[i]);
        out.writeShort(values[i]);
      }
    }
  }

  static WordTable read(DataInputStream in) throws IOException {
    int size = in.readInt();
    int maxLength = in.readInt();
    int capacity = in.readInt();
    if (Integer.bitCount(capacity) != 1 || size < 0 || size >= capacity) {
      throw new IOException("corrupt word table: size " + size + ", capacity " + capacity);
    }
    long[] keys = new long[capacity];
    short[] values = new short[capacity];
    for (int i = 0; i < size; i++) {
      long key = in.readLong();
      short value = in.readShort();
      put(keys, values, key, value);
    }
    return new WordTable(keys, values, maxLength, size);
  }
}
