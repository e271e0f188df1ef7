package dev.paperboy.web;

import dev.paperboy.digest.Tokens;
import dev.paperboy.runtime.OperatorToken;
import dev.paperboy.runtime.PaperboySettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every {@link OperatorSurfaces operator surface} closed to anyone without the operator
 * credential, wherever the request comes from: a same-host proxy makes every visitor look local,
 * and forwarded headers are whatever the client wrote. The credential is the token from the data
 * directory (the CLI), {@code PAPERBOY_ADMIN_TOKEN} (remote operators) or the signed cookie of a
 * one-time sign-in link (a browser). The Host must be ours (against DNS rebinding), and a request
 * that changes something must not come from another site (against cross-site forms).
 */
final class OperatorAccess extends OncePerRequestFilter {

  static final String REFUSAL = "paperboy.operator.refusal";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> PAGE_METHODS = Set.of("GET", "HEAD", "POST");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Why a request is turned away, and with which status. */
  enum Refusal {
    NO_CREDENTIAL(
        401,
        "this is an operator page: sign in with the link `bin/paperboy serve` printed, or a new"
            + " one from `bin/paperboy operator-link`; programs send the operator token as a"
            + " bearer token"),
    WRONG_CREDENTIAL(
        403,
        "the operator credential is wrong or has expired: get a new sign-in link with"
            + " `bin/paperboy operator-link`"),
    FOREIGN_HOST(
        403,
        "operator pages answer only at this site's own address (PAPERBOY_BASE_URL or localhost)"),
    CROSS_SITE(403, "a request from another site cannot change anything on an operator page");

    final int status;
    final String message;

    Refusal(int status, String message) {
      this.status = status;
      this.message = message;
    }
  }

  private final OperatorToken fileToken;
  private final byte[] adminToken;
  private final Tokens tokens;
  private final Site site;

  OperatorAccess(OperatorToken fileToken, PaperboySettings settings, Tokens tokens, Site site) {
    this.fileToken = fileToken;
    String t = settings.adminToken();
    this.adminToken = t == null || t.isBlank() ? null : t.getBytes(StandardCharsets.UTF_8);
    this.tokens = tokens;
    this.site = site;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !OperatorSurfaces.covers(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Refusal> refusal = refusal(request);
    if (refusal.isEmpty()) {
      chain.doFilter(request, response);
    } else {
      refuse(refusal.get(), request, response);
    }
  }

  /** Why this request may not pass, if it may not. */
  private Optional<Refusal> refusal(HttpServletRequest request) {
    if (!site.isOurHost(request.getHeader("Host"))) {
      return Optional.of(Refusal.FOREIGN_HOST);
    }
    if (!SAFE_METHODS.contains(request.getMethod()) && fromAnotherSite(request)) {
      return Optional.of(Refusal.CROSS_SITE);
    }
    String bearer = request.getHeader("Authorization");
    Optional<String> cookie = Csrf.cookie(request, OperatorSignIn.COOKIE);
    if (bearer == null && cookie.isEmpty()) {
      return Optional.of(Refusal.NO_CREDENTIAL);
    }
    boolean valid =
        bearer != null
            ? isOperatorToken(bearer)
            : tokens.verify(cookie.get(), Tokens.Purpose.OPERATOR).isPresent();
    return valid ? Optional.empty() : Optional.of(Refusal.WRONG_CREDENTIAL);
  }

  /**
   * Browsers say where a request comes from, and no page can make them lie; the CLI and scripts
   * send neither header.
   */
  private boolean fromAnotherSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    String origin = request.getHeader("Origin");
    return "cross-site".equals(fetchSite)
        || "same-site".equals(fetchSite)
        || (origin != null && !site.isOurOrigin(origin, request));
  }

  private boolean isOperatorToken(String header) {
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    String given = header.substring(7).strip();
    boolean admin =
        adminToken != null
            && MessageDigest.isEqual(adminToken, given.getBytes(StandardCharsets.UTF_8));
    return fileToken.matches(given) | admin;
  }

  private static void refuse(
      Refusal refusal, HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    response.setStatus(refusal.status);
    if (refusal == Refusal.NO_CREDENTIAL) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"paperboy operator\"");
    }
    if (OperatorSurfaces.wantsJson(request)) {
      response.setContentType("application/json");
      response.getWriter().write(JSON.writeValueAsString(Map.of("error", refusal.message)));
      return;
    }
    if (!PAGE_METHODS.contains(request.getMethod())) {
      // Spring answers OPTIONS (and the like) itself, with no page: the error dispatch has one.
      response.sendError(refusal.status, refusal.message);
      return;
    }
    request.setAttribute(REFUSAL, refusal);
    request.getRequestDispatcher(OperatorSignIn.REFUSED).forward(request, response);
  }
}
