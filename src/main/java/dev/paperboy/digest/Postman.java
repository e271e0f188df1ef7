package dev.paperboy.digest;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox over SMTP: claims a batch, sends each message with its fixed Message-ID, and
 * records the outcome — sent; retried later with exponential backoff; or failed with the server's
 * reply, counting a permanent (5xx) rejection against the address, which is marked bouncing at the
 * limit. Without an SMTP server, nothing is sent and the mail waits for the local mail page.
 */
@Component
public class Postman {

  private static final Logger log = LoggerFactory.getLogger(Postman.class);
  private static final Pattern PERMANENT = Pattern.compile("(^|\\D)5\\d\\d[ -]");
  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

  private final Outbox outbox;
  private final Subscribers subscribers;
  private final Optional<JavaMailSender> smtp;
  private final MailSettings settings;
  private final MeterRegistry meters;
  private final Clock clock;

  Postman(
      Outbox outbox,
      Subscribers subscribers,
      Optional<JavaMailSender> smtp,
      MailSettings settings,
      MeterRegistry meters,
      Clock clock) {
    this.outbox = outbox;
    this.subscribers = subscribers;
    this.smtp = smtp;
    this.settings = settings;
    this.meters = meters;
    this.clock = clock;
  }

  /** Sends what is due; returns how many were sent. */
  public int sendDue() {
    if (smtp.isEmpty()) {
      return 0;
    }
    int sent = 0;
    List<Outbox.Message> batch;
    while (!(batch = outbox.claim(BATCH)).isEmpty()) {
      sent += deliver(batch);
    }
    return sent;
  }

  /** Messages claimed and sent together, over one SMTP connection. */
  static final int BATCH = 20;

  /**
   * Sends a batch over one connection; each message's outcome is recorded on its own (the sender
   * reports which ones failed and why). Returns how many were sent.
   */
  private int deliver(List<Outbox.Message> batch) {
    Map<Outbox.Message, Exception> failures = new LinkedHashMap<>();
    List<Outbox.Message> built = new ArrayList<>();
    List<MimeMessage> mimes = new ArrayList<>();
    for (Outbox.Message m : batch) {
      try {
        mimes.add(mime(m));
        built.add(m);
      } catch (MessagingException e) {
        failures.put(m, e);
      }
    }
    try {
      smtp.get().send(mimes.toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      Map<Object, Exception> failed = e.getFailedMessages();
      for (int i = 0; i < built.size(); i++) {
        if (failed.containsKey(mimes.get(i))) {
          failures.put(built.get(i), failed.get(mimes.get(i)));
        }
      }
      if (failed.isEmpty()) {
        built.forEach(m -> failures.put(m, e));
      }
    } catch (RuntimeException e) {
      built.forEach(m -> failures.put(m, e));
    }
    int sent = 0;
    for (Outbox.Message m : batch) {
      Exception failure = failures.get(m);
      if (failure == null) {
        outbox.sent(m.id());
        meters.counter("paperboy.mail.sent", "kind", m.kind()).increment();
        sent++;
      } else {
        failed(m, failure);
      }
    }
    return sent;
  }

  private void failed(Outbox.Message m, Exception e) {
    String reply = reply(e);
    if (PERMANENT.matcher(reply).find()) {
      outbox.failed(m.id(), reply);
      meters.counter("paperboy.mail.failed", "kind", m.kind()).increment();
      if (m.subscriberId() != null) {
        subscribers.bounced(m.subscriberId(), settings.bounceLimit());
        meters.counter("paperboy.mail.bounced").increment();
      }
    } else if (m.attempts() >= settings.maxAttempts()) {
      outbox.failed(m.id(), "gave up after " + m.attempts() + " tries: " + reply);
      meters.counter("paperboy.mail.failed", "kind", m.kind()).increment();
    } else {
      Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(m.attempts() - 1, 10));
      outbox.retryLater(m.id(), reply, clock.instant().plus(wait));
      log.warn("Mail {} not sent, retrying in {}: {}", m.id(), wait, reply);
    }
  }

  /** The innermost message: usually the SMTP server's own reply. */
  private static String reply(Throwable e) {
    Throwable t = e;
    String message = String.valueOf(e.getMessage());
    while (t != null) {
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
      t = t.getCause() == t ? null : t.getCause();
    }
    return message.strip();
  }

  private MimeMessage mime(Outbox.Message m) throws MessagingException {
    MimeMessage message =
        new FixedIdMessage(Session.getInstance(new java.util.Properties()), m.messageId());
    MimeMessageHelper mail = new MimeMessageHelper(message, false, "UTF-8");
    mail.setFrom(settings.from());
    mail.setTo(m.recipient());
    mail.setSubject(m.subject());
    if (m.htmlBody() == null) {
      mail.setText(m.textBody());
    } else {
      // multipart/alternative at the top: plain text first, HTML preferred where shown.
      MimeMultipart alternative = new MimeMultipart("alternative");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(m.textBody(), "UTF-8", "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(m.htmlBody(), "UTF-8", "html");
      alternative.addBodyPart(text);
      alternative.addBodyPart(html);
      message.setContent(alternative);
    }
    if (m.unsubscribeUrl() != null) {
      // RFC 8058: one POST to the link unsubscribes, without a page in between. No mailto:
      // Paperboy reads no mail, so a mailed request to leave would go unanswered.
      message.setHeader("List-Unsubscribe", "<" + m.unsubscribeUrl() + ">");
      message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    return message;
  }

  /** Keeps the Message-ID chosen when the mail was queued, so a resend is recognisable. */
  static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
