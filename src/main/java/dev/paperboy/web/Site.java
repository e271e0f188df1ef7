package dev.paperboy.web;

import dev.paperboy.runtime.PaperboySettings;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The site as the operator configured it ({@code PAPERBOY_BASE_URL}), never as a request or a proxy
 * describes it: which {@code Host} and {@code Origin} are ours, and whether cookies must be Secure.
 */
@Component
class Site {

  /** Names a DNS rebinding attack cannot put in the Host header: they are never its domain. */
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

  private final Optional<URI> base;

  Site(PaperboySettings settings) {
    String url = settings.baseUrl();
    this.base = url == null || url.isBlank() ? Optional.empty() : Optional.of(parse(url));
  }

  private static URI parse(String url) {
    URI uri = URI.create(url.strip());
    if (uri.getHost() == null
        || !("http".equalsIgnoreCase(uri.getScheme())
            || "https".equalsIgnoreCase(uri.getScheme()))) {
      throw new IllegalStateException(
          "PAPERBOY_BASE_URL must be the site's http(s) address, like https://papers.example.org;"
              + " got "
              + url);
    }
    return uri;
  }

  boolean https() {
    return base.map(u -> "https".equalsIgnoreCase(u.getScheme())).orElse(false);
  }

  /**
   * A Host header names this site: the configured one (its port may be left out when it is the
   * scheme's default), or a loopback name on any port, which is how the CLI and a same-host proxy
   * reach us.
   */
  boolean isOurHost(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String given = host.strip().toLowerCase(Locale.ROOT);
    return LOOPBACK_NAMES.contains(withoutPort(given))
        || base.map(u -> authorities(u).contains(given)).orElse(false);
  }

  /** An Origin header is ours: the configured site, or the very host this request was sent to. */
  boolean isOurOrigin(String origin, HttpServletRequest request) {
    String given = origin.strip().toLowerCase(Locale.ROOT);
    String host = String.valueOf(request.getHeader("Host")).toLowerCase(Locale.ROOT);
    return base.map(u -> given.equals(origin(u))).orElse(false)
        || (isOurHost(host) && (given.equals("http://" + host) || given.equals("https://" + host)));
  }

  /**
   * A cookie for this site: HttpOnly, for every path, and Secure whenever the site is https — even
   * when a proxy in front forgets to say the request came over TLS.
   */
  ResponseCookie.ResponseCookieBuilder cookie(
      String name, String value, HttpServletRequest request) {
    return ResponseCookie.from(name, value)
        .path("/")
        .httpOnly(true)
        .secure(https() || request.isSecure());
  }

  private static String withoutPort(String host) {
    int colon = host.lastIndexOf(':');
    return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
  }

  private static Set<String> authorities(URI u) {
    String host = u.getHost().toLowerCase(Locale.ROOT);
    int port = u.getPort() == -1 ? defaultPort(u) : u.getPort();
    return port == defaultPort(u) ? Set.of(host, host + ":" + port) : Set.of(host + ":" + port);
  }

  private static String origin(URI u) {
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    int port = u.getPort();
    String host = u.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + (port == -1 || port == defaultPort(u) ? "" : ":" + port);
  }

  private static int defaultPort(URI u) {
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }
}
