package dev.paperboy.digest;

import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * How mail reaches the SMTP server ({@code PAPERBOY_SMTP_TLS}). Off this machine, mail carries
 * sign-in links, so TLS is required, never merely tried: a server that does not offer it, or a
 * network that strips the offer, makes sending fail rather than go out in clear.
 */
enum SmtpTls {
  /** Plain connection upgraded by STARTTLS, which must succeed. */
  STARTTLS,
  /** TLS from the first byte (SMTPS), as on port 465. */
  IMPLICIT,
  /** No TLS: for a relay on this machine, or an explicit and documented choice. */
  NONE;

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

  /** The setting when given; else implicit on port 465, none on loopback, STARTTLS elsewhere. */
  static SmtpTls choose(String setting, String host, int port) {
    if (setting != null && !setting.isBlank()) {
      try {
        return valueOf(setting.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "PAPERBOY_SMTP_TLS must be starttls, implicit or none; got " + setting, e);
      }
    }
    if (port == 465) {
      return IMPLICIT;
    }
    return isLoopback(host) ? NONE : STARTTLS;
  }

  private static boolean isLoopback(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    return LOOPBACK.contains(h) || h.startsWith("127.");
  }

  /** The JavaMail properties that make this choice binding, with the server's name checked. */
  void apply(Properties p) {
    p.put("mail.smtp.starttls.enable", String.valueOf(this == STARTTLS));
    p.put("mail.smtp.starttls.required", String.valueOf(this == STARTTLS));
    p.put("mail.smtp.ssl.enable", String.valueOf(this == IMPLICIT));
    p.put("mail.smtp.ssl.checkserveridentity", String.valueOf(this != NONE));
  }
}
