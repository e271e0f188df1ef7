package dev.paperboy.web;

import dev.paperboy.digest.EmailedLink;
import dev.paperboy.digest.InvalidSubscription;
import dev.paperboy.digest.Subscriber;
import dev.paperboy.digest.Subscriptions;
import dev.paperboy.digest.TooManyRequests;
import dev.paperboy.foryou.ForYou;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Signing in and out, subscribing, confirming, the account's settings and leaving the digest. Links
 * in mail lead to a page with a button (a POST), so a mail scanner that follows links confirms
 * nothing; the one-click unsubscribe POST of RFC 8058 works without a page. A link used once
 * already says so and offers a fresh one.
 */
@Controller
class SubscriptionPages {

  static final String CHECK_INBOX =
      "Check your inbox: if the address can receive mail, a link"
          + " is on its way. It expires, so use it soon.";

  static final String UNSUBSCRIBED =
      "No more digests will be sent. Your account stays: sign in any time for your library and"
          + " votes, or to turn the digest back on.";

  private final Subscriptions subscriptions;
  private final Session session;
  private final Site site;
  private final ForYou forYou;

  SubscriptionPages(Subscriptions subscriptions, Session session, Site site, ForYou forYou) {
    this.subscriptions = subscriptions;
    this.session = session;
    this.site = site;
    this.forYou = forYou;
  }

  @PostMapping("/subscribe")
  String subscribe(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String topics,
      @RequestParam(defaultValue = "") String zone,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return mailing(
        () -> subscriptions.subscribe(email, lines(topics), zone, ClientAddress.of(request).key()),
        "Almost there",
        "subscribe",
        Map.of("subscribeEmail", email, "subscribeTopics", topics),
        response,
        model);
  }

  /**
   * Says what is wrong beside the field at fault: {@code fieldProblems} maps an input's id (the
   * form's prefix and the field's name) to the problem, for layout's {@code field-problem}.
   */
  static void problem(Model model, String prefix, InvalidSubscription e) {
    model.addAttribute("fieldProblems", Map.of(prefix + e.field().formName(), e.getMessage()));
  }

  /** The JSON form of subscribing: the same checks, limits and answers. */
  record SubscriptionRequest(String email, List<String> topics, String zone) {}

  @PostMapping("/api/subscriptions")
  @ResponseBody
  ResponseEntity<Map<String, String>> subscribeJson(
      @RequestBody SubscriptionRequest body, HttpServletRequest request) {
    try {
      subscriptions.subscribe(
          body.email(), body.topics(), body.zone(), ClientAddress.of(request).key());
      return ResponseEntity.accepted().body(Map.of("status", CHECK_INBOX));
    } catch (InvalidSubscription e) {
      return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    } catch (TooManyRequests e) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
          .body(Map.of("error", e.getMessage()));
    }
  }

  @GetMapping("/confirm")
  String confirmPage(@RequestParam(defaultValue = "") String token, Model model) {
    return action(
        model,
        "Confirm your subscription",
        "One click and Paperboy will send you trending papers.",
        "/confirm",
        token,
        "Confirm my subscription");
  }

  @PostMapping("/confirm")
  String confirm(
      @RequestParam(defaultValue = "") String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return signedIn(subscriptions.confirm(token), "/settings?subscribed", request, response, model);
  }

  @GetMapping("/signin")
  String signInPage() {
    return "signin";
  }

  /** Signs out this browser: its session ends, wherever its cookie may have been copied. */
  @PostMapping("/settings/signout")
  String signOut(HttpServletResponse response, HttpServletRequest request, Model model) {
    session.token(request).ifPresent(subscriptions::signOut);
    forget(request, response, model);
    return message(
        model,
        "You are signed out",
        "Sign in again any time with an emailed link. If your digest is on, it keeps coming.");
  }

  /** Signs out every browser, and voids the sign-in links already mailed, digests' included. */
  @PostMapping("/settings/signout-everywhere")
  String signOutEverywhere(HttpServletResponse response, HttpServletRequest request, Model model) {
    Subscriber s = session.required(request);
    subscriptions.signOutEverywhere(s.id());
    forget(request, response, model);
    return message(
        model,
        "You are signed out everywhere",
        "Every browser is signed out, and the sign-in links already mailed, those in past digests"
            + " too, no longer work. If your digest is on, it keeps coming, with a fresh link.");
  }

  @PostMapping("/signin")
  String signIn(
      @RequestParam(defaultValue = "") String email,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return mailing(
        () -> subscriptions.requestSignIn(email, ClientAddress.of(request).key()),
        "Check your inbox",
        "signin",
        Map.of("signinEmail", email),
        response,
        model);
  }

  @GetMapping("/session")
  String sessionPage(@RequestParam(defaultValue = "") String token, Model model) {
    return action(
        model,
        "Sign in to Paperboy",
        "Continue to your topics and schedule.",
        "/session",
        token,
        "Sign in");
  }

  @PostMapping("/session")
  String session(
      @RequestParam(defaultValue = "") String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return signedIn(subscriptions.signIn(token), "/settings", request, response, model);
  }

  @GetMapping("/settings")
  String settings(HttpServletRequest request, Model model) {
    Subscriber subscriber = session.required(request);
    return settingsForm(
        model,
        subscriber,
        String.join("\n", subscriber.topics()),
        subscriber.cadence(),
        subscriber.hour(),
        subscriber.zone());
  }

  /** The settings form, filled with these values: the saved ones, or those just typed. */
  private String settingsForm(
      Model model, Subscriber subscriber, String topics, String cadence, int hour, String zone) {
    model.addAttribute("subscriber", subscriber);
    model.addAttribute("forYou", forYou.enabled(subscriber.id()));
    model.addAttribute("topics", topics);
    model.addAttribute("cadence", cadence);
    model.addAttribute("hour", hour);
    model.addAttribute("zone", zone);
    return "settings";
  }

  @PostMapping("/settings")
  String save(
      @RequestParam(required = false) Boolean digest,
      @RequestParam(defaultValue = "") String topics,
      @RequestParam(defaultValue = "daily") String cadence,
      @RequestParam(defaultValue = "8") int hour,
      @RequestParam(defaultValue = "UTC") String zone,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Subscriber s = session.required(request);
    try {
      boolean on = digest == null ? s.digest() : digest;
      subscriptions.preferences(s.id(), on, lines(topics), cadence, hour, zone);
      return "redirect:/settings?saved";
    } catch (InvalidSubscription e) {
      // The form again, as typed, with the problem beside its field.
      response.setStatus(400);
      problem(model, "", e);
      return settingsForm(model, s, topics, cadence, hour, zone);
    }
  }

  /** Turns the digest off; the reader stays signed in, with their library and votes. */
  @PostMapping("/settings/unsubscribe")
  String leave(HttpServletRequest request, Model model) {
    session.current(request).ifPresent(s -> subscriptions.unsubscribe(s.id()));
    return message(model, "You are unsubscribed", UNSUBSCRIBED);
  }

  @GetMapping("/unsubscribe")
  String unsubscribePage(@RequestParam(defaultValue = "") String token, Model model) {
    model.addAttribute("noCsrf", true);
    return action(
        model,
        "Unsubscribe",
        "Stop the Paperboy digests to this address.",
        "/unsubscribe",
        token,
        "Unsubscribe");
  }

  /** RFC 8058 one-click: mail clients POST here with List-Unsubscribe=One-Click. */
  @PostMapping("/unsubscribe")
  String unsubscribe(
      @RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
    if (subscriptions.unsubscribe(token).isEmpty()) {
      response.setStatus(400);
      return message(
          model,
          "This link does not work",
          "It is invalid or has expired. Sign in to manage your subscription.");
    }
    return message(model, "You are unsubscribed", UNSUBSCRIBED);
  }

  /**
   * Runs a request that sends mail, answering the same way whatever the address. An invalid request
   * shows its form's page again (the template {@code form}, whose inputs' ids start with {@code
   * form-}), filled with what was typed, and the problem beside its field.
   */
  private static String mailing(
      Runnable request,
      String title,
      String form,
      Map<String, String> typed,
      HttpServletResponse response,
      Model model) {
    try {
      request.run();
      return message(model, title, CHECK_INBOX);
    } catch (InvalidSubscription e) {
      response.setStatus(400);
      problem(model, form + "-", e);
      model.addAllAttributes(typed);
      return form;
    } catch (TooManyRequests e) {
      response.setStatus(429);
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
      return message(model, "Slow down", e.getMessage());
    }
  }

  private String signedIn(
      EmailedLink link,
      String landing,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    switch (link.outcome()) {
      case SPENT -> {
        response.setStatus(HttpServletResponse.SC_GONE);
        return freshLink(
            model,
            "This link was used already",
            "Each emailed link works once, and a newer link replaces an older one. Ask for a"
                + " fresh link here.");
      }
      case INVALID -> {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return freshLink(
            model,
            "This link does not work",
            "It is invalid, was made for something else, or has expired. Ask for a fresh link"
                + " here.");
      }
      case SIGNED_IN -> {
        openSession(link.subscriber().orElseThrow(), request, response);
        return "redirect:" + landing;
      }
    }
    throw new IllegalStateException("unknown outcome " + link.outcome());
  }

  private void openSession(
      Subscriber subscriber, HttpServletRequest request, HttpServletResponse response) {
    response.addHeader(
        "Set-Cookie",
        site.cookie(Session.COOKIE, subscriptions.session(subscriber), request)
            // Lax, not Strict: a reader arriving from a link in a digest is still signed in.
            .sameSite("Lax")
            .maxAge(30L * 24 * 3600)
            .build()
            .toString());
  }

  /** Ends this browser's cookie; the page rendered now already shows the header signed out. */
  private void forget(HttpServletRequest request, HttpServletResponse response, Model model) {
    model.addAttribute("reader", null);
    response.addHeader(
        "Set-Cookie",
        site.cookie(Session.COOKIE, "", request).sameSite("Lax").maxAge(0).build().toString());
  }

  /** The sign-in form, under a notice saying why it is shown. */
  private static String freshLink(Model model, String title, String text) {
    model.addAttribute("title", title);
    model.addAttribute("text", text);
    return "signin";
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("[\\n,]"))
        .map(String::strip)
        .filter(t -> !t.isEmpty())
        .toList();
  }

  private static String message(Model model, String title, String text) {
    model.addAttribute("title", title);
    model.addAttribute("text", text);
    return "message";
  }

  private static String action(
      Model model, String title, String text, String action, String token, String button) {
    model.addAttribute("title", title);
    model.addAttribute("text", text);
    model.addAttribute("action", action);
    model.addAttribute("token", token);
    model.addAttribute("button", button);
    return "action";
  }
}
