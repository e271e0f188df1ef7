package dev.paperboy.digest;

import dev.paperboy.runtime.SiteAddress;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The short transactional letters: confirm your address, and sign in. */
@Component
class Letters {

  private final Tokens tokens;
  private final SiteAddress site;
  private final MailSettings settings;

  Letters(Tokens tokens, SiteAddress site, MailSettings settings) {
    this.tokens = tokens;
    this.site = site;
    this.settings = settings;
  }

  /** The confirmation letter for the link with this serial (see {@link Subscribers#newLink}). */
  Outbox.Draft confirm(Subscriber s, long serial) {
    String link =
        site.base() + "/confirm?token=" + tokens.issue(Tokens.Purpose.CONFIRM, s.id(), serial);
    return letter(
        s,
        "confirm",
        "Confirm your Paperboy subscription",
        "Someone, probably you, asked for Paperboy's trending papers at this address.",
        "Confirm the subscription",
        link,
        "If it was not you, ignore this mail: without confirmation nothing more is sent.");
  }

  Outbox.Draft signIn(Subscriber s, long serial) {
    String link =
        site.base() + "/session?token=" + tokens.issue(Tokens.Purpose.SIGN_IN, s.id(), serial);
    return letter(
        s,
        "signin",
        "Your Paperboy sign-in link",
        "Here is your link to sign in to Paperboy, to vote, save papers and set up your digest."
            + " It works once, for 30 minutes.",
        "Sign in to Paperboy",
        link,
        "If you did not ask for it, ignore this mail.");
  }

  private Outbox.Draft letter(
      Subscriber s,
      String kind,
      String subject,
      String intro,
      String action,
      String link,
      String outro) {
    String text = intro + "\n\n" + action + ":\n" + link + "\n\n" + outro + "\n";
    String html =
        // Long links wrap anywhere, so the letter never runs wider than a phone's screen.
        "<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;"
            + "color:#1b1f24;max-width:560px;overflow-wrap:anywhere;word-break:break-word\"><p>"
            + HtmlUtils.htmlEscape(intro)
            + "</p>"
            + "<p><a href=\""
            + HtmlUtils.htmlEscape(link)
            + "\" style=\"display:inline-block;"
            + "background:#0b5cad;color:#ffffff;padding:10px 16px;border-radius:6px;"
            + "text-decoration:none\">"
            + HtmlUtils.htmlEscape(action)
            + "</a></p><p style=\"font-size:13px;color:#57606a\">Or open this address: "
            + HtmlUtils.htmlEscape(link)
            + "</p><p style=\""
            + "color:#57606a\">"
            + HtmlUtils.htmlEscape(outro)
            + "</p></body></html>";
    return new Outbox.Draft(
        messageId(UUID.randomUUID().toString()),
        s.email(),
        s.id(),
        kind,
        subject,
        text,
        html,
        null);
  }

  /** A Message-ID in the sender's domain; fixed when queued, so a resend keeps it. */
  String messageId(String unique) {
    String from = settings.from();
    String domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "paperboy";
    return "<" + unique + "@" + domain.replaceAll("[^A-Za-z0-9.-]", "") + ">";
  }
}
