package dev.paperboy.web;

import dev.paperboy.digest.MailSettings;
import dev.paperboy.digest.Subscriber;
import dev.paperboy.digest.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the CSRF value for its forms, the signed-in reader for the
 * header, and for the operator only, whether mail waits on the local mail page.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

  private final Site site;
  private final Session session;
  private final MailSettings mail;
  private final Tokens tokens;

  PageModel(Site site, Session session, MailSettings mail, Tokens tokens) {
    this.site = site;
    this.session = session;
    this.mail = mail;
    this.tokens = tokens;
  }

  @ModelAttribute("csrf")
  String csrf(HttpServletRequest request, HttpServletResponse response) {
    return Csrf.token(request, response, site);
  }

  /**
   * The signed-in reader, or null: the header offers Library, Settings and Sign out, or Sign in.
   */
  @ModelAttribute("reader")
  Subscriber reader(HttpServletRequest request) {
    return session.current(request).orElse(null);
  }

  /**
   * True when no SMTP server is configured and the operator is looking: a public visitor is not
   * told how this server sends mail.
   */
  @ModelAttribute("mailWaits")
  boolean mailWaits(HttpServletRequest request) {
    return !mail.smtpConfigured()
        && Csrf.cookie(request, OperatorSignIn.COOKIE)
            .flatMap(c -> tokens.verify(c, Tokens.Purpose.OPERATOR))
            .isPresent();
  }
}
