package org.minsheng.analysis.textfeatures;

import java.util.Arrays;

/**
 * Turns a Chinese social-media text into hashed sparse features for a linear model. No segmentation: character
 * 1–3-grams carry the vocabulary; a lexicon scan adds polarity and emotion-category evidence with negation scope and
 * degree adverbs. Structure is expressed as per-character weights:
 * <ul>
 *   <li>repost chains ({@code 我的话//@甲: 甲的话//@乙: …}): the reposter's own words weigh 1, the forwarded chain
 *       {@link #CHAIN_WEIGHT} (when the reposter wrote nothing but 转发微博, the chain weighs 1);</li>
 *   <li>contrast (但是, 可是, 不过, 然而, 却 …): inside a sentence, the part before the contrast word is scaled by
 *       {@link #BEFORE_CONTRAST}, the part after it by {@link #AFTER_CONTRAST};</li>
 *   <li>Weibo emoticons {@code [怒]} become a feature of their own and count towards positive / negative evidence.</li>
 * </ul>
 * URLs are removed, {@code @name} mentions reduced to {@code @}, digits folded to 0, full-width ASCII to half-width,
 * Latin letters to lower case. Not thread-safe (scratch buffers): one instance per scoring thread.
 */
public final class TextFeaturizer {
  static final float CHAIN_WEIGHT = 0.3f;
  static final float BEFORE_CONTRAST = 0.5f;
  static final float AFTER_CONTRAST = 1.5f;
  /** Marks the start of a forwarded part ({@code //@name:}). */
  private static final char REPOST = '\u0001';
  private static final int MAX_CHARS = 2000;
  /** Character n-grams up to this length (2 and 4 were both worse on the held-out-domain folds). */
  private static final int MAX_GRAM = 3;

  // feature namespaces
  private static final long NS_LEX_KIND = 11;
  private static final long NS_LEX_WORD = 12;
  private static final long NS_CATEGORY = 13;
  private static final long NS_EMOTICON = 14;
  private static final long NS_DENSE = 15;
  private static final long NS_NEGATED_GRAM = 16;

  private final int bits;
  private final PolarityLexicon lexicon;
  private final int denseBias;
  private final int denseLexPos;
  private final int denseLexNeg;
  private final int denseLexBalance;
  private final int denseLexNone;
  private final int denseEmoPos;
  private final int denseEmoNeg;
  private final int denseLastPos;
  private final int denseLastNeg;
  private final int denseNegators;
  private final int denseExclaim;
  private final int denseQuestion;
  private final int denseRepost;
  private final int[] denseLength = new int[12];

  private float lastPositive;
  private float lastNegative;
  private char[] buf = new char[256];
  private float[] weight = new float[256];
  private int length;

  public TextFeaturizer(int bits, PolarityLexicon lexicon) {
    if (bits < 10 || bits > 26) {
      throw new IllegalArgumentException("hash bits must be in [10, 26]: " + bits);
    }
    this.bits = bits;
    this.lexicon = lexicon;
    denseBias = dense("bias");
    denseLexPos = dense("lex+");
    denseLexNeg = dense("lex-");
    denseLexBalance = dense("lex+-");
    denseLexNone = dense("lex0");
    denseEmoPos = dense("emo+");
    denseEmoNeg = dense("emo-");
    denseLastPos = dense("last+");
    denseLastNeg = dense("last-");
    denseNegators = dense("negators");
    denseExclaim = dense("!");
    denseQuestion = dense("?");
    denseRepost = dense("repost");
    for (int i = 0; i < denseLength.length; i++) {
      denseLength[i] = dense("len" + i);
    }
  }

  private int dense(String name) {
    return Hashing.bucket(Hashing.of(name), NS_DENSE, bits);
  }

  public int bits() {
    return bits;
  }

  /** The bucket of the constant bias feature (value 1 in every text). */
  int biasIndex() {
    return denseBias;
  }

  public PolarityLexicon lexicon() {
    return lexicon;
  }

  /** Clears {@code out} and fills it with the features of {@code text}. */
  public void featurize(String text, FeatureBuffer out) {
    out.clear();
    normalise(text == null ? "" : text);
    boolean repost = assignRepostWeights();
    applyContrast();
    out.add(denseBias, 1f);
    if (repost) {
      out.add(denseRepost, 1f);
    }
    int chars = 0;
    for (int i = 0; i < length; i++) {
      if (!isSpace(buf[i])) {
        chars++;
      }
    }
    out.add(denseLength[Math.min(denseLength.length - 1, 32 - Integer.numberOfLeadingZeros(chars))], 1f);
    addCharGrams(out, (float) (1.0 / Math.sqrt(Math.max(1, chars))));
    scanLexicon(out);
  }

  /** For tests: the normalised text of the last {@link #featurize} call. */
  String lastNormalised() {
    return new String(buf, 0, length);
  }

  /** For tests: the per-character weights (repost chain, contrast) of the last call. */
  float[] lastWeights() {
    return Arrays.copyOf(weight, length);
  }

  /** For tests: positive and negative lexicon evidence (after negation and degree) of the last call. */
  float[] lastEvidence() {
    return new float[] {lastPositive, lastNegative};
  }

  // ---------------------------------------------------------------------------------------------------------------

  private void normalise(String text) {
    int n = Math.min(text.length(), MAX_CHARS);
    if (buf.length < n + 1) {
      buf = new char[n + 1];
      weight = new float[n + 1];
    }
    length = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E') {
        c = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        c = ' ';
      }
      if (c == 'h' && text.startsWith("http", i)) {
        i = skipUrl(text, i, n);
        if (length > 0 && buf[length - 1] != ' ') {
          emit(' ');
        }
        continue;
      }
      if (c == '/' && i + 2 < n && text.charAt(i + 1) == '/' && (text.charAt(i + 2) == '@'
          || text.charAt(i + 2) == '\uFF20')) {
        i = skipName(text, i + 3, n);
        emit(REPOST);
        continue;
      }
      if (c == '@') {
        i = skipName(text, i + 1, n);
        emit('@');
        continue;
      }
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        if (length > 0 && buf[length - 1] != ' ') {
          emit(' ');
        }
        i++;
        continue;
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      } else if (c >= '0' && c <= '9') {
        c = '0';
      }
      emit(c);
      i++;
    }
  }

  private void emit(char c) {
    buf[length++] = c;
  }

  private static int skipUrl(String text, int i, int n) {
    while (i < n) {
      char c = text.charAt(i);
      if (c > 127 || Character.isWhitespace(c)) {
        break;
      }
      i++;
    }
    return i;
  }

  /** Skips a user name after {@code @}, up to and including a following colon. */
  private static int skipName(String text, int i, int n) {
    int limit = Math.min(n, i + 30);
    while (i < limit) {
      char c = text.charAt(i);
      if (c == ':' || c == '\uFF1A') {
        return i + 1;
      }
      if (Character.isWhitespace(c) || c == '/' || c == ',' || c == '\uFF0C' || c == '\u3002' || c == '@'
          || c == '!' || c == '\uFF01' || c == '?' || c == '\uFF1F' || c == '[' || c == ')' || c == '\uFF09') {
        return i;
      }
      i++;
    }
    return i;
  }

  /** Sets the per-char weights for the repost chain; returns whether the text is a repost. */
  private boolean assignRepostWeights() {
    int marker = -1;
    for (int i = 0; i < length; i++) {
      if (buf[i] == REPOST) {
        marker = i;
        break;
      }
    }
    if (marker < 0) {
      Arrays.fill(weight, 0, length, 1f);
      return false;
    }
    int ownChars = 0;
    for (int i = 0; i < marker; i++) {
      if (Character.isLetterOrDigit(buf[i])) {
        ownChars++;
      }
    }
    boolean trivialOwn = ownChars < 2 || startsWith(0, marker, "转发微博") || startsWith(0, marker, "repost");
    Arrays.fill(weight, 0, marker, 1f);
    Arrays.fill(weight, marker, length, trivialOwn ? 1f : CHAIN_WEIGHT);
    return true;
  }

  private boolean startsWith(int from, int to, String s) {
    int i = from;
    while (i < to && isSpace(buf[i])) {
      i++;
    }
    if (to - i < s.length()) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (buf[i + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private void applyContrast() {
    int sentenceStart = 0;
    for (int i = 0; i < length; i++) {
      char c = buf[i];
      if (isSentenceEnd(c)) {
        sentenceStart = i + 1;
        continue;
      }
      int len = contrastAt(i);
      if (len > 0) {
        for (int k = sentenceStart; k < i; k++) {
          weight[k] *= BEFORE_CONTRAST;
        }
        int end = i;
        while (end < length && !isSentenceEnd(buf[end])) {
          weight[end] *= AFTER_CONTRAST;
          end++;
        }
        i = end - 1;
        sentenceStart = i + 1;
      }
    }
  }

  /** Length of a contrast conjunction starting at {@code i}, or 0. */
  private int contrastAt(int i) {
    char c = buf[i];
    char prev = i > 0 ? buf[i - 1] : ' ';
    char next = i + 1 < length ? buf[i + 1] : ' ';
    switch (c) {
      case '但':
        if (prev == '不' || next == '愿' || next == '凡') {
          return 0;
        }
        return next == '是' ? 2 : 1;
      case '可':
        return next == '是' && prev != '不' && prev != '也' && prev != '就' && prev != '还' ? 2 : 0;
      case '不':
        return next == '过' && prev != '只' && prev != '再' && prev != '好' && prev != '太' && prev != '得'
            && prev != '过' && prev != '对' && (i + 2 >= length || (buf[i + 2] != '来' && buf[i + 2] != '去')) ? 2 : 0;
      case '然':
        return next == '而' ? 2 : 0;
      case '却':
        return prev == '冷' || prev == '忘' || prev == '了' ? 0 : 1;
      default:
        return 0;
    }
  }

  private static boolean isSentenceEnd(char c) {
    return c == '\u3002' || c == '!' || c == '?' || c == '.' || c == '~' || c == ';' || c == REPOST || c == '\n';
  }

  private static boolean isClauseBoundary(char c) {
    return isSentenceEnd(c) || c == ',' || c == '\u3001' || c == ' ' || c == ':' || c == '\uFF5E' || c == '\u2026'
        || c == '[' || c == ']' || c == '#';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == REPOST;
  }

  private void addCharGrams(FeatureBuffer out, float scale) {
    for (int i = 0; i < length; i++) {
      if (isSpace(buf[i])) {
        continue;
      }
      long h = Hashing.FNV_OFFSET;
      for (int n = 1; n <= MAX_GRAM && i + n <= length; n++) {
        char c = buf[i + n - 1];
        if (isSpace(c)) {
          break;
        }
        h = Hashing.extend(h, c);
        out.add(Hashing.bucket(h, n, bits), weight[i] * scale);
      }
    }
  }

  private void scanLexicon(FeatureBuffer out) {
    LexiconIndex index = lexicon.index();
    boolean hasPrefixes = index.hasPrefixes();
    int wordMax = lexicon.words().maxLength();
    int negMax = lexicon.negators().maxLength();
    int degMax = lexicon.degrees().maxLength();
    int maxLen = Math.max(wordMax, Math.max(negMax, degMax));
    float pos = 0;
    float neg = 0;
    float emoPos = 0;
    float emoNeg = 0;
    float clause = 0;
    float last = 0;
    int negatorCount = 0;
    int negEnd = Integer.MIN_VALUE / 2;
    int negCount = 0;
    int degEnd = Integer.MIN_VALUE / 2;
    int degLevel = 0;
    int exclaim = 0;
    boolean question = false;
    int i = 0;
    while (i < length) {
      char c = buf[i];
      if (c == '!') {
        exclaim++;
      } else if (c == '?') {
        question = true;
      }
      if (c == '[') {
        int close = emoticonEnd(i);
        if (close > 0) {
          long h = Hashing.FNV_OFFSET;
          for (int k = i + 1; k < close; k++) {
            h = Hashing.extend(h, buf[k]);
          }
          out.add(Hashing.bucket(h, NS_EMOTICON, bits), weight[i]);
          short p = Emoticons.POLARITY.get(h);
          if (p == 1) {
            emoPos += weight[i];
          } else if (p == 2) {
            emoNeg += weight[i];
          }
          i = close + 1;
          negEnd = degEnd = Integer.MIN_VALUE / 2;
          continue;
        }
      }
      if (isClauseBoundary(c)) {
        if (clause != 0) {
          last = clause;
        }
        clause = 0;
        negEnd = degEnd = Integer.MIN_VALUE / 2;
        negCount = 0;
        i++;
        continue;
      }
      // longest match in each table
      long h = Hashing.FNV_OFFSET;
      int wordLen = 0;
      int negLen = 0;
      int degLen = 0;
      short wordValue = 0;
      short degValue = 0;
      for (int n = 1; n <= maxLen && i + n <= length; n++) {
        char d = buf[i + n - 1];
        if (isClauseBoundary(d)) {
          break;
        }
        h = Hashing.extend(h, d);
        // one probe answers all four tables (LexiconIndex); each table still counts only up to its longest entry
        long entry = index.get(h);
        short v = n <= wordMax ? LexiconIndex.word(entry) : 0;
        if (v != 0) {
          wordLen = n;
          wordValue = v;
        }
        if (n <= negMax && LexiconIndex.negator(entry)) {
          negLen = n;
        }
        short dv = n <= degMax ? LexiconIndex.degree(entry) : 0;
        if (dv != 0) {
          degLen = n;
          degValue = dv;
        }
        if (hasPrefixes && !LexiconIndex.prefix(entry)) {
          break; // no entry is longer and starts with these characters
        }
      }
      if (wordLen > 0 && wordLen >= negLen && wordLen >= degLen) {
        int polarity = wordValue & 3;
        int category = (wordValue >> 2) & 31;
        boolean negated = i - negEnd <= 3 && negCount % 2 == 1;
        int level = i - degEnd <= 3 ? degLevel : 0;
        float w = weight[i] * PolarityLexicon.DEGREE_MULTIPLIER[level];
        int sign = polarity == PolarityLexicon.POSITIVE ? 1 : polarity == PolarityLexicon.NEGATIVE ? -1 : 0;
        if (negated) {
          sign = -sign;
          w *= 0.8f;
        }
        if (sign > 0) {
          pos += w;
        } else if (sign < 0) {
          neg += w;
        }
        clause += sign * w;
        int kind = (polarity * 2 + (negated ? 1 : 0)) * 8 + level;
        out.add(Hashing.bucket(kind, NS_LEX_KIND, bits), w);
        if (category > 0) {
          out.add(Hashing.bucket(category * 2 + (negated ? 1 : 0), NS_CATEGORY, bits), w);
        }
        // the matched word's hash (h may have been extended past it)
        long wordHash = Hashing.FNV_OFFSET;
        for (int k = i; k < i + wordLen; k++) {
          wordHash = Hashing.extend(wordHash, buf[k]);
        }
        out.add(Hashing.bucket(wordHash, NS_LEX_WORD + (negated ? 100 : 0), bits), w);
        i += wordLen;
      } else if (negLen > 0 && negLen >= degLen) {
        negEnd = i + negLen;
        negCount++;
        negatorCount++;
        addNegatedGrams(out, negEnd);
        i += negLen;
      } else if (degLen > 0) {
        degEnd = i + degLen;
        degLevel = Math.min(degValue, PolarityLexicon.DEGREE_MULTIPLIER.length - 1);
        i += degLen;
      } else {
        i++;
      }
    }
    if (clause != 0) {
      last = clause;
    }
    lastPositive = pos;
    lastNegative = neg;
    out.add(denseLexPos, (float) Math.log1p(pos));
    out.add(denseLexNeg, (float) Math.log1p(neg));
    out.add(denseLexBalance, (float) Math.tanh(pos - neg));
    if (pos == 0 && neg == 0) {
      out.add(denseLexNone, 1f);
    }
    out.add(denseEmoPos, (float) Math.log1p(emoPos));
    out.add(denseEmoNeg, (float) Math.log1p(emoNeg));
    if (last > 0) {
      out.add(denseLastPos, 1f);
    } else if (last < 0) {
      out.add(denseLastNeg, 1f);
    }
    if (negatorCount > 0) {
      out.add(denseNegators, Math.min(3, negatorCount) / 3f);
    }
    if (exclaim > 0) {
      out.add(denseExclaim, Math.min(3, exclaim) / 3f);
    }
    if (question) {
      out.add(denseQuestion, 1f);
    }
  }

  /** Uni- and bigrams in the scope of a negator (up to 4 chars, within the clause), in a namespace of their own. */
  private void addNegatedGrams(FeatureBuffer out, int from) {
    int end = Math.min(length, from + 4);
    for (int i = from; i < end; i++) {
      if (isClauseBoundary(buf[i])) {
        return;
      }
      long h = Hashing.extend(Hashing.FNV_OFFSET, buf[i]);
      out.add(Hashing.bucket(h, NS_NEGATED_GRAM, bits), weight[i] * 0.5f);
      if (i + 1 < end && !isClauseBoundary(buf[i + 1])) {
        out.add(Hashing.bucket(Hashing.extend(h, buf[i + 1]), NS_NEGATED_GRAM + 1, bits), weight[i] * 0.5f);
      }
    }
  }

  private int emoticonEnd(int open) {
    int limit = Math.min(length, open + 10);
    for (int k = open + 1; k < limit; k++) {
      char c = buf[k];
      if (c == ']') {
        return k > open + 1 ? k : -1;
      }
      if (c == '[' || isSpace(c)) {
        return -1;
      }
    }
    return -1;
  }
}
