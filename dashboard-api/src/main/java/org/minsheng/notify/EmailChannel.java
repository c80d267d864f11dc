package org.minsheng.notify;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * SMTP e-mail through Jakarta Mail: subject = headline, plain-text UTF-8 body, {@code Message-ID} derived from the
 * idempotency key (so mail clients and archives can fold a resend into the original). Connection failures are
 * retried; refused addresses fail for good.
 */
public final class EmailChannel implements Channel {

  private final String name;
  private final Session session;
  private final String from;
  private final List<String> to;
  private final String user;
  private final String password;

  /**
   * @param smtpProperties {@code mail.smtp.*} properties: host, port, starttls, timeouts
   */
  public EmailChannel(String name, Properties smtpProperties, String from, List<String> to, String user,
      String password) {
    this.name = name;
    this.session = Session.getInstance(smtpProperties);
    this.from = from;
    this.to = List.copyOf(to);
    this.user = user;
    this.password = password;
  }

  @Override
  public String name() {
    return name;
  }

  MimeMessage message(AlertMessage m, String idempotencyKey) throws MessagingException {
    String messageId = "<" + idempotencyKey.replaceAll("[^A-Za-z0-9.:_-]", "_") + "@minsheng>";
    MimeMessage msg = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    msg.setFrom(new InternetAddress(from));
    Address[] recipients = new Address[to.size()];
    for (int i = 0; i < to.size(); i++) {
      recipients[i] = new InternetAddress(to.get(i), true);
    }
    msg.setRecipients(Message.RecipientType.TO, recipients);
    msg.setSubject(m.headline(), StandardCharsets.UTF_8.name());
    msg.setText(AlertText.plain(m), StandardCharsets.UTF_8.name());
    msg.setHeader("X-Minsheng-Alert", m.alertId());
    msg.setHeader("X-Minsheng-Level", m.level());
    return msg;
  }

  @Override
  public DeliveryResult send(AlertMessage m, String idempotencyKey) {
    try {
      MimeMessage msg = message(m, idempotencyKey);
      if (user != null && !user.isBlank()) {
        Transport.send(msg, user, password);
      } else {
        Transport.send(msg);
      }
      return DeliveryResult.delivered("sent to " + to.size() + " recipient(s)");
    } catch (AddressException e) {
      return DeliveryResult.permanent("bad address: " + e.getMessage());
    } catch (SendFailedException e) {
      boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
      return refused ? DeliveryResult.permanent("refused: " + e.getMessage())
          : DeliveryResult.retry("send failed: " + e.getMessage());
    } catch (MessagingException e) {
      return DeliveryResult.retry("SMTP: " + e.getMessage());
    }
  }
}
