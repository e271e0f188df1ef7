package dev.paperboy.web;

import dev.paperboy.digest.MailSettings;
import dev.paperboy.digest.Tokens;
import dev.paperboy.runtime.PaperboySettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * How a browser becomes the operator's: {@code serve} prints a one-time sign-in link at start (and
 * {@code bin/paperboy operator-link} asks for another); opening it sets a signed operator cookie
 * for a working day. The page operator surfaces show when they turn a browser away lives here too.
 */
@Controller
class OperatorSignIn {

  static final String COOKIE = "pb_operator";
  static final String REFUSED = "/operator/refused";
  static final String NO_SMTP =
      "No SMTP server is configured (PAPERBOY_SMTP_HOST): mail is not sent but waits on the local"
          + " mail page, /mail, for the operator.";

  private final OperatorLinks links;
  private final Tokens tokens;
  private final Site site;
  private final PaperboySettings settings;
  private final MailSettings mail;

  OperatorSignIn(
      OperatorLinks links, Tokens tokens, Site site, PaperboySettings settings, MailSettings mail) {
    this.mail = mail;
    this.links = links;
    this.tokens = tokens;
    this.site = site;
    this.settings = settings;
  }

  @EventListener
  void announce(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
      System.out.println(
          "Operator sign-in (once, within "
              + OperatorLinks.LIFETIME.toMinutes()
              + " minutes): "
              + link(web.getWebServer().getPort()));
      if (!mail.smtpConfigured()) {
        System.out.println(NO_SMTP);
      }
    }
  }

  /** A fresh link, for {@code bin/paperboy operator-link} (which holds the operator token). */
  @PostMapping("/admin/operator-link")
  @ResponseBody
  Map<String, String> newLink(HttpServletRequest request) {
    return Map.of("link", link(request.getLocalPort()));
  }

  @GetMapping("/operator/signin")
  String signIn(
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    response.setHeader("Cache-Control", "no-store");
    return switch (links.redeem(code)) {
      case SIGNED_IN -> {
        response.addHeader(
            "Set-Cookie",
            site.cookie(COOKIE, tokens.issue(Tokens.Purpose.OPERATOR, UUID.randomUUID()), request)
                .sameSite("Strict")
                .maxAge(Tokens.Purpose.OPERATOR.lifetime())
                .build()
                .toString());
        yield "redirect:/sources";
      }
      case USED -> page(response, model, 410, "This sign-in link was already used");
      case EXPIRED -> page(response, model, 410, "This sign-in link has expired");
      case UNKNOWN -> page(response, model, 400, "This sign-in link is not valid");
    };
  }

  /** Where {@link OperatorAccess} forwards a browser it turns away. */
  @RequestMapping(REFUSED)
  String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
    OperatorAccess.Refusal refusal =
        request.getAttribute(OperatorAccess.REFUSAL) instanceof OperatorAccess.Refusal r
            ? r
            : OperatorAccess.Refusal.NO_CREDENTIAL;
    String title = refusal.status == 401 ? "Operator sign-in needed" : "Not open to this request";
    page(response, model, refusal.status, title);
    model.addAttribute("reason", refusal.message);
    return "operator";
  }

  private String link(int port) {
    return links.link(settings.publicUrl(port));
  }

  private static String page(HttpServletResponse response, Model model, int status, String title) {
    response.setStatus(status);
    model.addAttribute("title", title);
    return "operator";
  }
}
