package org.minsheng.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** E-mail against GreenMail's SMTP server on 127.0.0.1. */
class EmailChannelTest {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static Properties smtp(int port) {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", Integer.toString(port));
    p.put("mail.smtp.connectiontimeout", "2000");
    p.put("mail.smtp.timeout", "2000");
    return p;
  }

  @Test
  void sendsAUtf8MailWithTheHeadlineAndAStableMessageId() throws Exception {
    var ch = new EmailChannel("email", smtp(MAIL.getSmtp().getPort()), "minsheng@example.cn",
        List.of("duty@example.cn", "leader@example.cn"), null, null);
    AlertMessage alert = AlertMessage.fromDocument(AlertDocs.alert("a1", "I", List.of("email")));
    DeliveryResult r = ch.send(alert, "a1:I:email");
    assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage m = received[0];
    assertThat(m.getSubject()).isEqualTo("【红色预警】关键词「拆迁」");
    assertThat(m.getMessageID()).isEqualTo("<a1:I:email@minsheng>");
    assertThat(m.getHeader("X-Minsheng-Level")[0]).isEqualTo("I");
    String body = GreenMailUtil.getBody(m);
    assertThat(m.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat((String) m.getContent()).contains("原因：").contains("https://bbs.example.cn/t/1")
        .contains("查看详情：http://localhost:7070/#/alerts/a1");
    assertThat(body).isNotEmpty();
  }

  @Test
  void aDownSmtpServerIsRetried() {
    var ch = new EmailChannel("email", smtp(1), "minsheng@example.cn", List.of("duty@example.cn"), null, null);
    DeliveryResult r = ch.send(AlertMessage.fromDocument(AlertDocs.alert("a2", "IV", List.of("email"))), "k");
    assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
    assertThat(r.detail()).startsWith("SMTP: ");
  }
}
