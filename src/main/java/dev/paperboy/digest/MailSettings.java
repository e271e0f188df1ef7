package dev.paperboy.digest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mail settings ({@code paperboy.mail.*}, from {@code PAPERBOY_SMTP_*} and {@code
 * PAPERBOY_MAIL_FROM}). With no SMTP host, mail stays in the outbox for the local mail page.
 */
@ConfigurationProperties("paperboy.mail")
public record MailSettings(
    String smtpHost,
    int smtpPort,
    String smtpUsername,
    String smtpPassword,
    String from,
    int maxAttempts,
    int bounceLimit,
    int perAddressPerHour,
    int perClientPerHour) {

  public boolean smtpConfigured() {
    return smtpHost != null && !smtpHost.isBlank();
  }
}
