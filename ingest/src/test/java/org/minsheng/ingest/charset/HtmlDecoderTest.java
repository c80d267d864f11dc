package org.minsheng.ingest.charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlDecoderTest {
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final Charset BIG5 = Charset.forName("Big5-HKSCS");
  private static final String TEXT = "朱镕基总理视察基层，群众反映强烈。记者了解到，当地政府已经成立调查组，回应群众关切。"
      + "基层干部要多听群众的声音，做到有则改之无则加勉。";
  private final HtmlDecoder decoder = new HtmlDecoder();

  private static String page(String head) {
    return "<html><head>" + head + "<title>测试</title></head><body><p>" + TEXT + "</p></body></html>";
  }

  @Test
  void gb2312MetaIsDecodedAsGb18030SoGbkOnlyCharactersSurvive() {
    byte[] body = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">").getBytes(GB18030);
    DecodedHtml d = decoder.decode(body, null);
    assertThat(d.charset()).isEqualTo(GB18030);
    assertThat(d.evidence()).isEqualTo("meta");
    assertThat(d.html()).contains("朱镕基").doesNotContain("\uFFFD");
  }

  @Test
  void gbkPageWithoutAnyDeclarationIsDetected() {
    byte[] body = page("").getBytes(GB18030);
    DecodedHtml d = decoder.decode(body, "text/html");
    assertThat(d.charset()).isEqualTo(GB18030);
    assertThat(d.html()).contains(TEXT);
  }

  @Test
  void big5PageWithoutAnyDeclarationIsDetected() {
    String trad = "<html><body><p>基層幹部要多聽群眾的聲音，關注民生，服務社會，發掘真相，傳播價值。"
        + "習近平總書記指出，要用好交換、比較、反覆的方法，重視聽取各方面意見。</p></body></html>";
    DecodedHtml d = decoder.decode(trad.getBytes(BIG5), null);
    assertThat(d.charset()).isEqualTo(BIG5);
    assertThat(d.html()).contains("基層幹部要多聽群眾的聲音");
  }

  @Test
  void headerCharsetWinsOverMeta() {
    byte[] body = page("<meta charset=\"utf-8\">").getBytes(GB18030);
    DecodedHtml d = decoder.decode(body, "text/html; charset=GBK");
    assertThat(d.evidence()).isEqualTo("header");
    assertThat(d.html()).contains(TEXT);
  }

  @Test
  void implicitLatin1HeaderIsIgnored() {
    byte[] body = page("<meta charset=\"gbk\">").getBytes(GB18030);
    DecodedHtml d = decoder.decode(body, "text/html; charset=ISO-8859-1");
    assertThat(d.charset()).isEqualTo(GB18030);
    assertThat(d.html()).contains(TEXT);
  }

  @Test
  void utf8MetaContradictedByGbkBytesFallsThroughToDetection() {
    byte[] body = page("<meta charset=\"utf-8\">").getBytes(GB18030);
    DecodedHtml d = decoder.decode(body, null);
    assertThat(d.charset()).isEqualTo(GB18030);
    assertThat(d.html()).contains(TEXT);
  }

  @Test
  void staleGb2312MetaOnAUtf8PageIsOverruledByTheBytes() {
    byte[] body = page("<meta charset=\"gb2312\">").getBytes(StandardCharsets.UTF_8);
    DecodedHtml d = decoder.decode(body, null);
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(d.html()).contains(TEXT);
  }

  @Test
  void bomWinsAndIsStripped() {
    byte[] text = page("<meta charset=\"gbk\">").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[text.length + 3];
    body[0] = (byte) 0xEF;
    body[1] = (byte) 0xBB;
    body[2] = (byte) 0xBF;
    System.arraycopy(text, 0, body, 3, text.length);
    DecodedHtml d = decoder.decode(body, "text/html; charset=gbk");
    assertThat(d.evidence()).isEqualTo("bom");
    assertThat(d.html()).startsWith("<html>").contains(TEXT);
  }

  @Test
  void truncatedUtf8PageIsStillUtf8() {
    byte[] full = page("").getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(full, full.length - 20 - 1); // likely inside a 3-byte character
    DecodedHtml d = decoder.decode(cut, null);
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(d.html()).contains("朱镕基总理");
  }

  @Test
  void binaryGarbageDecodesWithoutThrowing() {
    byte[] body = new byte[4096];
    new java.util.Random(7).nextBytes(body);
    DecodedHtml d = decoder.decode(body, "text/html");
    assertThat(d.charset()).isNotNull();
    assertThat(d.html()).isNotNull();
  }

  @Test
  void nullBodyIsAClearError() {
    assertThatThrownBy(() -> decoder.decode(null, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("body");
  }

  @Test
  void labelsMapToSupersets() {
    assertThat(CharsetNames.forLabel("GB2312")).contains(GB18030);
    assertThat(CharsetNames.forLabel("x-gbk")).contains(GB18030);
    assertThat(CharsetNames.forLabel("big5")).contains(BIG5);
    assertThat(CharsetNames.forLabel("no-such-charset")).isEmpty();
  }

  @Test
  void otherLabelsResolveLikeCharsetForName() {
    // forLabel looks labels up in a table built once; it must know every name and alias Charset.forName knows
    for (java.nio.charset.Charset c : java.nio.charset.Charset.availableCharsets().values()) {
      java.util.List<String> labels = new java.util.ArrayList<>(c.aliases());
      labels.add(c.name());
      for (String label : labels) {
        java.nio.charset.Charset expected = java.nio.charset.Charset.forName(label);
        java.util.Optional<java.nio.charset.Charset> got = CharsetNames.forLabel(" " + label.toUpperCase(java.util.Locale.ROOT) + " ");
        assertThat(got).as(label).isPresent();
        if (!got.get().equals(GB18030) && !got.get().equals(BIG5) && !got.get().equals(java.nio.charset.StandardCharsets.UTF_8)) {
          assertThat(got).as(label).contains(expected);
        }
      }
    }
    assertThat(CharsetNames.forLabel("iso-8859-1")).contains(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(CharsetNames.forLabel("Shift_JIS")).contains(java.nio.charset.Charset.forName("Shift_JIS"));
    assertThat(CharsetNames.forLabel("utf-8\"")).contains(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(CharsetNames.forLabel("a/b")).isEmpty(); // an illegal name is unknown, not an exception
  }
}
