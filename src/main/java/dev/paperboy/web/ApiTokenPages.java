package dev.paperboy.web;

import dev.paperboy.digest.Subscriber;
import dev.paperboy.digest.Subscriptions;
import dev.paperboy.foryou.ApiTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A reader's personal API tokens, on a page of their settings (create one, shown once; revoke any),
 * and for the operator's CLI ({@code bin/paperboy token create|revoke EMAIL}) under {@code /admin}.
 */
@Controller
class ApiTokenPages {

  private final ApiTokens tokens;
  private final Session session;
  private final Subscriptions subscriptions;

  ApiTokenPages(ApiTokens tokens, Session session, Subscriptions subscriptions) {
    this.tokens = tokens;
    this.session = session;
    this.subscriptions = subscriptions;
  }

  @GetMapping("/settings/tokens")
  String list(HttpServletRequest request, Model model) {
    return page(session.required(request), null, model);
  }

  /** Shows the new token on the answer itself, never in an address or a redirect. */
  @PostMapping("/settings/tokens")
  String create(
      @RequestParam(defaultValue = "") String name,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Subscriber reader = session.required(request);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    return page(reader, tokens.create(reader.id(), name), model);
  }

  /** A token that is not the reader's own live one is a 404 saying so: nothing was revoked. */
  @PostMapping("/settings/tokens/revoke")
  String revoke(
      @RequestParam UUID id,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Subscriber reader = session.required(request);
    if (tokens.revoke(reader.id(), id)) {
      return "redirect:/settings/tokens?revoked";
    }
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("notFound", true);
    return page(reader, null, model);
  }

  /** A token as its row shows it: times in UTC, to the minute. */
  record Row(UUID id, String name, String created, String lastUsed) {

    private static final DateTimeFormatter MINUTE =
        DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static Row of(ApiTokens.Listed t) {
      return new Row(
          t.id(),
          t.name(),
          MINUTE.format(t.createdAt()),
          t.lastUsedAt() == null ? "never" : MINUTE.format(t.lastUsedAt()));
    }
  }

  private String page(Subscriber reader, ApiTokens.Issued issued, Model model) {
    model.addAttribute("subscriber", reader);
    model.addAttribute("issued", issued);
    model.addAttribute("tokens", tokens.of(reader.id()).stream().map(Row::of).toList());
    return "tokens";
  }

  /** {@code bin/paperboy token create EMAIL [--name NAME]}, through the server. */
  @PostMapping("/admin/tokens")
  @ResponseBody
  Map<String, String> createFor(
      @RequestParam String email, @RequestParam(defaultValue = "") String name) {
    ApiTokens.Issued issued = tokens.create(account(email).id(), name);
    return Map.of("name", issued.name(), "token", issued.token());
  }

  /** {@code bin/paperboy token revoke EMAIL}: every token of that reader. */
  @PostMapping("/admin/tokens/revoke")
  @ResponseBody
  Map<String, Integer> revokeFor(@RequestParam String email) {
    return Map.of("revoked", tokens.revokeAll(account(email).id()));
  }

  private Subscriber account(String email) {
    return subscriptions.account(email).orElseThrow(NoSuchAccount::new);
  }
}
