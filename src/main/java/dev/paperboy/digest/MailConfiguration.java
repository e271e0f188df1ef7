package dev.paperboy.digest;

import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The SMTP connection (only when PAPERBOY_SMTP_HOST is set) and the mail schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

  @Bean
  @ConditionalOnExpression("!'${paperboy.mail.smtp-host:}'.isBlank()")
  JavaMailSender smtp(MailSettings settings, @Value("${paperboy.mail.smtp-tls:}") String tls) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(settings.smtpHost());
    sender.setPort(settings.smtpPort());
    if (settings.smtpUsername() != null && !settings.smtpUsername().isBlank()) {
      sender.setUsername(settings.smtpUsername());
      sender.setPassword(settings.smtpPassword());
    }
    Properties p = sender.getJavaMailProperties();
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "30000");
    p.put("mail.smtp.writetimeout", "30000");
    p.put("mail.smtp.auth", String.valueOf(sender.getUsername() != null));
    SmtpTls.choose(tls, settings.smtpHost(), settings.smtpPort()).apply(p);
    return sender;
  }

  /**
   * Digests when due, and the outbox drained: background work of a serving process, off in
   * commands; not tied to the source schedule, so an instance that fetches nothing still mails.
   */
  @Configuration(proxyBeanMethods = false)
  @EnableScheduling
  @ConditionalOnProperty(name = "paperboy.background-jobs", havingValue = "true")
  static class MailSchedule {

    private final Digests digests;
    private final Postman postman;

    MailSchedule(Digests digests, Postman postman) {
      this.digests = digests;
      this.postman = postman;
    }

    @Scheduled(fixedDelayString = "${paperboy.mail.digest-every}")
    void digests() {
      digests.runDue();
    }

    @Scheduled(fixedDelayString = "${paperboy.mail.send-every}")
    void send() {
      postman.sendDue();
    }
  }
}
