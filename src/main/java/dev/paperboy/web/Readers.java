package dev.paperboy.web;

import dev.paperboy.digest.Subscriber;
import dev.paperboy.digest.Subscriptions;
import dev.paperboy.foryou.ApiTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Who is asking the JSON API: the reader whose personal API token comes as {@code Authorization:
 * Bearer}, else the reader of the session cookie. Every {@code /api} route that acts for a reader
 * asks here. A token that is unknown or revoked is refused, never taken for no one. A request that
 * changes something on the strength of the cookie alone must carry the page's CSRF value (header
 * {@value #CSRF_HEADER}), as forms do: browsers send the cookie with another site's requests too,
 * but never a header that site set. Operator surfaces take no personal token: {@link
 * OperatorAccess} knows only the operator's credentials.
 */
@Component
class Readers {

  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final String BEARER = "Bearer ";

  private final Session session;
  private final ApiTokens tokens;
  private final Subscriptions subscriptions;

  Readers(Session session, ApiTokens tokens, Subscriptions subscriptions) {
    this.session = session;
    this.tokens = tokens;
    this.subscriptions = subscriptions;
  }

  /**
   * The reader, if any: {@link ReaderRequired} for a bad token, {@link CrossSiteRequest} for a
   * cookie without the CSRF value on a request that changes something.
   */
  Optional<Subscriber> current(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null) {
      return Optional.of(byToken(authorization));
    }
    Optional<Subscriber> reader = session.current(request);
    if (reader.isEmpty()) {
      return reader;
    }
    if (!SAFE_METHODS.contains(request.getMethod())
        && !Csrf.matches(request, request.getHeader(CSRF_HEADER))) {
      throw new CrossSiteRequest(CrossSiteRequest.NO_CSRF_VALUE);
    }
    // A cookie sent along with another site's request or a prefetch: even a GET has effects here
    // (For you records what it shows), so the browser's word that no one may be looking counts.
    if (unseen(request)) {
      throw new CrossSiteRequest(CrossSiteRequest.UNSEEN);
    }
    return reader;
  }

  /**
   * Whether the browser says no one may be looking: another site's request, or a prefetch (a
   * speculative load the reader may never see). For you records what it shows, so these get nothing
   * recorded.
   */
  static boolean unseen(HttpServletRequest request) {
    String purpose = request.getHeader("Sec-Purpose");
    return "cross-site".equals(request.getHeader("Sec-Fetch-Site"))
        || (purpose != null && purpose.contains("prefetch"))
        || "prefetch".equalsIgnoreCase(request.getHeader("Purpose"));
  }

  /** The reader, or {@link ReaderRequired} (401) when no one is signed in or named by a token. */
  Subscriber required(HttpServletRequest request) {
    return current(request).orElseThrow(() -> new ReaderRequired(ReaderRequired.NO_READER));
  }

  private Subscriber byToken(String authorization) {
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new ReaderRequired(ReaderRequired.NO_READER);
    }
    return tokens
        .reader(authorization.substring(BEARER.length()).strip())
        .flatMap(subscriptions::account)
        .orElseThrow(() -> new ReaderRequired(ReaderRequired.BAD_TOKEN));
  }
}
